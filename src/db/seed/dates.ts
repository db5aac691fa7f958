/**
 * Date helpers for seed data. Every date is derived from the caller's `asOf`, so ages and "overdue" items
 * stay the same whenever the seed runs.
 */
const DAY_MS = 86_400_000;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** `asOf` plus a whole number of days (negative for the past). */
export function addDays(asOf: Date, days: number): Date {
  return new Date(asOf.getTime() + days * DAY_MS);
}

/**
 * A birth date (YYYY-MM-DD) for a person who is exactly `ageYears` old on `asOf` (UTC) and whose last
 * birthday was `daysSinceBirthday` days earlier (0..364). A 29 February that does not exist in the birth
 * year becomes 28 February, which keeps the age right.
 */
export function birthDateForAge(asOf: Date, ageYears: number, daysSinceBirthday: number): string {
  if (!Number.isInteger(ageYears) || ageYears < 0) throw new Error(`ageYears must be a whole number ≥ 0, got ${ageYears}`);
  if (!Number.isInteger(daysSinceBirthday) || daysSinceBirthday < 0 || daysSinceBirthday > 364) {
    throw new Error(`daysSinceBirthday must be 0..364, got ${daysSinceBirthday}`);
  }
  const lastBirthday = addDays(asOf, -daysSinceBirthday);
  const year = lastBirthday.getUTCFullYear() - ageYears;
  const month = lastBirthday.getUTCMonth() + 1;
  let day = lastBirthday.getUTCDate();
  if (month === 2 && day === 29 && !isLeapYear(year)) day = 28;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
