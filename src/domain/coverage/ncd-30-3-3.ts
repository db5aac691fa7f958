/**
 * Medicare NCD 30.3.3 — Acupuncture for chronic low back pain (cLBP).
 * Source: CMS National Coverage Determination 30.3.3, decision memo CAG-00452N, effective for services on or
 * after 21 January 2020 (clinical-facts §5 [V]).
 *
 * - Eligibility, all four: low back pain lasting 12 weeks or longer; nonspecific (no identifiable systemic
 *   cause); not associated with surgery; not associated with pregnancy. A condition not recorded is not met.
 * - Up to 12 visits in 90 days; 8 more only for patients demonstrating improvement; no more than 20 a year;
 *   discontinue when the patient is not improving or is regressing.
 * - Not specified by the NCD [U], so named settings (settings.ts): the year window (`ncdYearWindow`) and the
 *   anchor of the 90 days (`ncdInitialAnchor`).
 * - Assumptions (product reading, [U]): a visit outside the first 90 days, or past the 12th inside them, is
 *   one of the "additional" sessions; "documented improvement" is a dated improvement review on or before
 *   the visit whose outcome is `improving` and which is the latest review. A latest review of
 *   `not-improving` or `regressing` stops coverage until a later review documents improvement.
 * - Who may furnish the service (clinical-facts §5) is not checked here: the answer says so.
 */
import type { Issue } from '../issues';
import { addDays, daysBetween, isWithin } from './dates';
import type { DateWindow } from './benefit-rule';
import type { CoverageSettings } from './settings';

export const NCD_EFFECTIVE_DATE = '2020-01-21';
export const NCD_MIN_PAIN_WEEKS = 12;
export const NCD_INITIAL_VISITS = 12;
export const NCD_INITIAL_DAYS = 90;
export const NCD_ADDITIONAL_VISITS = 8;
export const NCD_ANNUAL_MAX = 20;

export type ImprovementOutcome = 'improving' | 'not-improving' | 'regressing';

export interface ImprovementReview {
  date: string;
  outcome: ImprovementOutcome;
  note: string | null;
  by: string;
}

export interface NcdFacts {
  painOnsetDate: string | null;
  nonspecific: boolean | null;
  associatedWithSurgery: boolean | null;
  associatedWithPregnancy: boolean | null;
  reviews: ImprovementReview[];
}

export interface NcdReason {
  code: string;
  met: boolean;
  message: string;
}

export interface NcdAnswer {
  covered: boolean;
  /** Which visit this would be: in the year window, and in the first 90-day window. */
  visitNumberInYear: number;
  yearWindow: DateWindow;
  initialWindow: DateWindow;
  phase: 'initial' | 'additional' | 'over-limit';
  reasons: NcdReason[];
  issues: Issue[];
  settings: Pick<CoverageSettings, 'id' | 'version' | 'ncdYearWindow' | 'ncdInitialAnchor'>;
}

function yearWindowFor(date: string, settings: CoverageSettings): DateWindow {
  return settings.ncdYearWindow === 'calendar-year'
    ? { start: `${date.slice(0, 4)}-01-01`, end: `${date.slice(0, 4)}-12-31` }
    : { start: addDays(date, -364), end: date };
}

/** The four conditions of the cLBP definition, each with whether it is met on `date`. */
export function ncdEligibility(facts: NcdFacts, date: string): NcdReason[] {
  const weeks = facts.painOnsetDate === null ? null : Math.floor(daysBetween(facts.painOnsetDate, date) / 7);
  return [
    {
      code: 'ncd.duration',
      met: weeks !== null && weeks >= NCD_MIN_PAIN_WEEKS,
      message:
        weeks === null ? 'How long the low back pain has lasted is not recorded (12 weeks or longer needed).' : `Low back pain has lasted ${weeks} weeks (12 or longer needed).`,
    },
    {
      code: 'ncd.nonspecific',
      met: facts.nonspecific === true,
      message: facts.nonspecific === null ? 'Whether the pain is nonspecific is not recorded.' : facts.nonspecific ? 'Nonspecific: no identifiable systemic cause.' : 'Not nonspecific: a systemic cause is identified.',
    },
    {
      code: 'ncd.not-surgical',
      met: facts.associatedWithSurgery === false,
      message: facts.associatedWithSurgery === null ? 'Whether the pain is associated with surgery is not recorded.' : facts.associatedWithSurgery ? 'Associated with surgery.' : 'Not associated with surgery.',
    },
    {
      code: 'ncd.not-pregnancy',
      met: facts.associatedWithPregnancy === false,
      message: facts.associatedWithPregnancy === null ? 'Whether the pain is associated with pregnancy is not recorded.' : facts.associatedWithPregnancy ? 'Associated with pregnancy.' : 'Not associated with pregnancy.',
    },
  ];
}

/** Is an acupuncture visit on `date` covered under NCD 30.3.3, given the earlier attended acupuncture visit dates? */
export function evaluateNcdVisit(facts: NcdFacts, attendedVisitDates: readonly string[], date: string, settings: CoverageSettings): NcdAnswer {
  const reasons: NcdReason[] = [];
  const issues: Issue[] = [];
  reasons.push({
    code: 'ncd.effective-date',
    met: date >= NCD_EFFECTIVE_DATE,
    message: date >= NCD_EFFECTIVE_DATE ? 'On or after 21 Jan 2020, when NCD 30.3.3 took effect.' : 'Before 21 Jan 2020, when NCD 30.3.3 took effect.',
  });
  reasons.push(...ncdEligibility(facts, date));

  const yearWindow = yearWindowFor(date, settings);
  const earlier = attendedVisitDates.filter((d) => d < date && isWithin(d, yearWindow.start, yearWindow.end)).sort();
  const visitNumberInYear = earlier.length + 1;
  const anchor = settings.ncdInitialAnchor === 'year-window-start' ? yearWindow.start : (earlier[0] ?? date);
  const initialWindow: DateWindow = { start: anchor, end: addDays(anchor, NCD_INITIAL_DAYS - 1) };
  const inInitial = earlier.filter((d) => isWithin(d, initialWindow.start, initialWindow.end)).length;

  let phase: NcdAnswer['phase'];
  if (visitNumberInYear > NCD_ANNUAL_MAX) phase = 'over-limit';
  else if (isWithin(date, initialWindow.start, initialWindow.end) && inInitial < NCD_INITIAL_VISITS) phase = 'initial';
  else phase = 'additional';
  const additionalUsed = earlier.length - inInitial;

  reasons.push({
    code: 'ncd.annual-limit',
    met: visitNumberInYear <= NCD_ANNUAL_MAX,
    message: `Visit ${visitNumberInYear} of at most ${NCD_ANNUAL_MAX} in the year ${yearWindow.start} to ${yearWindow.end} (${settings.ncdYearWindow}).`,
  });
  if (phase === 'initial') {
    reasons.push({
      code: 'ncd.initial-course',
      met: true,
      message: `Visit ${inInitial + 1} of ${NCD_INITIAL_VISITS} in the 90 days ${initialWindow.start} to ${initialWindow.end} (anchor: ${settings.ncdInitialAnchor}).`,
    });
  } else if (phase === 'additional') {
    reasons.push({
      code: 'ncd.additional-limit',
      met: additionalUsed < NCD_ADDITIONAL_VISITS,
      message: `Additional session ${additionalUsed + 1} of ${NCD_ADDITIONAL_VISITS} (after ${inInitial} in the first 90 days ${initialWindow.start} to ${initialWindow.end}).`,
    });
  }

  const latest = [...facts.reviews].filter((r) => r.date <= date).sort((a, b) => a.date.localeCompare(b.date)).pop();
  if (latest && latest.outcome !== 'improving') {
    reasons.push({ code: 'ncd.not-improving', met: false, message: `The review of ${latest.date} found the patient ${latest.outcome === 'regressing' ? 'regressing' : 'not improving'}: the NCD says to discontinue.` });
  } else if (phase === 'additional') {
    const documented = latest !== undefined && latest.date >= initialWindow.start;
    reasons.push({
      code: 'ncd.improvement-documented',
      met: documented,
      message: documented ? `Improvement documented on ${latest.date}.` : 'Additional sessions need documented improvement; no improvement review is recorded for this course.',
    });
  }

  const covered = reasons.every((r) => r.met);
  const remainingInitial = NCD_INITIAL_VISITS - inInitial - (phase === 'initial' ? 1 : 0);
  if (covered && phase === 'initial' && remainingInitial <= settings.warnAtRemainingVisits) {
    issues.push({
      code: 'ncd.initial-course-ending',
      message: `${remainingInitial} of the first ${NCD_INITIAL_VISITS} visits remain after this one; more need documented improvement.`,
      severity: 'warning',
    });
  }
  issues.push({ code: 'ncd.provider-not-checked', message: 'Whether the provider may furnish acupuncture under NCD 30.3.3 is not checked here.', severity: 'info' });
  const { id, version, ncdYearWindow, ncdInitialAnchor } = settings;
  return { covered, visitNumberInYear, yearWindow, initialWindow, phase, reasons, issues, settings: { id, version, ncdYearWindow, ncdInitialAnchor } };
}
