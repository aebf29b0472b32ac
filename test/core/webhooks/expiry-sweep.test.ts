import { eq } from 'drizzle-orm';
import { licenseNotifications, webhookDeliveries, type Database } from '../../../core/db';
import type { Services } from '../../../core/runtime/services';
import { sweepLicenseExpiry } from '../../../core/webhooks/expiry-sweep';
import { createWebhook } from '../../../core/webhooks/webhook-store';
import { testDatabases } from '../../helpers/test-database';
import { addAsset, addCreator, addLicense } from '../ads/rights-fixtures';
import { servicesOn } from './services-on';

const DAY = 24 * 3600_000;

describe.each(testDatabases())('sweepLicenseExpiry on %s', ({ open }) => {
  let services: Services;
  beforeAll(async () => {
    const database: Database = await open();
    services = await servicesOn(database);
  });
  afterAll(() => services.close());

  it('takes each notice once with its deliveries, even when sweeps run at the same time', async () => {
    const db = services.database.db;
    const hook = await createWebhook(db, { url: 'http://127.0.0.1:9/unused', events: ['license.expiring', 'license.expired'], secret: 'x'.repeat(16) });
    const creator = await addCreator(db);
    const asset = await addAsset(db, services.storage, { creatorId: creator.id });
    const soon = await addLicense(db, { assetIds: [asset.id], endsAt: new Date(Date.now() + 3 * DAY) });
    const draft = await addLicense(db, { assetIds: [asset.id], endsAt: new Date(Date.now() + 3 * DAY), status: 'draft' });
    const oldNews = await addLicense(db, { assetIds: [asset.id], startsAt: new Date(Date.now() - 400 * DAY), endsAt: new Date(Date.now() - 60 * DAY) });

    const results = await Promise.all([sweepLicenseExpiry(services), sweepLicenseExpiry(services), sweepLicenseExpiry(services)]);
    expect(results.flatMap((r) => r.notices)).toEqual([{ licenseId: soon.id, kind: 'expiring_7' }]);
    expect(await db.select().from(licenseNotifications)).toEqual([expect.objectContaining({ licenseId: soon.id, kind: 'expiring_7' })]);
    const deliveries = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.webhookId, hook.id));
    expect(deliveries).toEqual([expect.objectContaining({ event: 'license.expiring', status: 'pending' })]);
    expect(deliveries[0]!.payload).toMatchObject({ notice: 'expiring_7', license: { id: soon.id, assetIds: [asset.id] } });
    expect(JSON.stringify(deliveries)).not.toContain(draft.id);
    expect(JSON.stringify(deliveries)).not.toContain(oldNews.id);
    expect(await services.queues.find(`licenses.${deliveries[0]!.id}`)).toMatchObject({ name: 'deliver-webhook' });
  });
});
