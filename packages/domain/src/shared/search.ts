/**
 * The form of a text that searches compare: lower case, accents and punctuation dropped, spaces
 * collapsed — so « remire » finds « Rémire-Montjoly » and « st laurent » finds « Saint-Laurent ».
 */
export function searchKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\bst\b/g, 'saint')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
