/**
 * Calendar-date arithmetic for the opioid rules. Source: calendar arithmetic only.
 *
 * Assumptions:
 * - Dates are `YYYY-MM-DD` and read as UTC days; `asOf` (a Date) is reduced to its UTC calendar day.
 * - "N months after" is the same day N calendar months later, clamped to the month's last day
 *   (31 January + 1 month = 28 or 29 February), the way people count follow-up months.
 */
const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isCalendarDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (m === null) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Days since 1970-01-01 for a YYYY-MM-DD date; throws on a malformed date (a programmer error here). */
export function dayNumber(value: string): number {
  if (!isCalendarDate(value)) throw new Error(`dayNumber: not a YYYY-MM-DD calendar date: ${value}`);
  return Math.floor(Date.parse(`${value}T00:00:00Z`) / DAY_MS);
}

export function fromDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function asOfDate(asOf: Date): string {
  if (Number.isNaN(asOf.getTime())) throw new Error('asOf is not a valid Date');
  return asOf.toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return fromDayNumber(dayNumber(date) + days);
}

export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

export function minDate(a: string, b: string): string {
  return a <= b ? a : b;
}
