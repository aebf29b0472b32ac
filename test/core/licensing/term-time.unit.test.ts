import { instantOf, termTime } from '../../../core/licensing/term-time';

describe('termTime', () => {
  it('reads an instant with an offset, or a calendar day', () => {
    expect(termTime.parse('2026-12-07T09:00:00+01:00')).toEqual(new Date('2026-12-07T08:00:00Z'));
    expect(termTime.parse('2026-12-07')).toEqual({ day: '2026-12-07' });
  });

  it.each([['2026-12-07T09:00:00'], ['2026-02-29'], ['7.12.2026'], ['tomorrow'], [''], [20261207]])('refuses %p', (input) => {
    expect(termTime.safeParse(input).success).toBe(false);
  });
});

describe('instantOf', () => {
  it('makes a start day its 00:00 and an end day its 24:00 in the zone', () => {
    expect(instantOf({ day: '2026-12-07' }, 'start', 'Europe/Warsaw')).toEqual(new Date('2026-12-06T23:00:00Z'));
    expect(instantOf({ day: '2026-12-07' }, 'end', 'Europe/Warsaw')).toEqual(new Date('2026-12-07T23:00:00Z'));
    expect(instantOf({ day: '2026-07-07' }, 'start', 'America/New_York')).toEqual(new Date('2026-07-07T04:00:00Z'));
  });

  it('makes the day of a clock change as long as it is there (23 h in spring)', () => {
    const start = instantOf({ day: '2026-03-29' }, 'start', 'Europe/Warsaw');
    const end = instantOf({ day: '2026-03-29' }, 'end', 'Europe/Warsaw');
    expect((end.getTime() - start.getTime()) / 3_600_000).toBe(23);
  });

  it('leaves an instant as it is, whatever the zone', () => {
    const at = new Date('2026-12-07T08:00:00Z');
    expect(instantOf(at, 'end', 'Europe/Warsaw')).toBe(at);
  });
});
