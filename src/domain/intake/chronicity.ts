/**
 * Pain duration category from the onset date.
 * Source: CDC 2022 (Dowell D et al. MMWR Recomm Rep 2022;71(RR-3)); reference/clinical-facts.md 1.1 and 10
 * [V]: acute < 1 month, subacute 1–3 months, chronic > 3 months. Not the CMS acupuncture boundary
 * (≥ 12 weeks) nor the CDS "< 28 days supply" rule (reference 10): those answer other questions.
 * Assumptions:
 * - Calendar months from onset, on UTC dates: onset + 1 month is the same day-of-month a month later,
 *   or that month's last day when it is shorter (31 January + 1 month = 28 or 29 February).
 * - Boundaries: before onset + 1 month → acute; from onset + 1 month up to and including onset + 3 months
 *   → subacute (exactly 1 month and exactly 3 months are subacute); after onset + 3 months → chronic.
 * - A month-only onset (YYYY-MM) is read as the first day of that month, and the result says so.
 * - `months` = whole calendar months completed since onset.
 * - Returns null for a malformed or unreal date, or an onset after asOf.
 */
const SOURCE = 'CDC 2022: acute < 1 month, subacute 1–3 months, chronic > 3 months';

export type Chronicity = 'acute' | 'subacute' | 'chronic';

export interface ChronicityResult {
  category: Chronicity;
  months: number;
  source: string;
  /** Set when the onset was not a full date, e.g. 'Onset given as 2026-01; the first day of the month was used.' */
  note: string | null;
}

interface Ymd {
  y: number;
  m: number; // 1–12
  d: number;
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function parseOnset(onset: string): { date: Ymd; monthOnly: boolean } | null {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(onset);
  if (!match) return null;
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = match[3] === undefined ? 1 : Number(match[3]);
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return { date: { y, m, d }, monthOnly: match[3] === undefined };
}

function addMonths(date: Ymd, months: number): Ymd {
  const index = date.y * 12 + (date.m - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return { y, m, d: Math.min(date.d, daysInMonth(y, m)) };
}

function compare(a: Ymd, b: Ymd): number {
  return a.y - b.y || a.m - b.m || a.d - b.d;
}

/** Acute, subacute or chronic on `asOf` (its UTC date), from an onset written YYYY-MM or YYYY-MM-DD. */
export function classifyChronicity(onset: string, asOf: Date): ChronicityResult | null {
  const parsed = parseOnset(onset);
  if (parsed === null) return null;
  const start = parsed.date;
  const today: Ymd = { y: asOf.getUTCFullYear(), m: asOf.getUTCMonth() + 1, d: asOf.getUTCDate() };
  if (compare(today, start) < 0) return null;
  let months = (today.y - start.y) * 12 + (today.m - start.m);
  if (compare(addMonths(start, months), today) > 0) months -= 1;
  const category: Chronicity =
    compare(today, addMonths(start, 1)) < 0 ? 'acute' : compare(today, addMonths(start, 3)) <= 0 ? 'subacute' : 'chronic';
  const note = parsed.monthOnly ? `Onset given as ${onset}; the first day of the month was used.` : null;
  return { category, months, source: SOURCE, note };
}
