import { and, eq } from 'drizzle-orm';
import { auditLog, rightsRequests, webhookDeliveries } from '../../../core/db';
import type { Services } from '../../../core/runtime/services';
import { NewRightsRequestInput, rightsRequestInZone } from '../../../core/rights-requests/request-input';
import { REMINDER_BEFORE_MS, sweepRightsRequests } from '../../../core/rights-requests/request-sweep';
import { createRightsRequest, getRightsRequest } from '../../../core/rights-requests/rights-request-store';
import { createWebhook } from '../../../core/webhooks/webhook-store';
import { openTestServices } from '../../helpers/test-services';
import { insertCreator } from '../licensing/fixtures';

let services: Services;
let creatorId: string;
const DAY = 24 * 60 * 60 * 1000;

beforeAll(async () => {
  services = await openTestServices();
  creatorId = await insertCreator(services.database.db);
  await createWebhook(services.database.db, { url: 'https://hooks.example.com/r', events: ['rights_request.expiring'], secret: 's'.repeat(24) });
});
afterAll(() => services.close());

async function requestExpiringIn(ms: number): Promise<string> {
  const typed = NewRightsRequestInput.parse({
    creatorId,
    language: 'en',
    terms: { territories: ['PL'], channels: ['paid_social'], startsAt: new Date().toISOString(), endsAt: null, derivativesAllowed: false },
  });
  const input = rightsRequestInZone(typed, 'Europe/Warsaw');
  const { row } = await createRightsRequest(services.database.db, null, input, 'Brand');
  await services.database.db
    .update(rightsRequests)
    .set({ expiresAt: new Date(Date.now() + ms) })
    .where(eq(rightsRequests.id, row.id));
  return row.id;
}

const remindersOf = async (id: string) =>
  (await services.database.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.event, 'rights_request.expiring'))).filter(
    (d) => (d.payload as { requestId: string }).requestId === id,
  );

it('reminds once about a request close to its expiry, and none far from it', async () => {
  const soon = await requestExpiringIn(REMINDER_BEFORE_MS - DAY);
  const later = await requestExpiringIn(REMINDER_BEFORE_MS + DAY);
  const [first, second] = [await sweepRightsRequests(services), await sweepRightsRequests(services)];
  expect(first.reminded).toContain(soon);
  expect(second.reminded).not.toContain(soon);
  expect(await remindersOf(soon)).toHaveLength(1);
  expect(first.reminded).not.toContain(later);
  expect(await remindersOf(later)).toHaveLength(0);
});

it('marks a request past its expiry expired, with an audit entry, and leaves it so', async () => {
  const past = await requestExpiringIn(-1000);
  expect((await sweepRightsRequests(services)).expired).toContain(past);
  expect((await getRightsRequest(services.database.db, past)).row.status).toBe('expired');
  const audit = await services.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityId, past), eq(auditLog.action, 'rights_request.expire')));
  expect(audit).toHaveLength(1);
  expect((await sweepRightsRequests(services)).expired).not.toContain(past);
});

it('never touches an answered request', async () => {
  const answered = await requestExpiringIn(-1000);
  await services.database.db.update(rightsRequests).set({ status: 'declined', answeredAt: new Date() }).where(eq(rightsRequests.id, answered));
  const swept = await sweepRightsRequests(services);
  expect([...swept.expired, ...swept.reminded]).not.toContain(answered);
  expect((await getRightsRequest(services.database.db, answered)).row.status).toBe('declined');
});
