import { listAdCuts } from '../../../core/ads/ad-cuts';
import { decodePageCursor } from '../../../core/paging/page-cursor';
import { testDatabases } from '../../helpers/test-database';
import { addAsset, addCreator, addCut, addLicense, useDatabaseAndStorage } from './rights-fixtures';

describe.each(testDatabases())('listAdCuts on %s', ({ open }) => {
  const given = useDatabaseAndStorage(open);

  const use = { channel: 'paid_social' as const, territory: 'PL', at: new Date() };

  it('fills pages across batches where most cuts are not licensed', async () => {
    const [db, storage] = [given.db(), given.storage()];
    const creator = await addCreator(db);
    const licensed: string[] = [];
    // 130 cuts, every tenth licensed: the licensed ones are spread over two 100-row batches.
    for (let i = 0; i < 130; i++) {
      const asset = await addAsset(db, storage, { creatorId: creator.id, skus: i % 2 ? ['ODD'] : ['EVEN'] });
      const cut = await addCut(db, storage, asset.id, i % 3 ? '9:16' : '1:1', i % 4 ? 15 : 6.5);
      if (i % 10 === 0) {
        await addLicense(db, { assetIds: [asset.id], territories: ['PL', 'CZ'] });
        licensed.push(cut.id);
      } else {
        await addLicense(db, { assetIds: [asset.id], derivativesAllowed: false });
      }
    }
    const seen = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof listAdCuts>> = await listAdCuts(db, use, 5, cursor ? decodePageCursor(cursor) : undefined);
      expect(page.items.length).toBe(page.nextCursor ? 5 : 3);
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.map((c) => c.cutId).sort()).toEqual(licensed.sort());
    expect(seen).toHaveLength(13);

    expect((await listAdCuts(db, { ...use, territory: 'DE' }, 100)).items).toEqual([]);
    const squares = await listAdCuts(db, { ...use, aspect: '1:1' }, 100);
    expect(squares.items.length).toBeGreaterThan(0);
    expect(squares.items.every((c) => c.aspect === '1:1')).toBe(true);
    const short = await listAdCuts(db, { ...use, durationS: 6.5 }, 100);
    expect(short.items.length).toBeGreaterThan(0);
    expect(short.items.every((c) => c.durationS === 6.5)).toBe(true);
    expect((await listAdCuts(db, { ...use, product: 'ODD' }, 100)).items).toEqual([]); // i % 10 === 0 is always even
    expect((await listAdCuts(db, { ...use, product: 'EVEN' }, 100)).items).toHaveLength(13);
  });
});
