import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import { roleAssignments, users } from '../src/db/schema/identity.ts';
import {
  centreClosures,
  centreOpeningHours,
  centres,
  partnerCentres,
  partners,
} from '../src/db/schema/network.ts';
import { DEMO_PASSWORD, demoUsers } from '../src/db/seed/demo-users.ts';
import { isEmpty, seedDemoNetwork } from '../src/db/seed/seed.ts';
import { call, engines, freshDatabase, type TestDatabase } from './harness.ts';

describe.each(engines)('demo seed on %s', (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await freshDatabase(engine);
  });
  afterAll(() => database.dispose());

  const counts = async () => {
    const n = async (table: Parameters<ReturnType<typeof database.db.select>['from']>[0]) =>
      (await database.db.select({ n: count() }).from(table))[0]?.n;
    return {
      centres: await n(centres),
      hours: await n(centreOpeningHours),
      closures: await n(centreClosures),
      partners: await n(partners),
      links: await n(partnerCentres),
      users: await n(users),
      roles: await n(roleAssignments),
    };
  };

  it('loads the network once and creates nothing the second time', async () => {
    expect(await isEmpty(database.db)).toBe(true);
    const first = await seedDemoNetwork(database.db);
    expect(first.centresCreated).toBe(7);
    expect(first.usersCreated).toBe(6);
    // Every centre gets events on its demo bookings and four coworking members.
    expect(first.eventsCreated).toBeGreaterThan(7 * 20);
    expect(first.passesCreated).toBe(7 * 4);
    expect(first.circlesCreated).toBe(3);
    const after = await counts();
    expect(after.centres).toBe(7);
    expect(after.hours).toBeGreaterThan(0);
    const second = await seedDemoNetwork(database.db);
    expect(second).toEqual({
      centresCreated: 0,
      partnersCreated: 0,
      closuresCreated: 0,
      usersCreated: 0,
      resourcesCreated: 0,
      bookingsCreated: 0,
      eventsCreated: 0,
      passesCreated: 0,
      circlesCreated: 0,
    });
    expect(await counts()).toEqual(after);
    expect(await isEmpty(database.db)).toBe(false);
  });

  it('creates one demo account per role, each able to sign in with the documented password', async () => {
    const roles = await database.db.select({ role: roleAssignments.role }).from(roleAssignments);
    expect(new Set(roles.map((r) => r.role))).toEqual(
      new Set(['admin', 'manager', 'staff', 'facilitator', 'board']),
    );
    const app = createApp({ database });
    for (const demo of demoUsers) {
      const res = await call(app, 'POST', '/api/auth/sign-in/email', {
        body: { email: demo.email, password: DEMO_PASSWORD },
      });
      expect(res.status, demo.email).toBe(200);
    }
  });

  it('keeps a manager’s edit of opening hours when seeding again', async () => {
    await database.db.delete(centreOpeningHours);
    await seedDemoNetwork(database.db);
    expect((await counts()).hours).toBe(0);
  });
});
