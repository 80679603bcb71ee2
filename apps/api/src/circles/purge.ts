import { DEFAULT_RETENTION_MONTHS } from '@lakou/domain/circles';
import { and, eq, inArray, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import { appendAudit } from '../audit/record.ts';
import type { Db } from '../db/client.ts';
import {
  circleAgreements,
  circleCases,
  circleParticipants,
  customFieldDefinitions,
} from '../db/schema/index.ts';

/**
 * Purges the personal data of cases closed (or abandoned) `months` ago or more: the description,
 * pseudonyms (replaced by « Personne 1 (purgé) » …), contacts, who invited whom, the
 * agreements' wording, owners and notes, the intake's confidential custom values (retired
 * confidential fields' too). Stages, dates, roles, consents, session times and
 * outcomes stay, so the board's statistics do not move. Returns the references purged.
 */
export async function purgeClosedCases(
  db: Db,
  now: Date,
  months = DEFAULT_RETENTION_MONTHS,
  by: { method: string; route: string } = { method: 'JOB', route: 'circles:purge' },
): Promise<string[]> {
  return db.transaction(async (tx) => {
    const dueCondition = and(
      isNull(circleCases.purgedAt),
      isNotNull(circleCases.closedAt),
      lte(
        circleCases.closedAt,
        sql`${now.toISOString()}::timestamptz - make_interval(months => ${months})`,
      ),
    );
    const due = await tx
      .select({ id: circleCases.id, reference: circleCases.reference })
      .from(circleCases)
      .where(dueCondition)
      .for('update');
    if (!due.length) return [];
    const ids = due.map((d) => d.id);
    await tx.execute(sql`
      update ${circleParticipants} p set
        pseudonym = 'Personne ' || n.k || ' (purgé)', contact = null, invited_by = null
      from (select id, row_number() over (partition by case_id order by created_at, id) as k
            from ${circleParticipants}
            where case_id in (select id from ${circleCases} where ${dueCondition})) n
      where p.id = n.id`);
    await tx
      .update(circleAgreements)
      .set({ what: null, owner: null, note: null })
      .where(inArray(circleAgreements.caseId, ids));
    const confidential = await tx
      .selectDistinct({ key: customFieldDefinitions.key })
      .from(customFieldDefinitions)
      .where(
        and(
          eq(customFieldDefinitions.entity, 'circle_intake'),
          eq(customFieldDefinitions.confidential, true),
        ),
      );
    const erased = confidential.length
      ? sql`${circleCases.custom} - array[${sql.join(
          confidential.map((d) => sql`${d.key}`),
          sql`, `,
        )}]::text[]`
      : undefined;
    await tx
      .update(circleCases)
      .set({ description: null, purgedAt: now, ...(erased ? { custom: erased } : {}) })
      .where(inArray(circleCases.id, ids));
    await appendAudit(tx, {
      ...by,
      action: 'circle.purge',
      entity: 'circle_case',
      after: { references: due.map((d) => d.reference), months },
    });
    return due.map((d) => d.reference);
  });
}

/** Runs the purge at start-up and then every day; returns a stop function. */
export function startCirclePurge(db: Db, months: number, log: (line: string) => void) {
  const run = async () => {
    try {
      const purged = await purgeClosedCases(db, new Date(), months);
      if (purged.length)
        log(`[lakou] cercles : données personnelles purgées (${purged.join(', ')}).`);
    } catch (error) {
      log(
        `[lakou] cercles : la purge a échoué (${(error as Error).message}) ; nouvel essai demain.`,
      );
    }
  };
  void run();
  const timer = setInterval(run, 24 * 60 * 60 * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
