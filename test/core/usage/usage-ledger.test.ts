import { createApiKey } from '../../../core/access/api-key-store';
import { decodePageCursor } from '../../../core/paging/page-cursor';
import { listUsages, recordUsage } from '../../../core/usage/usage-ledger';
import { testDatabases } from '../../helpers/test-database';
import { addAsset, addCreator, addLicense, useDatabaseAndStorage } from '../ads/rights-fixtures';

describe.each(testDatabases())('usage ledger on %s', ({ open }) => {
  const given = useDatabaseAndStorage(open);

  it('pages newest first without skipping or repeating entries made in the same instant', async () => {
    const [db, storage] = [given.db(), given.storage()];
    const key = await createApiKey(db, 'ads', 'performance');
    const creator = await addCreator(db);
    const [a, b] = [await addAsset(db, storage, { creatorId: creator.id }), await addAsset(db, storage, { creatorId: creator.id })];
    const license = await addLicense(db, { assetIds: [a.id] });
    const same = new Date('2026-05-01T10:00:00.123Z');
    const entry = { apiKeyId: key.id, channel: 'paid_social', territory: 'PL' };
    const made = [];
    for (let i = 0; i < 5; i++)
      made.push(await recordUsage(db, { ...entry, assetId: a.id, licenseId: license.id, outcome: 'granted', campaign: `c${i}`, at: same }));
    made.push(await recordUsage(db, { ...entry, assetId: a.id, outcome: 'refused', reasons: ['expired'], at: new Date(same.getTime() + 1) }));
    made.push(await recordUsage(db, { ...entry, assetId: b.id, outcome: 'refused', reasons: ['no_license'], at: new Date(same.getTime() - 1) }));

    const seen: string[] = [];
    let page = await listUsages(db, { assetId: a.id }, 2);
    seen.push(...page.items.map((i) => i.id));
    while (page.nextCursor) {
      page = await listUsages(db, { assetId: a.id }, 2, decodePageCursor(page.nextCursor));
      seen.push(...page.items.map((i) => i.id));
    }
    expect(seen).toHaveLength(6);
    expect(new Set(seen).size).toBe(6);
    expect(seen[0]).toBe(made[5]!.id); // the newest
    expect((await listUsages(db, { licenseId: license.id }, 10)).items).toHaveLength(5);
    expect((await listUsages(db, { outcome: 'refused' }, 10)).items.map((i) => i.reasons)).toEqual([['expired'], ['no_license']]);
  });
});
