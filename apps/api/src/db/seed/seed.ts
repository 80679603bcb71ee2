import { searchKey } from '@lakou/domain/shared';
import { and, eq, inArray } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import type { Db } from '../client.ts';
import {
  centreClosures,
  centreOpeningHours,
  centres,
  organisations,
  partnerCentres,
  partners,
} from '../schema/network.ts';
import { seedDemoBookings } from './demo-bookings.ts';
import { seedDemoCircles } from './demo-circles.ts';
import { seedDemoCircular } from './demo-circular.ts';
import { seedDemoEvents, seedEventKinds } from './demo-events.ts';
import { seedDemoFund } from './demo-fund.ts';
import { seedDemoGardens } from './demo-gardens.ts';
import { seedListItems } from './demo-lists.ts';
import { seedDemoUsers } from './demo-users.ts';
import * as demo from './seccoia-network.ts';

export interface SeedReport {
  centresCreated: number;
  partnersCreated: number;
  closuresCreated: number;
  usersCreated: number;
  resourcesCreated: number;
  bookingsCreated: number;
  eventsCreated: number;
  passesCreated: number;
  circlesCreated: number;
}

/**
 * Loads the demo network. Idempotent: rows are matched on their natural keys (slugs, periods)
 * and only what is missing is inserted, so a second run creates nothing and edits survive.
 * It includes one demo account per role (password DEMO_PASSWORD).
 */
export async function seedDemoNetwork(db: Db, today?: Temporal.PlainDate): Promise<SeedReport> {
  return db.transaction(async (tx) => {
    await tx.insert(organisations).values(demo.organisation).onConflictDoNothing();
    const [org] = await tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.slug, demo.organisation.slug));
    if (!org) throw new Error('organisation de démonstration introuvable après insertion');
    await seedEventKinds(tx as unknown as Db, org.id);
    await seedListItems(tx as unknown as Db, org.id);

    const createdCentres = await tx
      .insert(centres)
      .values(
        demo.centres.map((c) => ({
          organisationId: org.id,
          slug: c.slug,
          name: c.name,
          commune: c.commune,
          qpv: c.qpv,
          street: c.address.street,
          postalCode: c.address.postalCode,
          city: c.address.city,
          timeZone: c.timeZone,
          phone: c.phone,
          email: c.email,
          searchKey: searchKey(`${c.name} ${c.commune}`),
        })),
      )
      .onConflictDoNothing()
      .returning({ id: centres.id, slug: centres.slug });

    // Opening hours only for centres created now: a manager's later edits are never overwritten.
    const hours = createdCentres.flatMap(({ id, slug }) =>
      (demo.centres.find((c) => c.slug === slug)?.openingHours ?? []).map((w) => ({
        centreId: id,
        ...w,
      })),
    );
    if (hours.length > 0) await tx.insert(centreOpeningHours).values(hours);

    const allCentres = await tx
      .select({ id: centres.id, slug: centres.slug })
      .from(centres)
      .where(
        and(
          eq(centres.organisationId, org.id),
          inArray(
            centres.slug,
            demo.centres.map((c) => c.slug),
          ),
        ),
      );
    const centreIdBySlug = new Map(allCentres.map((c) => [c.slug, c.id]));

    const createdClosures = await tx
      .insert(centreClosures)
      .values(
        allCentres.flatMap(({ id }) => demo.networkClosures.map((c) => ({ centreId: id, ...c }))),
      )
      .onConflictDoNothing()
      .returning({ id: centreClosures.id });

    const createdPartners = await tx
      .insert(partners)
      .values(
        demo.partners.map((p) => ({
          organisationId: org.id,
          slug: p.slug,
          name: p.name,
          kind: p.kind,
          description: p.description,
          website: p.website,
          searchKey: searchKey(`${p.name} ${p.description}`),
        })),
      )
      .onConflictDoNothing()
      .returning({ id: partners.id, slug: partners.slug });

    const links = createdPartners.flatMap(({ id, slug }) =>
      (demo.partners.find((p) => p.slug === slug)?.centres ?? []).flatMap((centreSlug) => {
        const centreId = centreIdBySlug.get(centreSlug);
        return centreId ? [{ partnerId: id, centreId }] : [];
      }),
    );
    if (links.length > 0) await tx.insert(partnerCentres).values(links).onConflictDoNothing();

    // One account per role, with the documented demo password: only the demo seed creates them.
    const usersCreated = await seedDemoUsers(tx as unknown as Db);
    // Rooms, desks and equipment with three months of bookings around today (Guyane's today).
    const day = today ?? Temporal.Now.plainDateISO('America/Cayenne');
    const booked = await seedDemoBookings(tx as unknown as Db, day);
    // Events on those bookings, registrations, and coworking passes with today's check-ins.
    const evented = await seedDemoEvents(tx as unknown as Db, org.id, day);
    // A few restorative circle cases, for the demo facilitator's eyes only.
    const circlesCreated = await seedDemoCircles(tx as unknown as Db, new Date());
    await seedDemoFund(tx as unknown as Db, org.id, day); // three years of the endowment fund
    // Three years of weighings and shipments (in-kind gifts with a mass become inflows).
    await seedDemoCircular(tx as unknown as Db, org.id, day);
    await seedDemoGardens(tx as unknown as Db, org.id, day); // two shared gardens

    return {
      usersCreated,
      resourcesCreated: booked.resourcesCreated,
      bookingsCreated: booked.bookingsCreated,
      eventsCreated: evented.eventsCreated,
      passesCreated: evented.passesCreated,
      circlesCreated,
      centresCreated: createdCentres.length,
      partnersCreated: createdPartners.length,
      closuresCreated: createdClosures.length,
    };
  });
}

/** True when the database holds no organisation yet (a first start). */
export async function isEmpty(db: Db): Promise<boolean> {
  const rows = await db.select({ id: organisations.id }).from(organisations).limit(1);
  return rows.length === 0;
}
