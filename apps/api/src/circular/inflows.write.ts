import { and, eq } from 'drizzle-orm';
import { defaultsOfNewRow } from '../config/row-custom.ts';
import { sqlState } from '../db/errors.ts';
import { donations, inflows, materialStreams } from '../db/schema/index.ts';
import type { Tx } from './circular.queries.ts';
import { CircularRefusal } from './circular.refusal.ts';
import { addToStock } from './stock.write.ts';

export function giftAlreadyLinked() {
  return new CircularRefusal(
    422,
    'Ce don en nature a déjà son entrée en stock.',
    'DONATION_ALREADY_LINKED',
    'donationId',
  );
}

/** The unique index that keeps one inflow per gift refused a second one (a race the lock did not see). */
export function isGiftLinkViolation(error: unknown): boolean {
  if (sqlState(error) !== '23505') return false;
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 4; depth += 1) {
    const found = e as { constraint_name?: unknown; constraint?: unknown; cause?: unknown };
    if ((found.constraint_name ?? found.constraint) === 'circular_inflows_donation_key')
      return true;
    e = found.cause;
  }
  return false;
}

/**
 * The gift an inflow of origin `donation` names: an in-kind gift of the organisation, received
 * by that centre, with no inflow yet — else a 422 on `donationId`. The gift's row is locked so
 * two links of one gift queue (the unique index backs it up).
 */
export async function checkGiftToLink(tx: Tx, org: string, centreId: string, donationId: string) {
  const [gift] = await tx
    .select({
      kind: donations.kind,
      centreId: donations.centreId,
      organisationId: donations.organisationId,
    })
    .from(donations)
    .where(eq(donations.id, donationId))
    .for('update');
  if (!gift || gift.organisationId !== org) {
    throw new CircularRefusal(422, 'Ce don n’existe pas.', 'UNKNOWN_DONATION', 'donationId');
  }
  if (gift.kind !== 'in_kind') {
    throw new CircularRefusal(
      422,
      'Seul un don en nature entre en stock.',
      'NOT_IN_KIND',
      'donationId',
    );
  }
  if (gift.centreId !== centreId) {
    throw new CircularRefusal(
      422,
      'Ce don en nature a été reçu par un autre centre.',
      'DONATION_OF_ANOTHER_CENTRE',
      'donationId',
    );
  }
  const [linked] = await tx
    .select({ id: inflows.id })
    .from(inflows)
    .where(and(eq(inflows.donationId, donationId)));
  if (linked) throw giftAlreadyLinked();
}

/** An in-kind gift just recorded with a mass and a circular stream. */
export interface GiftInflow {
  organisationId: string;
  donationId: string;
  centreId: string;
  /** The stream's code (`textiles`, `weee`…). */
  streamCode: string;
  massGrams: number;
  receivedOn: string;
  createdBy: string | null;
}

/**
 * The inflow of an in-kind gift, in the gift's transaction: its estimated mass enters the
 * centre's stock of the stream the category points at. Nothing when the organisation has no
 * active stream of that code (a network that does not weigh it). Its custom values are the
 * defaults of the centre's inflow fields: the gift's form does not ask them (a required one stays
 * empty until someone fills it on the inflow). Returns the inflow's id, if any.
 */
export async function recordGiftInflow(tx: Tx, gift: GiftInflow): Promise<string | null> {
  const [stream] = await tx
    .select({ id: materialStreams.id })
    .from(materialStreams)
    .where(
      and(
        eq(materialStreams.organisationId, gift.organisationId),
        eq(materialStreams.code, gift.streamCode),
        eq(materialStreams.active, true),
      ),
    );
  if (!stream) return null;
  const [row] = await tx
    .insert(inflows)
    .values({
      occurredOn: gift.receivedOn,
      centreId: gift.centreId,
      streamId: stream.id,
      massGrams: gift.massGrams,
      measurement: 'estimated',
      origin: 'donation',
      donationId: gift.donationId,
      custom: await defaultsOfNewRow(tx, 'inflow', gift.centreId),
      createdBy: gift.createdBy,
    })
    .returning({ id: inflows.id });
  if (!row) throw new Error('gift inflow not written');
  await addToStock(tx, {
    centreId: gift.centreId,
    streamId: stream.id,
    grams: gift.massGrams,
    occurredOn: gift.receivedOn,
  });
  return row.id;
}
