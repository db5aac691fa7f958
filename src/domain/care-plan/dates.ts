/**
 * Calendar helpers for care plans and progression (pure). Dates are `YYYY-MM-DD` text, read as UTC days.
 */
export { isCalendarDate } from '../patients/age';

const ZONED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** An ISO 8601 date-time with a zone and a real calendar date. */
export function isZonedDateTime(value: string): boolean {
  if (!ZONED.test(value)) return false;
  const d = value.slice(0, 10);
  const date = new Date(`${d}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === d && !Number.isNaN(Date.parse(value));
}

/** Whole days from a to b (b − a), both YYYY-MM-DD. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** date + n days, YYYY-MM-DD. */
export function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** The UTC calendar date of a moment. */
export function toDateString(asOf: Date): string {
  return asOf.toISOString().slice(0, 10);
}

/**
 * The first checkpoint on the schedule that is on or after `from` (firstDate, firstDate + interval, ...).
 */
export function nextCheckpointOnOrAfter(firstDate: string, intervalDays: number, from: string): string {
  if (from <= firstDate) return firstDate;
  const k = Math.ceil(daysBetween(firstDate, from) / intervalDays);
  return addDays(firstDate, k * intervalDays);
}
