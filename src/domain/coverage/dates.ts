/**
 * Calendar-date arithmetic on ISO dates (YYYY-MM-DD), in UTC so no local zone or daylight saving shifts a day.
 * Coverage rules count visits by calendar date; a visit's date is the date of its start in the clinic's records.
 */
const DAY_MS = 86_400_000;

export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

function toMs(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

export function addDays(date: string, days: number): string {
  return new Date(toMs(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toMs(to) - toMs(from)) / DAY_MS);
}

/** The calendar date (UTC) of an instant. */
export function dateOf(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

export function isWithin(date: string, start: string, end: string): boolean {
  return date >= start && date <= end;
}
