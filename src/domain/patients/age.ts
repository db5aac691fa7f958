/**
 * Age in whole years on a given date. Source: calendar arithmetic; a person born on 29 February turns a
 * year older on 1 March in non-leap years (the common legal convention in the US and UK).
 */
export function ageOn(birthDate: string, asOf: Date): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate);
  if (!m) throw new Error(`ageOn: birthDate must be YYYY-MM-DD, got ${birthDate}`);
  const by = Number(m[1]);
  const bm = Number(m[2]);
  const bd = Number(m[3]);
  const y = asOf.getUTCFullYear();
  const mo = asOf.getUTCMonth() + 1;
  const d = asOf.getUTCDate();
  let age = y - by;
  if (mo < bm || (mo === bm && d < bd)) age -= 1;
  return age;
}

/** Whether a YYYY-MM-DD string names a real calendar date. */
export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.getUTCFullYear() === Number(m[1]) && date.getUTCMonth() === Number(m[2]) - 1 && date.getUTCDate() === Number(m[3]);
}
