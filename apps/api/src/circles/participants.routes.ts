import { z } from '@hono/zod-openapi';
import { consentInput, isOpen, participant, participantInput } from '@lakou/domain/circles';
import { uuid } from '@lakou/domain/shared';
import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record.ts';
import { sqlState } from '../db/errors.ts';
import { circleParticipants } from '../db/schema/index.ts';
import { guardedRoute, HIDDEN_NOT_FOUND, requires } from '../http/policy.ts';
import { problemContent, problemResponse } from '../http/problem.ts';
import { contextRouter } from '../http/router.ts';
import { findCase, participantsOf } from './circles.queries.ts';
import { pathCase } from './circles.routes.ts';

const TAGS = ['Cercles restauratifs'];
const caseParam = z.object({ id: uuid });

const listRoute = guardedRoute({
  policy: requires('circle.read', pathCase, { hidden: true }),
  method: 'get',
  path: '/circles/{id}/participants',
  tags: TAGS,
  summary: 'The parties of a case, by pseudonym (each read is audited)',
  request: { params: caseParam },
  responses: {
    200: {
      description: 'Participants in the order they were added',
      content: { 'application/json': { schema: z.object({ items: z.array(participant) }) } },
    },
    400: problemContent('Invalid input'),
    401: problemContent('Not signed in'),
    404: problemContent('No such case, or not yours'),
  },
});

const addRoute = guardedRoute({
  policy: requires('circle.manage', pathCase, { hidden: true }),
  method: 'post',
  path: '/circles/{id}/participants',
  tags: TAGS,
  summary: 'Add a party (author, receiver or community) by pseudonym or initials',
  request: {
    params: caseParam,
    body: { required: true, content: { 'application/json': { schema: participantInput } } },
  },
  responses: {
    201: { description: 'Added', content: { 'application/json': { schema: participant } } },
    400: problemContent('Invalid input'),
    401: problemContent('Not signed in'),
    404: problemContent('No such case, or not yours'),
    409: problemContent('That pseudonym is already used in the case'),
    422: problemContent('The case is closed'),
  },
});

const consentRoute = guardedRoute({
  policy: requires('circle.manage', pathCase, { hidden: true }),
  method: 'patch',
  path: '/circles/{id}/participants/{participantId}',
  tags: TAGS,
  summary: 'Record a party’s answer: consented or declined (dated, with who recorded it)',
  request: {
    params: z.object({ id: uuid, participantId: uuid }),
    body: { required: true, content: { 'application/json': { schema: consentInput } } },
  },
  responses: {
    200: {
      description: 'The participant',
      content: { 'application/json': { schema: participant } },
    },
    400: problemContent('Invalid input'),
    401: problemContent('Not signed in'),
    404: problemContent('No such case or participant, or not yours'),
    422: problemContent('The case is closed'),
  },
});

export const participantsRoutes = contextRouter()
  .openapi(listRoute, async (c) => {
    const { id } = c.req.valid('param');
    const found = await findCase(c.var.db, id);
    if (!found) return problemResponse(c, 404, HIDDEN_NOT_FOUND) as never;
    const items = await participantsOf(c.var.db, id);
    await recordAudit(c.var.db, c, {
      action: 'circle.participants.read',
      entity: 'circle_case',
      entityId: id,
      after: { reference: found.reference, count: items.length },
    });
    return c.json({ items }, 200);
  })
  .openapi(addRoute, async (c) => {
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    const found = await findCase(c.var.db, id);
    if (!found) return problemResponse(c, 404, HIDDEN_NOT_FOUND) as never;
    if (!isOpen(found.stage)) {
      return problemResponse(c, 422, 'Ce dossier est clos : il ne change plus.') as never;
    }
    try {
      const made = await c.var.db.transaction(async (tx) => {
        const [row] = await tx
          .insert(circleParticipants)
          .values({
            caseId: id,
            pseudonym: input.pseudonym,
            role: input.role,
            invitedBy: input.invitedBy,
            contact: input.contact,
          })
          .returning({ id: circleParticipants.id });
        if (!row) throw new Error('participant insert returned no row');
        await recordAudit(tx, c, {
          action: 'circle.participant.add',
          entity: 'circle_case',
          entityId: id,
          after: { reference: found.reference, role: input.role },
        });
        return (await participantsOf(tx, id)).find((p) => p.id === row.id);
      });
      return c.json(made as z.infer<typeof participant>, 201);
    } catch (error) {
      if (sqlState(error) === '23505') {
        return problemResponse(c, 409, 'Ce pseudonyme est déjà utilisé dans ce dossier.', {
          errors: [{ field: 'pseudonym', message: 'Pseudonyme déjà utilisé dans ce dossier.' }],
        }) as never;
      }
      throw error;
    }
  })
  .openapi(consentRoute, async (c) => {
    const { id, participantId } = c.req.valid('param');
    const { consent } = c.req.valid('json');
    const found = await findCase(c.var.db, id);
    if (!found) return problemResponse(c, 404, HIDDEN_NOT_FOUND) as never;
    if (!isOpen(found.stage)) {
      return problemResponse(c, 422, 'Ce dossier est clos : il ne change plus.') as never;
    }
    const updated = await c.var.db.transaction(async (tx) => {
      const [row] = await tx
        .update(circleParticipants)
        .set({
          consent,
          consentAt: consent === 'invited' ? null : sql`now()`,
          consentRecordedBy: consent === 'invited' ? null : (c.var.actor?.userId ?? null),
        })
        .where(and(eq(circleParticipants.id, participantId), eq(circleParticipants.caseId, id)))
        .returning({ id: circleParticipants.id });
      if (!row) return null;
      await recordAudit(tx, c, {
        action: 'circle.participant.consent',
        entity: 'circle_case',
        entityId: id,
        after: { reference: found.reference, consent },
      });
      return (await participantsOf(tx, id)).find((p) => p.id === row.id) ?? null;
    });
    if (!updated)
      return problemResponse(c, 404, 'Cette personne ne fait pas partie du dossier.') as never;
    return c.json(updated, 200);
  });
