/**
 * The in-kind gift categories every network starts with (its list may add more). A module of its
 * own, without zod, so that a page naming them does not load the fund's schemas.
 */
export const inKindCategories = [
  'furniture',
  'it_equipment',
  'appliances',
  'clothes',
  'food',
  'building_materials',
  'bikes',
  'books_toys',
  'other',
] as const;
export type InKindCategory = (typeof inKindCategories)[number];
