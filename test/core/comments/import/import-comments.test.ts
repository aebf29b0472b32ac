import { Readable } from 'node:stream';
import { asc, eq } from 'drizzle-orm';
import { importComments, MAX_REPORTED_REJECTS } from '../../../../core/comments/import/import-comments';
import { openImportSource } from '../../../../core/comments/import/import-records';
import { checkImportRow } from '../../../../core/comments/import/import-row';
import { comments } from '../../../../core/db';
import type { Services } from '../../../../core/runtime/services';
import { addAsset, addCreator } from '../../ads/rights-fixtures';
import { openTestServices } from '../../../helpers/test-services';

let services: Services;
beforeAll(async () => {
  services = await openTestServices();
});
afterAll(() => services.close());

const importText = async (text: string, options: Parameters<typeof importComments>[2] = {}) =>
  importComments(services.database.db, (await openImportSource(Readable.from([Buffer.from(text)]))).records, options);

describe('checkImportRow', () => {
  it('maps platform export names and normalises values', () => {
    const checked = checkImportRow(
      { comment_id: 42, message: '  Czy wysyłacie do Niemiec?  ', from: { name: 'Ola', id: '9' }, created_time: '2024-05-01T10:00:00+0000', sku: 'SKU-1' },
      { platform: 'Facebook' },
    );
    expect(checked).toEqual({
      ok: true,
      row: {
        platform: 'facebook',
        externalId: '42',
        text: 'Czy wysyłacie do Niemiec?',
        author: 'Ola',
        postedAt: new Date('2024-05-01T10:00:00Z'),
        assetId: null,
        productSku: 'SKU-1',
        permalink: null,
      },
    });
  });

  it.each([
    [{ create_time: 1714557600 }, '2024-05-01T10:00:00.000Z'],
    [{ timestamp: '1714557600000' }, '2024-05-01T10:00:00.000Z'],
    [{ date: '2024-05-01 10:00' }, '2024-05-01T10:00:00.000Z'],
    [{ publishedAt: '2024-05-01T12:00:00+02:00' }, '2024-05-01T10:00:00.000Z'],
  ])('reads the posting time %j', (time, iso) => {
    const checked = checkImportRow({ platform: 'tiktok', cid: '1', text: 'hi', productSku: 'S', ...time });
    expect(checked.ok && checked.row.postedAt?.toISOString()).toBe(iso);
  });

  it('keeps a comment’s http(s) address from the export (Facebook’s permalink_url)', () => {
    const checked = checkImportRow({
      platform: 'facebook',
      id: '1',
      message: 'hi',
      productSku: 'S',
      permalink_url: ' https://www.facebook.com/p/1?comment_id=2 ',
    });
    expect(checked.ok && checked.row.permalink).toBe('https://www.facebook.com/p/1?comment_id=2');
  });

  it.each([
    [{ id: '1', text: 'x', productSku: 'S' }, 'missing_platform'],
    [{ platform: 'ig', text: 'x', productSku: 'S' }, 'missing_external_id'],
    [{ platform: 'ig', id: '1', text: '   ', productSku: 'S' }, 'missing_text'],
    [{ platform: 'ig', id: '1', text: 'x' }, 'missing_product_sku'],
    [{ platform: 'ig', id: '1', text: 'x', productSku: 'bad sku!' }, 'invalid_product_sku'],
    [{ platform: 'ig', id: '1', text: 'x', productSku: 'S', assetId: 'nope' }, 'invalid_asset_id'],
    [{ platform: 'ig', id: '1', text: 'x', productSku: 'S', postedAt: 'yesterday' }, 'invalid_posted_at'],
    [{ platform: 'ig', id: '1', text: 'x'.repeat(10_001), productSku: 'S' }, 'invalid_text'],
    [{ platform: 'ig', id: { a: 1 }, text: 'x', productSku: 'S' }, 'invalid_external_id'],
    [{ platform: 'ig', id: '1', text: 'x', productSku: 'S', permalink: 'javascript:alert(1)' }, 'invalid_permalink'],
    [['not', 'an', 'object'], 'not_an_object'],
  ])('refuses case %#', (record, code) => {
    expect(checkImportRow(record)).toMatchObject({ ok: false, code });
  });
});

describe('importComments', () => {
  it('stores good rows, reports bad ones with their lines, and never duplicates on re-import', async () => {
    const ndjson = [
      '{"platform":"instagram","id":"imp-1","text":"Jaki rozmiar wybrać?","productSku":"SKU-IMP"}',
      '{"platform":"instagram","id":"imp-2","text":""}',
      'not json',
      '{"platform":"instagram","id":"imp-3","text":"Kiedy wysyłka?","productSku":"SKU-IMP","postedAt":"2024-05-01T10:00:00Z","author":"kasia"}',
    ].join('\n');
    const first = await importText(ndjson);
    expect(first).toMatchObject({ rows: 4, accepted: 2, duplicates: 0, rejectedCount: 2 });
    expect(first.rejected).toEqual([
      { line: 2, row: 2, code: 'missing_text', message: expect.any(String) },
      { line: 3, row: 3, code: 'invalid_json', message: expect.any(String) },
    ]);
    expect(first.commentIds).toHaveLength(2);
    const again = await importText(ndjson);
    expect(again).toMatchObject({ rows: 4, accepted: 0, duplicates: 2, rejectedCount: 2, commentIds: [] });
    const stored = await services.database.db.select().from(comments).where(eq(comments.productSku, 'SKU-IMP')).orderBy(asc(comments.externalId));
    expect(stored.map((c) => [c.externalId, c.text, c.author, c.postedAt?.toISOString() ?? null])).toEqual([
      ['imp-1', 'Jaki rozmiar wybrać?', null, null],
      ['imp-3', 'Kiedy wysyłka?', 'kasia', '2024-05-01T10:00:00.000Z'],
    ]);
  });

  it('counts a row repeated within one file once, across batch boundaries too', async () => {
    const rows = ['id,text', ...Array.from({ length: 5 }, (_, i) => `dup-${i % 2},question ${i}?`)].join('\n');
    const result = await importText(rows, { defaults: { platform: 'youtube', productSku: 'SKU-DUP' }, batchSize: 2 });
    expect(result).toMatchObject({ accepted: 2, duplicates: 3, rejectedCount: 0 });
  });

  it('links rows to assets: unknown assets are refused, an asset with one product gives its SKU', async () => {
    const db = services.database.db;
    const creator = await addCreator(db);
    const single = await addAsset(db, services.storage, { creatorId: creator.id, skus: ['SKU-FROM-ASSET'] });
    const none = await addAsset(db, services.storage, { creatorId: creator.id });
    const missing = '00000000-0000-4000-8000-000000000000';
    const json = JSON.stringify([
      { platform: 'instagram', id: 'asset-1', text: 'a', assetId: single.id },
      { platform: 'instagram', id: 'asset-2', text: 'b', assetId: none.id },
      { platform: 'instagram', id: 'asset-3', text: 'c', assetId: missing },
    ]);
    const result = await importText(json);
    expect(result).toMatchObject({ accepted: 2, rejectedCount: 1, rejected: [{ row: 3, code: 'unknown_asset' }] });
    const stored = await db
      .select({ id: comments.externalId, sku: comments.productSku, assetId: comments.assetId })
      .from(comments)
      .where(eq(comments.platform, 'instagram'));
    expect(stored.filter((c) => c.id.startsWith('asset-')).sort((a, b) => a.id.localeCompare(b.id))).toEqual([
      { id: 'asset-1', sku: 'SKU-FROM-ASSET', assetId: single.id },
      { id: 'asset-2', sku: null, assetId: none.id },
    ]);
  });

  it('lists the first rejects only, counting them all', async () => {
    const bad = Array.from({ length: MAX_REPORTED_REJECTS + 20 }, (_, i) => `{"platform":"x","id":"bad-${i}"}`).join('\n');
    const result = await importText(bad);
    expect(result.rejectedCount).toBe(MAX_REPORTED_REJECTS + 20);
    expect(result.rejected).toHaveLength(MAX_REPORTED_REJECTS);
    expect(result.rejected[0]).toMatchObject({ line: 1, code: 'missing_text' });
  });

  it('streams: 20,000 CSV rows import in batches without holding them', async () => {
    const lines = ['id,text,sku', ...Array.from({ length: 20_000 }, (_, i) => `bulk-${i},"Comment number ${i}, with a comma",SKU-BULK`)];
    let batches = 0;
    const result = await importText(lines.join('\n'), { defaults: { platform: 'tiktok' }, onBatch: () => batches++ });
    expect(result).toMatchObject({ rows: 20_000, accepted: 20_000, duplicates: 0, rejectedCount: 0 });
    expect(batches).toBe(20);
  });
});
