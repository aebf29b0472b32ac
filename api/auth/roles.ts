/** Who may do what. `admin` may do everything any other role may. */
export const ROLES = ['admin', 'content_manager', 'performance', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** The authenticated caller of a request. */
export interface Caller {
  keyId: string;
  name: string;
  role: Role;
}

export const roleAllows = (role: Role, allowed: readonly Role[]): boolean => role === 'admin' || allowed.includes(role);
