import type { AnyRoute, ResponseSpec } from './route';

/**
 * The reply as a client will read it (after JSON) must match what the route documents for its
 * status. The types already hold handlers to their schemas; this catches what types cannot see
 * (a cast, an `any` from a query, a Date where a string is promised). On in tests (CHECK_REPLIES).
 */
export function checkReply(route: AnyRoute, status: number, body: unknown): void {
  const spec = (route.responses as Record<number, ResponseSpec | undefined>)[status];
  if (!spec) throw new Error(`${route.method.toUpperCase()} ${route.path} replied ${status}, which its responses do not declare`);
  if (!spec.schema) {
    if (body === undefined) return;
    throw new Error(`${route.method.toUpperCase()} ${route.path} replied ${status} with a body its responses do not describe`);
  }
  const parsed = spec.schema.safeParse(body === undefined ? undefined : JSON.parse(JSON.stringify(body)));
  if (parsed.success) return;
  const issues = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`);
  throw new Error(`${route.method.toUpperCase()} ${route.path} replied ${status} with a body its schema refuses: ${issues.join('; ')}`);
}
