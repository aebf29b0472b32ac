import { dueNotice, noticeEvent } from '../../../core/webhooks/expiry-notice';

const DAY = 24 * 3600_000;
const now = new Date('2026-06-01T12:00:00Z');
const endingIn = (ms: number) => new Date(now.getTime() + ms);

describe('dueNotice', () => {
  it.each([
    [31 * DAY, null],
    [30 * DAY + 1, null],
    [30 * DAY, 'expiring_30'],
    [8 * DAY, 'expiring_30'],
    [7 * DAY, 'expiring_7'],
    [2 * DAY, 'expiring_7'],
    [DAY, 'expiring_1'],
    [1, 'expiring_1'],
    [0, 'expired'],
    [-5 * DAY, 'expired'],
    [-30 * DAY, 'expired'],
    [-30 * DAY - 1, null],
  ])('a license ending in %d ms is due %s', (left, expected) => {
    expect(dueNotice(endingIn(left), now)).toBe(expected);
  });

  it('maps notices to events', () => {
    expect(noticeEvent('expiring_7')).toBe('license.expiring');
    expect(noticeEvent('expired')).toBe('license.expired');
  });
});
