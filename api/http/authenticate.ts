import type { Request } from 'express';
import type { Db } from '../../core/db';
import { DomainError } from '../../core/errors/domain-error';
import { findCaller } from '../../core/access/api-key-store';
import { roleAllows } from '../../core/vocabulary/roles';
import { type Caller } from '../../core/access/caller';
import type { Access } from './route';

/** Resolves the caller from `Authorization: Bearer <key>` and checks the route's access rule. */
export async function authenticate(db: Db, req: Request, access: Access): Promise<Caller | null> {
  if (access === 'public') return null;
  const header = req.headers.authorization;
  if (!header) throw new DomainError('unauthenticated', 'missing_api_key', 'Send an API key as "Authorization: Bearer <key>"');
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw new DomainError('unauthenticated', 'invalid_authorization', 'The Authorization header must be "Bearer <key>"');
  const caller = await findCaller(db, match[1]!);
  if (!caller) throw new DomainError('unauthenticated', 'invalid_api_key', 'The API key is unknown or revoked');
  if (access !== 'authenticated' && !roleAllows(caller.role, access)) {
    throw new DomainError('forbidden', 'forbidden_role', `This needs one of the roles: ${['admin', ...access.filter((r) => r !== 'admin')].join(', ')}`);
  }
  return caller;
}
