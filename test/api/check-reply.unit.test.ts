import { z } from 'zod';
import { checkReply } from '../../api/http/check-reply';
import { defineRoute } from '../../api/http/route';

const route = defineRoute({
  method: 'get',
  path: '/api/v1/things/:id',
  summary: 'A thing',
  tag: 'things',
  access: 'public',
  responses: {
    200: { description: 'The thing', schema: z.object({ id: z.string(), at: z.string(), size: z.number().int() }) },
    204: { description: 'Nothing to say' },
    404: { description: 'thing_not_found' },
  },
  handle: async () => ({ body: { id: 'a', at: 'now', size: 1 } }),
});

test('a reply that matches its schema after JSON passes, Dates included', () => {
  expect(() => checkReply(route, 200, { id: 'a', at: new Date(0), size: 3 })).not.toThrow();
  expect(() => checkReply(route, 204, undefined)).not.toThrow();
});

test('a reply its schema refuses names the route and the fields', () => {
  expect(() => checkReply(route, 200, { id: 'a', at: 'x', size: 1.5 })).toThrow(/GET \/api\/v1\/things\/:id replied 200 .*size:/);
  expect(() => checkReply(route, 200, { id: 'a' })).toThrow(/at: .*size: /);
});

test('an undeclared status, or a body where none is documented, is refused', () => {
  expect(() => checkReply(route, 201, { id: 'a' })).toThrow(/replied 201, which its responses do not declare/);
  expect(() => checkReply(route, 204, { id: 'a' })).toThrow(/a body its responses do not describe/);
});
