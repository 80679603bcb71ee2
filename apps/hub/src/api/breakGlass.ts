import type { CircleCase, Participant } from '@lakou/domain/circles';
import { api, unwrap } from './client.ts';

/*
 * Break-glass reading of a restorative circle case by a network admin: every request carries
 * the reason in the `x-lakou-break-glass` header (URI-encoded, headers being ASCII), and the API
 * records it in the audit log before answering. Read only; never cached between readings.
 */

const headersOf = (reason: string) => ({
  headers: { 'x-lakou-break-glass': encodeURIComponent(reason) },
});

export async function lookupCase(reference: string, reason: string): Promise<CircleCase> {
  return (await unwrap(
    api.api.circles.lookup.$get({ query: { reference } }, headersOf(reason)),
  )) as CircleCase;
}

export async function caseParticipants(id: string, reason: string): Promise<Participant[]> {
  return (
    await unwrap(api.api.circles[':id'].participants.$get({ param: { id } }, headersOf(reason)))
  ).items as Participant[];
}

/** A reference as the API expects it: CR-2026-001. */
export const REFERENCE_PATTERN = /^CR-\d{4}-\d{3,}$/;

/** Fewest characters of a reason the API accepts. */
export const MIN_REASON_LENGTH = 10;
