import { type CheckIn, type CoworkingPass, daysLeft, type PassKind } from '@lakou/domain/coworking';
import { eq } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import type { Db } from '../db/client.ts';
import { centres, coworkingCheckIns, coworkingPasses } from '../db/schema/index.ts';

type PassRow = typeof coworkingPasses.$inferSelect;

export function toPass(row: PassRow): CoworkingPass {
  return {
    id: row.id,
    centreId: row.centreId,
    kind: row.kind as PassKind,
    holderName: row.holderName,
    holderEmail: row.holderEmail,
    validFrom: row.validFrom,
    validUntil: row.validUntil,
    daysTotal: row.daysTotal,
    daysUsed: row.daysUsed,
    daysLeft: daysLeft(row),
    priceCents: row.priceCents,
    cancelledAt: row.cancelledAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

export function toCheckIn(
  row: typeof coworkingCheckIns.$inferSelect,
  pass: PassRow,
  resourceName: string | null,
): CheckIn {
  return {
    id: row.id,
    passId: row.passId,
    centreId: row.centreId,
    resourceId: row.resourceId,
    resourceName,
    holderName: pass.holderName,
    passKind: pass.kind,
    day: row.day,
    at: row.at.toISOString(),
    daysLeft: daysLeft(pass),
  };
}

/** The centre's local date now (its zone, never the server's). */
export async function centreToday(
  db: Pick<Db, 'select'>,
  centreId: string,
  now: Temporal.Instant = Temporal.Now.instant(),
): Promise<string | null> {
  const [centre] = await db
    .select({ timeZone: centres.timeZone })
    .from(centres)
    .where(eq(centres.id, centreId));
  return centre ? now.toZonedDateTimeISO(centre.timeZone).toPlainDate().toString() : null;
}

export async function centreOfPass(db: Pick<Db, 'select'>, id: string) {
  const [row] = await db
    .select({ centreId: coworkingPasses.centreId })
    .from(coworkingPasses)
    .where(eq(coworkingPasses.id, id));
  return row?.centreId;
}

export async function centreOfCheckIn(db: Pick<Db, 'select'>, id: string) {
  const [row] = await db
    .select({ centreId: coworkingCheckIns.centreId })
    .from(coworkingCheckIns)
    .where(eq(coworkingCheckIns.id, id));
  return row?.centreId;
}
