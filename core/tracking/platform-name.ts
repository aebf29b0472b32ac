import { z } from 'zod';

/**
 * The platform an ad runs on (`meta`, `tiktok`, `google`…), as the pull names it: it becomes
 * utm_source, so it is a short lower-case token that analytics tools group on.
 */
export const platformNameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{0,49}$/, 'a short name such as meta, tiktok or google: letters, digits, . _ - (up to 50)');
