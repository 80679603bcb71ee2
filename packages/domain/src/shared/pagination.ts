import { z } from 'zod';

export const PAGE_SIZE_DEFAULT = 20;
export const PAGE_SIZE_MAX = 100;

/** Query parameters every list endpoint accepts. Strings are coerced because they come from a URL. */
export const pageQuery = z.object({
  page: z.coerce
    .number({ error: 'La page doit être un nombre entier.' })
    .int({ error: 'La page doit être un nombre entier.' })
    .min(1, { error: 'La page commence à 1.' })
    .default(1),
  pageSize: z.coerce
    .number({ error: 'La taille de page doit être un nombre entier.' })
    .int({ error: 'La taille de page doit être un nombre entier.' })
    .min(1, { error: 'La taille de page est au moins 1.' })
    .max(PAGE_SIZE_MAX, { error: `La taille de page est au plus ${PAGE_SIZE_MAX}.` })
    .default(PAGE_SIZE_DEFAULT),
});
export type PageQuery = z.infer<typeof pageQuery>;

/** The envelope of every paginated list. */
export function paginated<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    page: z.number().int().min(1),
    pageSize: z.number().int().min(1),
    total: z.number().int().min(0),
  });
}

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

/** Row offset of a page; pages past the end simply return no rows. */
export function pageOffset({ page, pageSize }: PageQuery): number {
  return (page - 1) * pageSize;
}

/** Number of pages needed for `total` rows (at least one, so an empty list still has page 1). */
export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}
