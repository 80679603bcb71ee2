import { inflowRemovalVerdict, outflowVerdict, type StockRefusal } from '@lakou/domain/circular';
import { and, eq, gte, sql } from 'drizzle-orm';
import { streamStocks } from '../db/schema/index.ts';
import type { Tx } from './circular.queries.ts';
import { CircularRefusal } from './circular.refusal.ts';

/** One change of a centre's stock of a stream, in integer grams. */
export interface StockChange {
  centreId: string;
  streamId: string;
  grams: number;
  /** The movement's date: the stock remembers its latest one. */
  occurredOn: string;
}

/**
 * What leaves a stock cannot be more than what is there: the 422 `INSUFFICIENT_STOCK` with the
 * stock left (`stockGrams`) and the French reason on `field` (`massGrams` by default).
 */
export class InsufficientStock extends CircularRefusal {
  readonly stockGrams: number;
  constructor(verdict: StockRefusal, field = 'massGrams') {
    super(422, verdict.message, verdict.code, field, { stockGrams: verdict.stockGrams });
    this.stockGrams = verdict.stockGrams;
  }
}

const latest = sql`greatest(${streamStocks.lastMovementOn}, excluded.last_movement_on)`;

/** Adds mass to a stock (an inflow), creating the stock row on a first movement. Returns the new stock. */
export async function addToStock(tx: Tx, change: StockChange): Promise<number> {
  const [row] = await tx
    .insert(streamStocks)
    .values({
      centreId: change.centreId,
      streamId: change.streamId,
      stockGrams: change.grams,
      lastMovementOn: change.occurredOn,
    })
    .onConflictDoUpdate({
      target: [streamStocks.centreId, streamStocks.streamId],
      set: {
        stockGrams: sql`${streamStocks.stockGrams} + excluded.stock_grams`,
        lastMovementOn: latest,
      },
    })
    .returning({ stockGrams: streamStocks.stockGrams });
  if (!row) throw new Error('stream stock not written');
  return row.stockGrams;
}

/**
 * Puts back mass that had left (a re-use, shipment or compost batch deleted as a correction).
 * The date of the latest movement is kept: nothing moved on that day.
 */
export async function putBackToStock(tx: Tx, change: Omit<StockChange, 'occurredOn'>) {
  const [row] = await tx
    .insert(streamStocks)
    .values({ centreId: change.centreId, streamId: change.streamId, stockGrams: change.grams })
    .onConflictDoUpdate({
      target: [streamStocks.centreId, streamStocks.streamId],
      set: { stockGrams: sql`${streamStocks.stockGrams} + excluded.stock_grams` },
    })
    .returning({ stockGrams: streamStocks.stockGrams });
  if (!row) throw new Error('stream stock not written');
  return row.stockGrams;
}

/** Locks a stock's row for the rest of the transaction and reads it (0 when nothing ever came in). */
export async function lockStock(
  tx: Tx,
  key: { centreId: string; streamId: string },
): Promise<number> {
  const [row] = await tx
    .select({ stockGrams: streamStocks.stockGrams })
    .from(streamStocks)
    .where(and(eq(streamStocks.centreId, key.centreId), eq(streamStocks.streamId, key.streamId)))
    .for('update');
  return row?.stockGrams ?? 0;
}

/**
 * Takes mass out of a stock (re-use, shipment, compost) or throws `InsufficientStock`. The row is
 * locked first, so concurrent takers queue on it; the conditional update is the rule itself —
 * the stock is only decremented when it holds enough — and the table's check backs it up.
 * Call it inside the transaction that records the movement. Returns the stock left.
 */
export async function takeFromStock(
  tx: Tx,
  change: StockChange & { field?: string },
): Promise<number> {
  return decrement(tx, change, change.occurredOn, outflowVerdict, change.field);
}

/**
 * Takes back a recorded inflow (deleted as a correction): refused with `InsufficientStock` (the
 * reason of `inflowRemovalVerdict`, on the inflow's mass) when part of it has already left.
 */
export async function withdrawFromStock(
  tx: Tx,
  change: Omit<StockChange, 'occurredOn'>,
): Promise<number> {
  return decrement(tx, change, null, inflowRemovalVerdict);
}

async function decrement(
  tx: Tx,
  change: Omit<StockChange, 'occurredOn'>,
  occurredOn: string | null,
  verdictOf: (stockGrams: number, grams: number) => StockRefusal | null,
  field = 'massGrams',
): Promise<number> {
  const stock = await lockStock(tx, change);
  const refusal = verdictOf(stock, change.grams);
  if (refusal) throw new InsufficientStock(refusal, field);
  const [row] = await tx
    .update(streamStocks)
    .set({
      stockGrams: sql`${streamStocks.stockGrams} - ${change.grams}`,
      ...(occurredOn
        ? { lastMovementOn: sql`greatest(${streamStocks.lastMovementOn}, ${occurredOn}::date)` }
        : {}),
    })
    .where(
      and(
        eq(streamStocks.centreId, change.centreId),
        eq(streamStocks.streamId, change.streamId),
        gte(streamStocks.stockGrams, change.grams),
      ),
    )
    .returning({ stockGrams: streamStocks.stockGrams });
  if (!row) {
    // Unreachable while the row is locked; the conditional update is still the rule.
    const now = await lockStock(tx, change);
    const verdict = verdictOf(now, change.grams);
    throw new InsufficientStock(
      verdict ?? { code: 'INSUFFICIENT_STOCK', message: 'Stock insuffisant.', stockGrams: now },
      field,
    );
  }
  return row.stockGrams;
}
