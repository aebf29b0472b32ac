import { licenseState } from '../../../core/vocabulary/license-state';

const NOW = new Date('2025-06-01T00:00:00.000Z');
const DAY = 24 * 60 * 60 * 1000;
const at = (deltaMs: number) => new Date(NOW.getTime() + deltaMs);

describe('licenseState', () => {
  it.each([
    ['draft, whatever its period', { status: 'draft', startsAt: at(-DAY), endsAt: at(-1) }, 'draft'],
    ['revoked, whatever its period', { status: 'revoked', startsAt: at(-DAY), endsAt: null }, 'revoked'],
    ['starting in 1 ms', { status: 'active', startsAt: at(1), endsAt: null }, 'not_started'],
    ['starting now', { status: 'active', startsAt: NOW, endsAt: null }, 'active'],
    ['perpetual', { status: 'active', startsAt: at(-DAY), endsAt: null }, 'active'],
    ['ending in exactly 30 days', { status: 'active', startsAt: at(-DAY), endsAt: at(30 * DAY) }, 'active'],
    ['ending in 30 days less 1 ms', { status: 'active', startsAt: at(-DAY), endsAt: at(30 * DAY - 1) }, 'expiring'],
    ['ending in 1 ms', { status: 'active', startsAt: at(-DAY), endsAt: at(1) }, 'expiring'],
    ['ending now', { status: 'active', startsAt: at(-DAY), endsAt: NOW }, 'expired'],
    ['ended', { status: 'active', startsAt: at(-2 * DAY), endsAt: at(-DAY) }, 'expired'],
  ] as const)('%s → %s', (_name, license, state) => {
    expect(licenseState(license, NOW)).toBe(state);
  });
});
