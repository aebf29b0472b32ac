import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { count, eq } from 'drizzle-orm';
import { auditLog, licenseAssets, licenses, type Database, type Db } from '../../../core/db';
import { attachContract, createLicense, revokeLicense, updateLicense } from '../../../core/licensing/license-changes';
import { contractKey } from '../../../core/storage/object-keys';
import { licenseHistory } from '../../../core/licensing/license-queries';
import { coherentTerms, LicenseTermsInput, termsInZone, type LicenseTermsValues } from '../../../core/licensing/license-terms';
import { FsDriver } from '../../../core/storage';
import { testDatabases } from '../../helpers/test-database';
import { insertApiKey, insertAsset, insertCreator } from './fixtures';

/** Terms as the create route reads them: typed, days in the license time zone, then the rules between fields. */
const coherentTermsOf = (input: Record<string, unknown>): LicenseTermsValues =>
  coherentTerms.parse(termsInZone(LicenseTermsInput.parse(input), 'Europe/Warsaw'));

const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';

describe.each(testDatabases())('license changes on %s', ({ open }) => {
  let database: Database;
  let db: Db;
  let actor: string;
  let creator: string;
  let asset: string;
  let storageRoot: string;
  beforeAll(async () => {
    database = await open();
    db = database.db;
    actor = await insertApiKey(db, 'content manager');
    creator = await insertCreator(db);
    asset = await insertAsset(db, creator);
    storageRoot = await mkdtemp(path.join(os.tmpdir(), 'license-changes-'));
  });
  afterAll(async () => {
    await database.close();
    await rm(storageRoot, { recursive: true, force: true });
  });

  const terms = (change: Record<string, unknown> = {}): LicenseTermsValues =>
    coherentTermsOf({
      assetIds: [asset],
      territories: ['PL'],
      channels: ['paid_social'],
      startsAt: '2025-01-01T00:00:00Z',
      endsAt: '2026-01-01T00:00:00Z',
      derivativesAllowed: false,
      ...change,
    });

  const rowCounts = async () => ({
    licenses: (await db.select({ n: count() }).from(licenses))[0]!.n,
    licenseAssets: (await db.select({ n: count() }).from(licenseAssets))[0]!.n,
    audit: (await db.select({ n: count() }).from(auditLog))[0]!.n,
  });

  it('a create writes the license, the assets it names and one audit entry', async () => {
    const before = await rowCounts();
    const created = await createLicense(db, actor, terms());
    expect(await rowCounts()).toEqual({ licenses: before.licenses + 1, licenseAssets: before.licenseAssets + 1, audit: before.audit + 1 });
    const [entry] = await licenseHistory(db, created.id);
    expect(entry).toMatchObject({ action: 'license.create', actor: { keyId: actor, name: 'content manager' }, before: null, after: created });
  });

  it('unknown assets or creator: 422 naming them, and nothing written', async () => {
    const before = await rowCounts();
    const unknownAssets = createLicense(db, actor, terms({ assetIds: [asset, NO_SUCH_ID] }));
    await expect(unknownAssets).rejects.toMatchObject({ code: 'unknown_asset_ids', kind: 'unprocessable', details: { assetIds: [NO_SUCH_ID] } });
    const unknownCreator = createLicense(db, actor, terms({ assetIds: [], creatorId: NO_SUCH_ID }));
    await expect(unknownCreator).rejects.toMatchObject({ code: 'unknown_creator', kind: 'unprocessable' });
    expect(await rowCounts()).toEqual(before);
  });

  it('when the audit entry cannot be written, the change is not made either', async () => {
    const before = await rowCounts();
    // The actor key does not exist: the audit insert breaks its foreign key, after the license rows went in.
    await expect(createLicense(db, NO_SUCH_ID, terms())).rejects.toThrow();
    expect(await rowCounts()).toEqual(before);
  });

  it('when the change fails, no audit entry is written', async () => {
    const created = await createLicense(db, actor, terms());
    const before = await rowCounts();
    // Past the API's validation on purpose, so the database's own period check refuses the update.
    const broken = updateLicense(db, actor, created.id, (current) => ({ ...current, endsAt: new Date('2024-01-01T00:00:00Z') }));
    await expect(broken).rejects.toThrow();
    expect(await rowCounts()).toEqual(before);
    expect((await licenseHistory(db, created.id)).map((e) => e.action)).toEqual(['license.create']);
  });

  it('an update replaces the named assets and records before and after', async () => {
    const second = await insertAsset(db, creator);
    const created = await createLicense(db, actor, terms());
    const updated = await updateLicense(db, actor, created.id, (current) => ({ ...current, assetIds: [second], channels: ['email'] }));
    expect(updated).toMatchObject({ assetIds: [second], channels: ['email'] });
    const rows = await db.select().from(licenseAssets).where(eq(licenseAssets.licenseId, created.id));
    expect(rows.map((r) => r.assetId)).toEqual([second]);
    const history = await licenseHistory(db, created.id);
    expect(history.map((e) => e.action)).toEqual(['license.create', 'license.update']);
    expect(history[1]).toMatchObject({ before: { assetIds: [asset], channels: ['paid_social'] }, after: { assetIds: [second], channels: ['email'] } });
  });

  it('a revoke is audited once; revoking again changes nothing; a revoked license cannot be changed', async () => {
    const created = await createLicense(db, actor, terms());
    const revoked = await revokeLicense(db, actor, created.id, 'creator withdrew consent');
    expect(revoked).toMatchObject({ status: 'revoked', revokedReason: 'creator withdrew consent' });
    expect(await revokeLicense(db, actor, created.id, 'again')).toEqual(revoked);
    await expect(updateLicense(db, actor, created.id, (c) => c)).rejects.toMatchObject({ code: 'license_revoked', kind: 'conflict' });
    expect((await licenseHistory(db, created.id)).map((e) => e.action)).toEqual(['license.create', 'license.revoke']);
    await expect(revokeLicense(db, actor, NO_SUCH_ID, null)).rejects.toMatchObject({ code: 'license_not_found' });
  });

  it('a contract upload stores the file and records it; when storage fails nothing is recorded', async () => {
    const storage = new FsDriver({ root: path.join(storageRoot, 'ok'), signingSecret: 'x'.repeat(32) });
    await storage.init();
    const created = await createLicense(db, actor, terms());
    const pdf = Buffer.from('%PDF-1.4 signed');
    const attached = await attachContract(db, storage, actor, created.id, { bytes: pdf, filename: 'signed.pdf' });
    expect(attached.contract).toEqual({ filename: 'signed.pdf' });
    expect((await storage.stat(contractKey(created.id)))?.size).toBe(pdf.length);

    // A storage root that is a file: every write fails for real.
    const blocked = path.join(storageRoot, 'blocked');
    await writeFile(blocked, 'not a directory');
    const broken = new FsDriver({ root: blocked, signingSecret: 'x'.repeat(32) });
    const other = await createLicense(db, actor, terms());
    await expect(attachContract(db, broken, actor, other.id, { bytes: pdf, filename: 'x.pdf' })).rejects.toThrow();
    const [row] = await db.select().from(licenses).where(eq(licenses.id, other.id));
    expect(row!.contractStorageKey).toBeNull();
    expect((await licenseHistory(db, other.id)).map((e) => e.action)).toEqual(['license.create']);
  });
});
