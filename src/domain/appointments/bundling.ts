/**
 * Same-day bundling suggestions: a patient's in-person visits on nearby days that could move to one day to
 * save a journey. Source: issue 4 ("the coordinator can propose same-day bundling to cut travel") and seed
 * 000/002 (the "pinball" of separate trips). A suggestion only: nothing is moved.
 *
 * Assumptions (product choices [U], setting `bundlingWindowDays`, default 3):
 * - Only booked, in-person visits in the future count (telehealth needs no journey).
 * - Visits whose dates are at most `bundlingWindowDays` apart form a group (chained: each next visit within
 *   the window of the previous one); a group spanning two or more days is a suggestion.
 * - The suggested day is the day that already has the most visits (the earliest on a tie), so the fewest
 *   visits move. Journeys saved = distinct days − 1.
 */
export const DEFAULT_BUNDLING_WINDOW_DAYS = 3;

/** The bundling setting as named in a suggestion. */
export interface BundlingSettings {
  id: 'bundling-settings';
  version: 1;
  bundlingWindowDays: number;
}

export interface BundlingVisit {
  id: string;
  date: string;
  telehealth: boolean;
  status: string;
  label: string;
}

export interface BundlingSuggestion {
  targetDate: string;
  moveIds: string[];
  keepIds: string[];
  journeysSaved: number;
  message: string;
  settings: BundlingSettings;
}

const dayNumber = (date: string): number => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

export function suggestBundles(visits: readonly BundlingVisit[], asOfDate: string, windowDays: number = DEFAULT_BUNDLING_WINDOW_DAYS): BundlingSuggestion[] {
  const eligible = visits.filter((v) => v.status === 'booked' && !v.telehealth && v.date > asOfDate).sort((a, b) => a.date.localeCompare(b.date));
  const groups: BundlingVisit[][] = [];
  for (const v of eligible) {
    const last = groups[groups.length - 1];
    const prev = last?.[last.length - 1];
    if (last && prev && dayNumber(v.date) - dayNumber(prev.date) <= windowDays) last.push(v);
    else groups.push([v]);
  }
  const out: BundlingSuggestion[] = [];
  for (const group of groups) {
    const days = [...new Set(group.map((v) => v.date))];
    if (days.length < 2) continue;
    const target = days.reduce((best, d) => (group.filter((v) => v.date === d).length > group.filter((v) => v.date === best).length ? d : best), days[0] as string);
    const move = group.filter((v) => v.date !== target);
    const keep = group.filter((v) => v.date === target);
    out.push({
      targetDate: target,
      moveIds: move.map((v) => v.id),
      keepIds: keep.map((v) => v.id),
      journeysSaved: days.length - 1,
      message: `Consider moving ${move.map((v) => `${v.label} (${v.date})`).join(', ')} to ${target}, with ${keep.map((v) => v.label).join(', ')}: ${days.length - 1} fewer journey${days.length - 1 === 1 ? '' : 's'}. Ask the patient first.`,
      settings: { id: 'bundling-settings', version: 1, bundlingWindowDays: windowDays },
    });
  }
  return out;
}
