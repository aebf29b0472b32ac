import type { Database } from '../../../core/db';
import { loadGallerySource } from '../../../core/gallery/gallery-query';
import { renderGallery } from '../../../core/gallery/gallery-view';
import type { Services } from '../../../core/runtime/services';
import { testDatabases } from '../../helpers/test-database';
import { addAsset, addCreator, addLicense, addRendition } from '../ads/rights-fixtures';
import { servicesOn } from '../webhooks/services-on';

describe.each(testDatabases())('gallery source on %s', ({ open }) => {
  let services: Services;
  beforeAll(async () => {
    const database: Database = await open();
    services = await servicesOn(database);
  });
  afterAll(() => services.close());

  it('gathers direct and creator-wide licenses, renditions and FAQ for a SKU', async () => {
    const db = services.database.db;
    const [one, two] = [await addCreator(db), await addCreator(db)];
    const direct = await addAsset(db, services.storage, { creatorId: one.id, skus: ['S1', 'S2'] });
    const wide = await addAsset(db, services.storage, { creatorId: two.id, skus: ['S1'] });
    await addAsset(db, services.storage, { creatorId: two.id, skus: ['S1'], status: 'failed' });
    await addRendition(db, services.storage, { assetId: direct.id, kind: 'image', spec: { w: 320 }, format: 'webp', width: 320 });
    await addRendition(db, services.storage, { assetId: direct.id, kind: 'cut', spec: { aspect: '1:1' } });
    const ends = new Date(Date.now() + 90_000);
    await addLicense(db, { assetIds: [direct.id], channels: ['product_page'], endsAt: ends });
    await addLicense(db, { creatorId: two.id, channels: ['product_page'], territories: ['DE'] });

    const source = await loadGallerySource(db, 'S1');
    expect(source.candidates.map((c) => c.id).sort()).toEqual([direct.id, wide.id].sort());
    expect(source.candidates.find((c) => c.id === direct.id)!.renditions.map((r) => r.kind)).toEqual(['image']);

    const now = new Date();
    const pl = await renderGallery(source, 'PL', now, services.storage);
    expect(JSON.parse(pl.body.toString()).items.map((i: { assetId: string }) => i.assetId)).toEqual([direct.id]);
    expect(pl.itemsValidUntil).toBe(ends.getTime());
    expect(pl.nextChange).toBe(ends.getTime());
    const de = await renderGallery(source, 'DE', now, services.storage);
    expect(JSON.parse(de.body.toString()).items).toHaveLength(2);
    expect(de.etag).not.toBe(pl.etag);
    expect((await renderGallery(source, 'PL', now, services.storage)).body).toEqual(pl.body);
  });
});
