import type { Express } from 'express';
import request from 'supertest';
import { createApp } from '../../api/app';
import { ensureAdminKey } from '../../api/auth/admin-key';
import type { Services } from '../../core/runtime/services';
import { openTestServices } from '../helpers/test-services';

/** GET /api/v1/creators/:id/engagement: a creator's followers and engagement over time, from their audited changes. */

let services: Services;
let app: Express;
let adminKey: string;

beforeAll(async () => {
  services = await openTestServices();
  app = createApp(services);
  adminKey = (await ensureAdminKey(services)).key!;
});
afterAll(() => services.close());

const as = (req: request.Test) => req.set('Authorization', `Bearer ${adminKey}`);

describe('GET /api/v1/creators/:id/engagement', () => {
  it('starts with the values when added and adds a point for each change of followers or engagement, not of other fields', async () => {
    const created = (
      await as(request(app).post('/api/v1/creators')).send({ handle: 'ola.sews', platform: 'instagram', followers: 9_000, engagementRate: 0.04 }).expect(201)
    ).body;
    const fresh = (await as(request(app).get(`/api/v1/creators/${created.id}/engagement`)).expect(200)).body;
    expect(fresh.items).toEqual([{ at: created.createdAt, followers: 9_000, engagementRate: 0.04 }]);

    await as(request(app).patch(`/api/v1/creators/${created.id}`))
      .send({ followers: 12_000 })
      .expect(200);
    await as(request(app).patch(`/api/v1/creators/${created.id}`))
      .send({ contactEmail: 'ola@example.com' })
      .expect(200);
    await as(request(app).patch(`/api/v1/creators/${created.id}`))
      .send({ engagementRate: null })
      .expect(200);
    const body = (await as(request(app).get(`/api/v1/creators/${created.id}/engagement`)).expect(200)).body;
    expect(body.items.map((p: { followers: number; engagementRate: number | null }) => [p.followers, p.engagementRate])).toEqual([
      [9_000, 0.04],
      [12_000, 0.04],
      [12_000, null],
    ]);
    const times = body.items.map((p: { at: string }) => Date.parse(p.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('answers 404 creator_not_found for an unknown creator and 400 invalid_id for a malformed one', async () => {
    const missing = await as(request(app).get('/api/v1/creators/00000000-0000-4000-8000-000000000000/engagement')).expect(404);
    expect(missing.body.error.code).toBe('creator_not_found');
    expect((await as(request(app).get('/api/v1/creators/nope/engagement')).expect(400)).body.error.code).toBe('invalid_id');
  });
});
