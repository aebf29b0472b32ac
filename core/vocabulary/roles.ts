/** Who may do what. `admin` may do everything any other role may. */
export const ROLES = ['admin', 'content_manager', 'performance', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const roleAllows = (role: Role, allowed: readonly Role[]): boolean => role === 'admin' || allowed.includes(role);
