const DAY_MS = 24 * 60 * 60 * 1000;

/** Where a license stands at `now`: the API's own rule (start inclusive, end exclusive, `expiring` within 30 days). */
export { inForce, licenseState as licenseStateAt } from '../../../../core/vocabulary/license-state';

/**
 * Calendar days from today to the last day of use (the day before an end at midnight): 0 when
 * today is the last day, 1 when it is tomorrow, negative once ended. Counted on local dates,
 * so "in 12 days" means what a calendar on the wall says.
 */
export function daysLeft(endsAtIso: string, now: Date): number {
  const lastInstant = new Date(Date.parse(endsAtIso) - 1);
  const startOfDay = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
  return Math.round((startOfDay(lastInstant) - startOfDay(now)) / DAY_MS);
}

/**
 * The editor asks for the last day a license may be used; the API stores the exclusive end,
 * the next midnight (local time). These convert between the two.
 */
export function endFromLastDay(lastDay: string): string {
  const [y, m, d] = lastDay.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + 1).toISOString();
}

/** The last day of use for an exclusive end: the day before when it ends at midnight, else its own day. */
export function lastDayOfEnd(endsAtIso: string): string {
  const end = new Date(endsAtIso);
  const atMidnight = end.getHours() === 0 && end.getMinutes() === 0 && end.getSeconds() === 0 && end.getMilliseconds() === 0;
  return localDate(atMidnight ? new Date(end.getTime() - 1) : end);
}

export function startFromDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d).toISOString();
}

/** YYYY-MM-DD of an instant in local time, as <input type="date"> wants it. */
export function localDate(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** True when the license's end is a midnight: then "last day" describes it exactly. */
export const endsAtMidnight = (endsAtIso: string): boolean => {
  const end = new Date(endsAtIso);
  return end.getHours() === 0 && end.getMinutes() === 0 && end.getSeconds() === 0 && end.getMilliseconds() === 0;
};
