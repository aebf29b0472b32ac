import { roleAllows, type Role } from './roles';

/**
 * Who may download an asset's original in full quality (GET /api/v1/assets/:id/original), and
 * admins as always. The original is the library's master copy, not a licensed use: the people
 * who run the library may fetch it; everyone else sees renditions, and ads leave only through
 * pulls, which the usage ledger records.
 */
export const ORIGINAL_DOWNLOAD_ROLES = ['content_manager'] as const satisfies readonly Role[];

export const mayDownloadOriginal = (role: Role): boolean => roleAllows(role, ORIGINAL_DOWNLOAD_ROLES);
