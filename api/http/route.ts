import type { Request, Response } from 'express';
import type { ZodType } from 'zod';
import type { Services } from '../../core/runtime/services';
import type { Role } from '../../core/vocabulary/roles';
import type { Caller } from '../../core/access/caller';

/**
 * A route is data plus a handler: the same zod schemas validate the request and describe it
 * in /api/openapi.json, so the documentation cannot drift from what the code accepts.
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

export interface Reply {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface RouteSpec<B = unknown, Q = unknown, P = unknown> {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Express syntax, e.g. /api/v1/keys/:id */
  path: string;
  summary: string;
  tag: string;
  access: Access;
  body?: ZodType<B>;
  query?: ZodType<Q>;
  params?: ZodType<P>;
  responses: Record<number, { description: string; schema?: ZodType }>;
  /** Returns the reply, or nothing when it wrote to `res` itself (streams, files). */
  handle(ctx: RouteContext<B, Q, P>): Promise<Reply | void>;
}

export const defineRoute = <B = unknown, Q = unknown, P = unknown>(spec: RouteSpec<B, Q, P>): RouteSpec<B, Q, P> => spec;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRoute = RouteSpec<any, any, any>;
