import { caseReference } from '@lakou/domain/circles';
import { eq, like, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import {
  centres,
  circleCases,
  circleFacilitators,
  circleParticipants,
  users,
} from '../schema/index.ts';

/**
 * A handful of restorative circle cases for the demo facilitator of Village Chinois, in several
 * stages, with pseudonyms only. Nobody else sees them (not even the admin without break-glass).
 * Created once: nothing is added when the facilitator already follows a case.
 */
export async function seedDemoCircles(tx: Db, now: Date): Promise<number> {
  const [facilitator] = await tx
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, 'facilitation@lakou.test'));
  const [centre] = await tx
    .select({ id: centres.id })
    .from(centres)
    .where(eq(centres.slug, 'cayenne-village-chinois'));
  if (!facilitator || !centre) return 0;
  const [already] = await tx
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(circleFacilitators)
    .where(eq(circleFacilitators.userId, facilitator.id));
  if ((already?.n ?? 0) > 0) return 0;
  const year = now.getUTCFullYear();
  const [numbered] = await tx
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(circleCases)
    .where(like(circleCases.reference, `CR-${year}-%`));
  let next = (numbered?.n ?? 0) + 1;
  const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);
  const cases = [
    {
      stage: 'intake',
      description: 'Dispute entre deux familles au sujet du bruit le soir, signalée à l’accueil.',
      openedAt: daysAgo(3),
      people: [{ pseudonym: 'M. D.', role: 'receiver', consent: 'invited' }],
    },
    {
      stage: 'pre_circles',
      description:
        'Dégradation du jardin partagé ; les jardiniers souhaitent en parler avec les jeunes.',
      openedAt: daysAgo(20),
      people: [
        { pseudonym: 'Kévin', role: 'author', consent: 'consented' },
        { pseudonym: 'Jardiniers (L. et S.)', role: 'receiver', consent: 'consented' },
        { pseudonym: 'Tonton R.', role: 'community', consent: 'invited' },
      ],
    },
    {
      stage: 'abandoned',
      description: 'Conflit au sein d’une association partenaire.',
      openedAt: daysAgo(90),
      abandonReason: 'Les personnes ont trouvé un accord entre elles avant le cercle.',
      people: [
        { pseudonym: 'A.', role: 'author', consent: 'consented' },
        { pseudonym: 'B.', role: 'receiver', consent: 'declined' },
      ],
    },
  ] as const;
  for (const k of cases) {
    const [row] = await tx
      .insert(circleCases)
      .values({
        reference: caseReference(year, next++),
        centreId: centre.id,
        description: k.description,
        stage: k.stage,
        abandonReason: 'abandonReason' in k ? k.abandonReason : null,
        openedAt: k.openedAt,
        stageChangedAt: k.openedAt,
        closedAt: k.stage === 'abandoned' ? daysAgo(60) : null,
        createdBy: facilitator.id,
      })
      .returning({ id: circleCases.id });
    if (!row) continue;
    await tx.insert(circleFacilitators).values({ caseId: row.id, userId: facilitator.id });
    await tx.insert(circleParticipants).values(
      k.people.map((p) => ({
        caseId: row.id,
        pseudonym: p.pseudonym,
        role: p.role,
        consent: p.consent,
        consentAt: p.consent === 'invited' ? null : k.openedAt,
        consentRecordedBy: p.consent === 'invited' ? null : facilitator.id,
      })),
    );
  }
  return cases.length;
}
