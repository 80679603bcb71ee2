import type { ResourceAvailability } from '@lakou/domain/booking/rules';
import type {
  Agreement,
  AgreementOutcome,
  CaseStage,
  CircleCase,
  CircleSession,
  ConsentState,
  Participant,
  ParticipantRole,
  SessionKind,
} from '@lakou/domain/circles';
import { queryOptions } from '@tanstack/react-query';
import { allPages } from '../lib/all-pages.ts';
import { api, unwrap } from './client.ts';

/*
 * Restorative circle cases through the typed client. Every read is confidential and audited by
 * the API: only the case's facilitators get an answer, anyone else a 404.
 */

export const circleKeys = {
  all: ['circles'] as const,
  list: ['circles', 'list'] as const,
  detail: (id: string) => ['circles', 'case', id] as const,
  participants: (id: string) => ['circles', 'case', id, 'participants'] as const,
  sessions: (id: string) => ['circles', 'case', id, 'sessions'] as const,
  agreements: (id: string) => ['circles', 'case', id, 'agreements'] as const,
  availability: (id: string, search: AvailabilitySearch) =>
    ['circles', 'case', id, 'availability', search] as const,
};

/** Every case I follow (all pages), newest first. */
export const myCasesQuery = () =>
  queryOptions({
    queryKey: circleKeys.list,
    queryFn: async (): Promise<CircleCase[]> =>
      allPages(async (page) => {
        const result = await unwrap(
          api.api.circles.$get({ query: { page: String(page), pageSize: '100' } }),
        );
        return { ...result, items: result.items as CircleCase[] };
      }),
  });

export const caseQuery = (id: string) =>
  queryOptions({
    queryKey: circleKeys.detail(id),
    queryFn: async (): Promise<CircleCase> =>
      (await unwrap(api.api.circles[':id'].$get({ param: { id } }))) as CircleCase,
    retry: false,
  });

export const participantsQuery = (id: string) =>
  queryOptions({
    queryKey: circleKeys.participants(id),
    queryFn: async (): Promise<Participant[]> =>
      (await unwrap(api.api.circles[':id'].participants.$get({ param: { id } })))
        .items as Participant[],
  });

export const sessionsQuery = (id: string) =>
  queryOptions({
    queryKey: circleKeys.sessions(id),
    queryFn: async (): Promise<CircleSession[]> =>
      (await unwrap(api.api.circles[':id'].sessions.$get({ param: { id } })))
        .items as CircleSession[],
  });

export const agreementsQuery = (id: string) =>
  queryOptions({
    queryKey: circleKeys.agreements(id),
    queryFn: async (): Promise<Agreement[]> =>
      (await unwrap(api.api.circles[':id'].agreements.$get({ param: { id } })))
        .items as Agreement[],
  });

export interface AvailabilitySearch {
  resourceIds: string[];
  from: string;
  to: string;
  duration: number;
}

/** Free slots in the rooms, honouring their bookings and the facilitators' other sessions. */
export const circleAvailabilityQuery = (id: string, search: AvailabilitySearch) =>
  queryOptions({
    queryKey: circleKeys.availability(id, search),
    queryFn: async (): Promise<ResourceAvailability[]> =>
      (
        await unwrap(
          api.api.circles[':id'].availability.$get({
            param: { id },
            query: {
              resourceIds: search.resourceIds.join(','),
              from: search.from,
              to: search.to,
              duration: String(search.duration),
            },
          }),
        )
      ).items as ResourceAvailability[],
    staleTime: 0,
  });

export async function openCase(input: {
  centreId: string;
  description: string;
}): Promise<CircleCase> {
  return (await unwrap(
    api.api.circles.$post({ json: { ...input, facilitatorIds: [] } }),
  )) as CircleCase;
}

export async function moveCase(id: string, to: CaseStage, reason?: string): Promise<CircleCase> {
  return (await unwrap(
    api.api.circles[':id'].transitions.$post({
      param: { id },
      json: reason === undefined ? { to } : { to, reason },
    }),
  )) as CircleCase;
}

export async function addParticipant(
  id: string,
  input: {
    pseudonym: string;
    role: ParticipantRole;
    invitedBy: string | null;
    contact: string | null;
  },
): Promise<Participant> {
  return (await unwrap(
    api.api.circles[':id'].participants.$post({ param: { id }, json: input }),
  )) as Participant;
}

export async function recordConsent(
  id: string,
  participantId: string,
  consent: ConsentState,
): Promise<Participant> {
  return (await unwrap(
    api.api.circles[':id'].participants[':participantId'].$patch({
      param: { id, participantId },
      json: { consent },
    }),
  )) as Participant;
}

export async function scheduleSession(
  id: string,
  input: {
    kind: SessionKind;
    resourceId: string;
    start: string;
    end: string;
    participantIds: string[];
  },
): Promise<CircleSession> {
  return (await unwrap(
    api.api.circles[':id'].sessions.$post({ param: { id }, json: input }),
  )) as CircleSession;
}

export async function rescheduleSession(
  id: string,
  sessionId: string,
  times: { start: string; end: string },
): Promise<CircleSession> {
  return (await unwrap(
    api.api.circles[':id'].sessions[':sessionId'].$patch({
      param: { id, sessionId },
      json: times,
    }),
  )) as CircleSession;
}

export async function setSessionStatus(
  id: string,
  sessionId: string,
  action: 'held' | 'cancel',
): Promise<CircleSession> {
  return (await unwrap(
    api.api.circles[':id'].sessions[':sessionId'][':action'].$post({
      param: { id, sessionId, action },
    }),
  )) as CircleSession;
}

export async function addAgreement(
  id: string,
  input: { what: string; owner: string; dueOn: string },
): Promise<Agreement> {
  return (await unwrap(
    api.api.circles[':id'].agreements.$post({ param: { id }, json: input }),
  )) as Agreement;
}

export async function evaluateAgreement(
  id: string,
  agreementId: string,
  input: { outcome: AgreementOutcome; note: string },
): Promise<Agreement> {
  return (await unwrap(
    api.api.circles[':id'].agreements[':agreementId'].$patch({
      param: { id, agreementId },
      json: input,
    }),
  )) as Agreement;
}

export interface OverdueAgreement {
  caseId: string;
  reference: string;
  agreementId: string;
  what: string | null;
  owner: string | null;
  dueOn: string;
}

/** Agreements past their date and not yet evaluated, in the open cases I follow. */
export const overdueAgreementsQuery = () =>
  queryOptions({
    queryKey: [...circleKeys.all, 'overdue-agreements'] as const,
    queryFn: async (): Promise<OverdueAgreement[]> =>
      (await unwrap(api.api.circles['overdue-agreements'].$get())).items,
  });
