import { randomBytes } from 'node:crypto';
import type { Db } from '../db/client.ts';
import { enqueueEmail } from '../mail/outbox.ts';
import { invitationEmail } from '../mail/templates.ts';
import type { Auth } from './auth.ts';

export const INVITATION_DAYS = 7;
/** Where the hub lets a person choose their password. */
export const RESET_PAGE = '/reset-password';

/**
 * A single-use link to choose a password, valid a week: the auth library's own reset token
 * (stored by its adapter), so following it goes through the library's reset flow.
 */
export async function invitationLink(auth: Auth, userId: string): Promise<string> {
  const context = await auth.$context;
  const token = randomBytes(24).toString('base64url');
  await context.internalAdapter.createVerificationValue({
    value: userId,
    identifier: `reset-password:${token}`,
    expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000),
  });
  return `${context.baseURL}/reset-password/${token}?callbackURL=${encodeURIComponent(RESET_PAGE)}`;
}

/** Queues the invitation email; returns the link (the CLI prints it). */
export async function sendInvitation(
  db: Db,
  auth: Auth,
  user: { id: string; email: string; name: string },
): Promise<string> {
  const link = await invitationLink(auth, user.id);
  await enqueueEmail(db, invitationEmail(user, link, INVITATION_DAYS));
  return link;
}
