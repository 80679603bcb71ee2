import { DEFAULT_LIST_ITEMS } from '@lakou/domain/config/lists';
import type { Db } from '../client.ts';
import { listItems } from '../schema/lists.ts';

/**
 * The editable lists a network starts with (resource kinds, in-kind categories, audiences, a
 * free tariff template). Idempotent: an item already there, even renamed or retired, is kept.
 */
export async function seedListItems(db: Db, organisationId: string): Promise<number> {
  const made = await db
    .insert(listItems)
    .values(DEFAULT_LIST_ITEMS.map((i) => ({ organisationId, ...i })))
    .onConflictDoNothing()
    .returning({ id: listItems.id });
  return made.length;
}
