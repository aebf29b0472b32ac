import type { Role } from '../vocabulary/roles';

/** The authenticated caller of a request: the API key it presented, and that key's role. */
export interface Caller {
  keyId: string;
  name: string;
  role: Role;
}
