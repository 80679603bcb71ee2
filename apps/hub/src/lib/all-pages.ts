/** Every item of a paginated list, page after page (at most `maxPages` pages). */
export async function allPages<T>(
  fetchPage: (page: number) => Promise<{ items: T[]; total: number; pageSize: number }>,
  maxPages = 50,
): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; page <= maxPages; page++) {
    const result = await fetchPage(page);
    items.push(...result.items);
    if (result.items.length === 0 || page * result.pageSize >= result.total) break;
  }
  return items;
}
