import { and, asc, eq, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { outboxEmails } from '../db/schema/index.ts';

export interface OutgoingEmail {
  kind: 'invitation' | 'password-reset' | 'registration' | 'waitlist-promotion' | 'event-cancelled';
  to: string;
  subject: string;
  text: string;
}

/** Queues an email; it is sent by the dispatcher, in the same transaction as the change that asked for it. */
export async function enqueueEmail(db: Pick<Db, 'insert'>, email: OutgoingEmail): Promise<string> {
  const [row] = await db
    .insert(outboxEmails)
    .values({ kind: email.kind, toAddress: email.to, subject: email.subject, bodyText: email.text })
    .returning({ id: outboxEmails.id });
  if (!row) throw new Error('outbox insert returned no row');
  return row.id;
}

export type PendingEmail = typeof outboxEmails.$inferSelect;

/** Gives up on an email after this many failed attempts (it stays in the table, with its error). */
export const MAX_ATTEMPTS = 8;

/**
 * Sends what is pending, oldest first. Rows are claimed with `for update skip locked`, so
 * several servers on one database never send the same email twice.
 */
export async function dispatchPending(
  db: Db,
  send: (email: PendingEmail) => Promise<void>,
  limit = 20,
): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  for (let i = 0; i < limit; i++) {
    const outcome = await db.transaction(async (tx) => {
      const [email] = await tx
        .select()
        .from(outboxEmails)
        .where(and(isNull(outboxEmails.sentAt), lt(outboxEmails.attempts, MAX_ATTEMPTS)))
        .orderBy(asc(outboxEmails.createdAt))
        .limit(1)
        .for('update', { skipLocked: true });
      if (!email) return 'empty' as const;
      try {
        await send(email);
        await tx
          .update(outboxEmails)
          .set({ sentAt: sql`now()`, attempts: email.attempts + 1, lastError: null })
          .where(eq(outboxEmails.id, email.id));
        return 'sent' as const;
      } catch (error) {
        await tx
          .update(outboxEmails)
          .set({ attempts: email.attempts + 1, lastError: String(error).slice(0, 500) })
          .where(eq(outboxEmails.id, email.id));
        return 'failed' as const;
      }
    });
    if (outcome === 'empty') break;
    if (outcome === 'sent') sent++;
    else failed++;
  }
  return { sent, failed };
}
