/**
 * Dates, ages, names and languages written the way the person's browser locale writes them.
 * Birth dates are calendar dates (YYYY-MM-DD) and are never shifted by time zone.
 */
import { ROLE_LABELS, isRole } from '../domain/access/roles';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

function parseCalendarDate(value: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (m === null) return null;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

/** A calendar date such as a birth date: "4 Mar 1961" or "Mar 4, 1961", depending on the locale. */
export function formatDate(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const d = parseCalendarDate(value);
  return d === null ? value : dateFormat.format(d);
}

/** Every calendar date (YYYY-MM-DD) inside a sentence written as formatDate writes it, e.g. in a reason from the server. */
export function formatDatesInText(text: string): string {
  return text.replace(/\b\d{4}-\d{2}-\d{2}\b/g, (date) => formatDate(date));
}

/** An instant (ISO timestamp) in the person's time zone. */
export function formatDateTime(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : dateTimeFormat.format(d);
}

/** Only the time when the instant is today, otherwise date and time. */
export function formatWhen(value: string, now: Date = new Date()): string {
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  return d.toDateString() === now.toDateString() ? `today at ${timeFormat.format(d)}` : dateTimeFormat.format(d);
}

export function formatAge(age: number | null | undefined): string {
  if (age === null || age === undefined) return '';
  return age === 1 ? '1 year old' : `${age} years old`;
}

export function formatBirthDateWithAge(birthDate: string, age: number): string {
  return `${formatDate(birthDate)} (${age})`;
}

const languageNames = (() => {
  try {
    return new Intl.DisplayNames(undefined, { type: 'language' });
  } catch {
    return null;
  }
})();

/** "es" → "Spanish" in the reader's language; unknown codes come back unchanged. */
export function formatLanguage(code: string | null | undefined): string {
  if (code === null || code === undefined || code === '') return '';
  try {
    return languageNames?.of(code) ?? code;
  } catch {
    return code;
  }
}

interface NameParts {
  givenName: string;
  familyName: string;
  preferredName: string | null;
}

/** The name a person goes by: preferred name when they have one, then family name. */
export function displayName(p: NameParts): string {
  const first = p.preferredName !== null && p.preferredName.trim() !== '' ? p.preferredName : p.givenName;
  return `${first} ${p.familyName}`;
}

/** The legal name, shown beside the preferred one only when they differ. */
export function legalNameIfDifferent(p: NameParts): string | null {
  if (p.preferredName === null || p.preferredName.trim() === '' || p.preferredName === p.givenName) return null;
  return `${p.givenName} ${p.familyName}`;
}

/** A due date picked in `<input type="date">` means 5 pm (end of the working day) local time, as ISO. */
export function dueAtFromDate(date: string): string {
  const d = parseCalendarDate(date);
  if (d === null) return date;
  d.setHours(17, 0, 0, 0);
  return d.toISOString();
}

/** "in_progress" → "In progress", "follow-up" → "Follow-up", "ApiToken" → "Api token". */
export function humanize(value: string): string {
  const s = value
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .toLowerCase();
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** "care_coordinator" → "Care coordinator"; roles we do not know are shown as sent. */
export function roleLabel(role: string): string {
  return isRole(role) ? ROLE_LABELS[role] : humanize(role);
}
