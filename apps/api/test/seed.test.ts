import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  centreClosures,
  centreOpeningHours,
  centres,
  partnerCentres,
  partners,
} from '../src/db/schema/network.ts';
import { isEmpty, seedDemoNetwork } from '../src/db/seed/seed.ts';
import { engines, freshDatabase, type TestDatabase } from './harness.ts';

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
    };
  };

  it('loads the network once and creates nothing the second time', async () => {
    expect(await isEmpty(database.db)).toBe(true);
    const first = await seedDemoNetwork(database.db);
    expect(first.centresCreated).toBe(7);
    const after = await counts();
    expect(after.centres).toBe(7);
    expect(after.hours).toBeGreaterThan(0);
    const second = await seedDemoNetwork(database.db);
    expect(second).toEqual({ centresCreated: 0, partnersCreated: 0, closuresCreated: 0 });
    expect(await counts()).toEqual(after);
    expect(await isEmpty(database.db)).toBe(false);
  });

  it('keeps a manager’s edit of opening hours when seeding again', async () => {
    await database.db.delete(centreOpeningHours);
    await seedDemoNetwork(database.db);
    expect((await counts()).hours).toBe(0);
  });
});
