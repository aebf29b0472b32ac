import { z } from 'zod';

/**
 * An instant in a reply. Every reply gives times the same way, so that is said here once and
 * each field only says which moment it is.
 */
export const instant = (what: string) => z.string().describe(`${what}: an ISO 8601 instant in UTC, e.g. 2026-12-07T09:00:00.000Z`);

/** Countries in a reply, as licenses and uses name them. */
export const countries = (what: string) => z.array(z.string()).describe(`${what}: ISO 3166-1 alpha-2 codes such as PL or DE`);

/** What the channel names mean, for every field that lists channels. */
export const CHANNEL_WORDS = 'paid_* are ads, whitelisting runs ads from the creator’s handle, ooh is out of home, pos is point of sale';
