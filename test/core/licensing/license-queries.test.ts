import type { Database, Db } from '../../../core/db';
import { listLicenses, type LicenseFilter } from '../../../core/licensing/license-queries';
import { testDatabases } from '../../helpers/test-database';
import { insertAsset, insertCreator, insertLicense } from './fixtures';

const NOW = new Date('2030-06-01T00:00:00.000Z');
const DAY = 24 * 60 * 60 * 1000;
const fromNow = (ms: number) => new Date(NOW.getTime() + ms);

describe.each(testDatabases())('listLicenses on %s', ({ open }) => {
  let database: Database;
  let db: Db;
  beforeAll(async () => {
    database = await open();
    db = database.db;
  });
  afterAll(() => database.close());

  const ids = async (filter: Omit<LicenseFilter, 'limit'>, limit = 100) => (await listLicenses(db, { limit, ...filter }, NOW)).items.map((l) => l.id);

  it('by asset: licenses naming it and licenses over its creator; by creator: both kinds too', async () => {
    const creator = await insertCreator(db);
    const [a, b] = [await insertAsset(db, creator), await insertAsset(db, creator)];
    const onA = await insertLicense(db, { assetIds: [a] });
    const onB = await insertLicense(db, { assetIds: [b] });
    const creatorWide = await insertLicense(db, { creatorId: creator });
    const elsewhere = await insertLicense(db, { creatorId: await insertCreator(db) });

    expect((await ids({ assetId: a })).sort()).toEqual([onA, creatorWide].sort());
    expect((await ids({ creatorId: creator })).sort()).toEqual([onA, onB, creatorWide].sort());
    expect(await ids({ assetId: a, creatorId: creator })).not.toContain(elsewhere);
  });

  it('by status', async () => {
    const asset = await insertAsset(db, await insertCreator(db));
    const draft = await insertLicense(db, { assetIds: [asset], status: 'draft' });
    const active = await insertLicense(db, { assetIds: [asset] });
    expect(await ids({ assetId: asset, status: 'draft' })).toEqual([draft]);
    expect(await ids({ assetId: asset, status: 'active' })).toEqual([active]);
  });

  it('expiring within N days: endsAt in [now, now + N days), soonest first', async () => {
    const asset = await insertAsset(db, await insertCreator(db));
    const startsAt = fromNow(-100 * DAY);
    const endingAt = async (endsAt: Date | null) => insertLicense(db, { assetIds: [asset], startsAt, endsAt });
    const endsNow = await endingAt(NOW);
    const endedJustBefore = await endingAt(fromNow(-1));
    const lastInWindow = await endingAt(fromNow(30 * DAY - 1));
    const justPastWindow = await endingAt(fromNow(30 * DAY));
    const inTenDays = await endingAt(fromNow(10 * DAY));
    await endingAt(null);
    const expiring = await ids({ assetId: asset, expiringWithinDays: 30 });
    expect(expiring).toEqual([endsNow, inTenDays, lastInWindow]);
    expect(expiring).not.toContain(endedJustBefore);
    expect(expiring).not.toContain(justPastWindow);
  });

  it('pages with a cursor, without skipping or repeating, in both orders', async () => {
    const asset = await insertAsset(db, await insertCreator(db));
    const created: string[] = [];
    for (let i = 0; i < 7; i++) created.push(await insertLicense(db, { assetIds: [asset], endsAt: fromNow((i + 1) * DAY), startsAt: fromNow(-DAY) }));
    for (const filter of [{ assetId: asset }, { assetId: asset, expiringWithinDays: 30 }]) {
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await listLicenses(db, { ...filter, cursor, limit: 3 }, NOW);
        seen.push(...page.items.map((l) => l.id));
        cursor = page.nextCursor ?? undefined;
        pages++;
      } while (cursor);
      expect(pages).toBe(3);
      expect(seen).toEqual(filter.expiringWithinDays ? created : [...created].reverse());
    }
  });
});
