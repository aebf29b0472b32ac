import { DateTime } from 'luxon';
import { z } from 'zod';

/**
 * A moment in license terms as people type it: an exact instant (ISO 8601 with its offset,
 * `2026-12-07T09:00:00+01:00`) or a plain calendar day (`2026-12-07`). A day means a whole day
 * in the license time zone (BRAND_TIME_ZONE, default Europe/Warsaw), the zone creators read
 * their terms in: a start day begins at 00:00 there, an end day ends at 24:00 there, i.e. the
 * next day's 00:00 is the exclusive end. The schema keeps a day as a day; the zone is a
 * setting, so the route resolves it with `instantOf` once it knows the zone.
 */
export interface CalendarDay {
  day: string;
}
export type TermTime = Date | CalendarDay;
export type TermEdge = 'start' | 'end';

export const TERM_TIME_DESCRIPTION =
  'An instant in ISO 8601 with an offset (2026-12-07T09:00:00+01:00 or …Z), or a calendar day (2026-12-07) in the license time zone (BRAND_TIME_ZONE, default Europe/Warsaw): a start day begins at 00:00 there, an end day ends at 24:00 there';

/** With an offset (`Z` or `+02:00`): a time without one would mean a different instant to each reader. */
const instant = z.iso.datetime({ offset: true }).transform((s) => new Date(s));
const calendarDay = z.iso.date().transform((day): CalendarDay => ({ day }));

export const termTime = z
  .union([instant, calendarDay], {
    error: 'An ISO 8601 instant with an offset (2026-12-07T09:00:00+01:00) or a calendar day (2026-12-07)',
  })
  .describe(TERM_TIME_DESCRIPTION);

export const isCalendarDay = (time: TermTime): time is CalendarDay => !(time instanceof Date);

/** The instant a term means: an instant as given; a day's first moment, or for an end the next day's. */
export function instantOf(time: TermTime, edge: TermEdge, timeZone: string): Date {
  if (!isCalendarDay(time)) return time;
  // startOf('day') lands on the day's first existing moment even where a DST change skips midnight.
  const start = DateTime.fromISO(time.day, { zone: timeZone }).startOf('day');
  return (edge === 'end' ? start.plus({ days: 1 }).startOf('day') : start).toJSDate();
}
