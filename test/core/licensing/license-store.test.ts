import type { Database, Db } from '../../../core/db';
import { licensesForAssets, liveUsages } from '../../../core/licensing/license-store';
import { testDatabases } from '../../helpers/test-database';
import { insertApiKey, insertAsset, insertCreator, insertLicense, insertUsage } from './fixtures';

describe.each(testDatabases())('license-store on %s', ({ open }) => {
  let database: Database;
  let db: Db;
  beforeAll(async () => {
    database = await open();
    db = database.db;
  });
  afterAll(() => database.close());

  describe('licensesForAssets', () => {
    it('finds licenses naming an asset and licenses over all of its creator’s assets, once each, by start', async () => {
      const creator = await insertCreator(db);
      const other = await insertCreator(db);
      const [a, b, foreign] = [await insertAsset(db, creator), await insertAsset(db, creator), await insertAsset(db, other)];
      const onA = await insertLicense(db, { assetIds: [a], startsAt: new Date('2025-03-01T00:00:00Z') });
      const onAandB = await insertLicense(db, { assetIds: [a, b], startsAt: new Date('2025-02-01T00:00:00Z') });
      const creatorWide = await insertLicense(db, {
        creatorId: creator,
        startsAt: new Date('2025-01-15T00:00:00Z'),
        territories: ['WW'],
        excludedTerritories: ['US'],
        endsAt: null,
        derivativesAllowed: true,
        disclosureRequired: true,
      });
      await insertLicense(db, { creatorId: other });
      await insertLicense(db, { assetIds: [foreign] });

      const found = await licensesForAssets(db, [a, b]);
      expect([...found.keys()]).toEqual([a, b]);
      expect(found.get(a)!.map((l) => l.id)).toEqual([creatorWide, onAandB, onA]);
      expect(found.get(b)!.map((l) => l.id)).toEqual([creatorWide, onAandB]);
      expect(found.get(a)![0]).toEqual({
        id: creatorWide,
        status: 'active',
        territories: ['WW'],
        excludedTerritories: ['US'],
        channels: ['paid_social'],
        startsAt: new Date('2025-01-15T00:00:00Z'),
        endsAt: null,
        derivativesAllowed: true,
        disclosureRequired: true,
        attributionRequired: false,
      });
    });

    it('gives every asked id a key: an empty list for assets without licenses or unknown ids', async () => {
      const creator = await insertCreator(db);
      const bare = await insertAsset(db, creator);
      const unknown = '00000000-0000-4000-8000-000000000000';
      const found = await licensesForAssets(db, [bare, unknown, bare]);
      expect([...found.entries()]).toEqual([
        [bare, []],
        [unknown, []],
      ]);
      expect((await licensesForAssets(db, [])).size).toBe(0);
    });

    it('includes draft and revoked licenses: deciding is checkRights’s job', async () => {
      const creator = await insertCreator(db);
      const asset = await insertAsset(db, creator);
      await insertLicense(db, { assetIds: [asset], status: 'draft' });
      await insertLicense(db, { assetIds: [asset], status: 'revoked', revokedAt: new Date() });
      expect(
        (await licensesForAssets(db, [asset]))
          .get(asset)!
          .map((l) => l.status)
          .sort(),
      ).toEqual(['draft', 'revoked']);
    });

    it('works inside a transaction, seeing its uncommitted rows', async () => {
      const creator = await insertCreator(db);
      const asset = await insertAsset(db, creator);
      let seen: string[] = [];
      const rolledBack = db.transaction(async (tx) => {
        const license = await insertLicense(tx, { assetIds: [asset] });
        seen = (await licensesForAssets(tx, [asset])).get(asset)!.map((l) => l.id);
        expect(seen).toEqual([license]);
        tx.rollback();
      });
      await expect(rolledBack).rejects.toThrow(); // drizzle's rollback rejects the transaction
      expect(seen).toHaveLength(1);
      expect((await licensesForAssets(db, [asset])).get(asset)).toEqual([]);
    });
  });

  describe('liveUsages', () => {
    it('groups granted pulls by asset, campaign, channel and territory, latest first', async () => {
      const creator = await insertCreator(db);
      const [a, b] = [await insertAsset(db, creator), await insertAsset(db, creator)];
      const license = await insertLicense(db, { assetIds: [a, b] });
      const otherLicense = await insertLicense(db, { assetIds: [a] });
      const idle = await insertLicense(db, { assetIds: [b] });
      const apiKeyId = await insertApiKey(db);
      const pull = (assetId: string, at: string, extra: Record<string, unknown> = {}) =>
        insertUsage(db, { apiKeyId, assetId, licenseId: license, channel: 'paid_social', territory: 'PL', campaign: 'spring', at: new Date(at), ...extra });
      await pull(a, '2025-03-01T10:00:00Z');
      await pull(a, '2025-03-02T10:00:00Z');
      await pull(a, '2025-03-03T10:00:00Z', { outcome: 'refused', reasons: ['expired'] });
      await pull(a, '2025-03-01T12:00:00Z', { campaign: null });
      await pull(b, '2025-03-05T10:00:00Z', { territory: 'DE' });
      await pull(a, '2025-03-09T10:00:00Z', { licenseId: otherLicense });

      const found = await liveUsages(db, [license, idle]);
      expect([...found.keys()]).toEqual([license, idle]);
      expect(found.get(idle)).toEqual([]);
      expect(found.get(license)).toEqual([
        { assetId: b, campaign: 'spring', channel: 'paid_social', territory: 'DE', lastPulledAt: '2025-03-05T10:00:00.000Z', pulls: 1 },
        { assetId: a, campaign: 'spring', channel: 'paid_social', territory: 'PL', lastPulledAt: '2025-03-02T10:00:00.000Z', pulls: 2 },
        { assetId: a, campaign: null, channel: 'paid_social', territory: 'PL', lastPulledAt: '2025-03-01T12:00:00.000Z', pulls: 1 },
      ]);
      expect((await liveUsages(db, [otherLicense])).get(otherLicense)).toHaveLength(1);
      expect((await liveUsages(db, [])).size).toBe(0);
    });
  });
});
