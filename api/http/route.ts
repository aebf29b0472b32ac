import type { Request, Response } from 'express';
import type { z, ZodType } from 'zod';
import type { Services } from '../../core/runtime/services';
import type { Role } from '../../core/vocabulary/roles';
import type { Caller } from '../../core/access/caller';

/**
 * A route is data plus a handler: the same zod schemas validate the request, type the handler's
 * reply and describe both in /api/openapi.json, so neither the code nor the documentation can
 * drift from the other (as a tRPC procedure or a Fastify type provider does).
 */
export type Access = 'public' | 'authenticated' | readonly Role[];

export interface RouteContext<B, Q, P> {
  body: B;
  query: Q;
  params: P;
  /** Null only on public routes. */
  caller: Caller | null;
  services: Services;
  req: Request;
  res: Response;
}

export interface ResponseSpec {
  description: string;
  schema?: ZodType;
  /** A realistic body, shown in /api/docs; the OpenAPI test parses it with `schema`, so the two cannot drift apart. */
  example?: unknown;
}
export type Responses = Record<number, ResponseSpec>;

/** Errors are thrown as DomainErrors, never returned: a handler replies only with a 2xx or 3xx status. */
type SuccessStatus<S extends number> = S extends unknown ? (`${S}` extends `${2 | 3}${number}` ? S : never) : never;
type BodyOf<R, K> = K extends keyof R ? (R[K] extends { schema: ZodType } ? z.input<R[K]['schema']> : undefined) : never;
type Headers = { headers?: Record<string, string> };

/**
 * What a handler may return: one of its route's success statuses with a body that status's
 * schema accepts; `status` may go unsaid for 200. (Written as two unions, not one conditional
 * per status: TypeScript widens `status: 201` to `number` against the latter.)
 */
export type Reply<S extends number, R> =
  | { [K in Exclude<SuccessStatus<S>, 200>]: { status: K; body?: BodyOf<R, K> } & Headers }[Exclude<SuccessStatus<S>, 200>]
  | (200 extends S ? { status?: 200; body?: BodyOf<R, 200> } & Headers : never);

/**
 * `S` (the statuses) and `R` (their specs) are two parameters so that TypeScript reads the
 * statuses off `responses` before it checks `handle`; with one, a handler's `status: 201` widens
 * to `number` and matches nothing.
 */
export interface RouteSpec<B = unknown, Q = unknown, P = unknown, S extends number = number, R = Responses> {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Express syntax, e.g. /api/v1/keys/:id */
  path: string;
  summary: string;
  tag: string;
  access: Access;
  body?: ZodType<B>;
  /** A realistic request body, shown in /api/docs; the OpenAPI test parses it with `body`. */
  bodyExample?: unknown;
  query?: ZodType<Q>;
  params?: ZodType<P>;
  responses: Record<S, ResponseSpec> & R;
  /** Returns the reply, or nothing when it wrote to `res` itself (streams, files). */
  handle(ctx: RouteContext<B, Q, P>): Promise<NoInfer<Reply<S, R>> | void>;
}

export const defineRoute = <B = unknown, Q = unknown, P = unknown, S extends number = number, R = Responses>(
  spec: RouteSpec<B, Q, P, S, R>,
): RouteSpec<B, Q, P, S, R> => spec;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRoute = RouteSpec<any, any, any, any, any>;
