/**
 * Reads free-text directions ("1 tab po q6h prn pain") into the structured Dosage, and says what it was
 * unsure about.
 *
 * Source: issue "Medications and opioid safety" (parser) and the word tables in directions-lexicon.ts. The
 * structure mirrors FHIR Dosage as read by the public MME calculator (reference 1.5).
 *
 * Assumptions:
 * - The parser never guesses silently. Two different frequencies, doses or routes leave that field empty
 *   and raise an issue naming both; a missing frequency or dose raises an issue; words it did not use are
 *   returned in `unparsed` and reported. Equivalent statements ("q12h (twice daily)") are not a conflict.
 * - Ranges are kept as ranges: "1–2 tablets every 4–6 hours" is dose 1–2, period 4 to 6 hours. Which end
 *   to use is the calculator's business (MME uses the most that could be taken: top dose, shortest interval).
 * - Times of day without another frequency give the count a day ("qhs" = once a day at bedtime; "10:00 and
 *   22:00" = twice a day), as the public CQL counts timeOfDay entries (reference 1.5).
 * - "up to N times a day" is count 1 to N. A number with no unit ("1 po q6h") is read as one of the
 *   product's own units ('each') and reported. A patch is applied to the skin, so its route is read as
 *   transdermal and reported as inferred; no other route is inferred here.
 * - Sequential directions ("2 tablets now, then 1 every 6 hours") are not supported: reported.
 */
import type { Issue } from '../issues';
import {
  AS_NEEDED,
  DOSE_UNIT,
  FILLER_WORDS,
  FIXED_FREQUENCIES,
  MEAL_PHRASES,
  NUM,
  NUMBER_WORDS,
  PERIOD_UNIT,
  REASON,
  ROUTE_WORDS,
  TIME_OF_DAY_WORDS,
  doseUnitOf,
  periodUnitOf,
} from './directions-lexicon';
import type { Dosage, DoseQuantity, Frequency, MaxPerDay, Route, TimeOfDay } from './types';
import { describeFrequency, frequencyPerDay } from './frequency';

export interface ParsedDirections extends Dosage {
  text: string;
  /** "for pain" when the directions are not as-needed (an indication, not a timing). */
  reasonText?: string;
  /** Words the parser did not use. */
  unparsed: string[];
}

const warn = (code: string, message: string): Issue => ({ code, message, severity: 'warning', path: 'text' });
const info = (code: string, message: string): Issue => ({ code, message, severity: 'info', path: 'text' });

/** Holds the text still to be read; every match is blanked out so nothing is read twice. */
class Reader {
  constructor(public rest: string) {}

  take(re: RegExp): RegExpExecArray[] {
    const found = [...this.rest.matchAll(re)] as RegExpExecArray[];
    for (const m of found) {
      this.rest = this.rest.slice(0, m.index) + ' '.repeat(m[0].length) + this.rest.slice(m.index + m[0].length);
    }
    return found;
  }
}

/** A phrase as the reader saw it, with "q6 h" shown as written ("q6h"). */
function shown(phrase: string): string {
  return phrase.trim().replace(/(\d) (?=(?:h|hr|hrs|d|wk|min)\b)/g, '$1');
}

function num(text: string): number {
  if (text.includes('/')) {
    const [a, b] = text.split('/').map(Number) as [number, number];
    return a / b;
  }
  return Number(text);
}

function normalise(text: string): string {
  let s = ` ${text.toLowerCase()} `;
  s = s.replace(/[\u2013\u2014\u2212]/g, '-').replace(/[µμ]g/g, 'mcg');
  s = s.replace(/½/g, ' 0.5 ').replace(/¼/g, ' 0.25 ').replace(/¾/g, ' 0.75 ');
  s = s.replace(/\b(?:[a-z]\.){2,}/g, (m) => m.replace(/\./g, ''));
  s = s.replace(/\bq\.\s*/g, 'q');
  s = s.replace(/\.(?!\d)|(?<!\d)\./g, ' ');
  s = s.replace(/[,;()[\]]/g, ' ');
  s = s.replace(/\b(?:one[- ]half|a half|half an?|half)\b/g, ' 0.5 ');
  s = s.replace(/\b[a-z]+(?:-[a-z]+)?\b/g, (w) => NUMBER_WORDS[w] ?? w);
  s = s.replace(/(\d)(?=[a-z])(?!x\b)/g, '$1 ');
  return s.replace(/\s+/g, ' ');
}

interface FrequencyCandidate {
  phrase: string;
  frequency: Frequency;
}

function readFrequencies(reader: Reader, issues: Issue[]): FrequencyCandidate[] {
  const found: FrequencyCandidate[] = [];
  const countPerPeriod = new RegExp(
    String.raw`\b(up to\s+)?(?:(${NUM})(?:\s*(?:-|to|or)\s*(${NUM}))?\s*(?:x|times?)|(once|twice|thrice))\s*(?:a|per|each|every|\/|in a)?\s*(day|daily|d|week|weekly|wk|month|monthly)\b`,
    'g',
  );
  for (const m of reader.take(countPerPeriod)) {
    const word = m[4];
    const low = word === 'once' ? 1 : word === 'twice' ? 2 : word === 'thrice' ? 3 : num(m[2] ?? '1');
    const high = m[3] !== undefined ? num(m[3]) : low;
    const unitWord = m[5] ?? 'd';
    const unit = /^(day|daily|d)$/.test(unitWord) ? 'd' : /^(week|weekly|wk)$/.test(unitWord) ? 'wk' : 'mo';
    const upTo = m[1] !== undefined;
    const frequency: Frequency = { count: upTo ? 1 : low, period: 1, periodUnit: unit };
    if (upTo ? high > 1 : high > low) frequency.countMax = high;
    found.push({ phrase: shown(m[0]), frequency });
  }
  const interval = new RegExp(
    String.raw`\b(?:q|every|each)\s*(${NUM})\s*(${PERIOD_UNIT})?(?:\s*(?:-|to|or)\s*(?:q\s*)?(${NUM}))?\s*(${PERIOD_UNIT})\b`,
    'g',
  );
  for (const m of reader.take(interval)) {
    const first = num(m[1] ?? '');
    const second = m[3] !== undefined ? num(m[3]) : undefined;
    const unit = periodUnitOf(m[4] ?? 'h');
    if (m[2] !== undefined && m[3] === undefined) {
      // "q4h 6h": the first unit was read but no range followed; treat as two statements.
      found.push({ phrase: shown(m[0]), frequency: { count: 1, period: first, periodUnit: periodUnitOf(m[2]) } });
      continue;
    }
    const frequency: Frequency = { count: 1, period: Math.min(first, second ?? first), periodUnit: unit };
    if (second !== undefined && second !== first) frequency.periodMax = Math.max(first, second);
    found.push({ phrase: shown(m[0]), frequency });
  }
  for (const fixed of FIXED_FREQUENCIES) {
    for (const m of reader.take(fixed.re)) {
      found.push({ phrase: shown(m[0]), frequency: { count: fixed.count, period: fixed.period, periodUnit: fixed.unit } });
      if (fixed.errorProne !== undefined) {
        issues.push(
          warn('sig.error-prone-abbreviation', `"${fixed.errorProne}" is easily misread (for example as "qid"); it was read as ${describeFrequency({ count: fixed.count, period: fixed.period, periodUnit: fixed.unit })}. Please confirm.`),
        );
      }
    }
  }
  return found;
}

function sameFrequency(a: Frequency, b: Frequency): boolean {
  const pa = frequencyPerDay(a);
  const pb = frequencyPerDay(b);
  return Math.abs(pa.max - pb.max) < 1e-9 && Math.abs(pa.min - pb.min) < 1e-9;
}

function readDoses(reader: Reader): Array<{ phrase: string; dose: DoseQuantity }> {
  const re = new RegExp(String.raw`\b(${NUM})(?:\s*(?:-|to|or)\s*(${NUM}))?\s*(${DOSE_UNIT})\b`, 'g');
  return reader.take(re).map((m) => {
    const low = num(m[1] ?? '');
    const high = m[2] !== undefined ? num(m[2]) : low;
    return { phrase: m[0].trim(), dose: { low: Math.min(low, high), high: Math.max(low, high), unit: doseUnitOf(m[3] ?? '') } };
  });
}

function readMaxPerDay(reader: Reader): MaxPerDay | undefined {
  const re = new RegExp(
    String.raw`\b(?:max(?:imum)?(?: daily dose)?(?: of)?|not to exceed|do not exceed|no more than|not more than|nte|up to)\s+(${NUM})\s*(${DOSE_UNIT}|doses?)?\s*(?:per|\/|a|in|each|every)\s*(?:1\s*)?(?:day|24\s*(?:hours?|hrs?|h)|d)\b`,
    'g',
  );
  const m = reader.take(re)[0];
  if (m === undefined) return undefined;
  const unitWord = m[2];
  const unit = unitWord === undefined || /^doses?$/.test(unitWord) ? 'dose' : doseUnitOf(unitWord);
  return { amount: num(m[1] ?? ''), unit };
}

export function parseDirections(text: string): { directions: ParsedDirections; issues: Issue[] } {
  const issues: Issue[] = [];
  const directions: ParsedDirections = { text, asNeeded: false, unparsed: [] };
  if (text.trim() === '') {
    issues.push(warn('sig.empty', 'There are no directions to read.'));
    return { directions, issues };
  }
  const reader = new Reader(normalise(text));

  const clock = reader.take(/\b([01]?\d|2[0-3]):([0-5]\d)\b/g).map((m) => `${(m[1] ?? '').padStart(2, '0')}:${m[2] ?? ''}`);
  reader.rest = reader.rest.replace(/:/g, ' ');
  if (reader.take(/\bthen\b/g).length > 0) {
    issues.push(warn('sig.sequential-instructions', 'The directions change part-way ("then"); only one dose and frequency can be stored. Enter each step as its own order.'));
  }
  if (reader.take(/\b(?:as directed|as instructed|ud)\b/g).length > 0) {
    issues.push(warn('sig.as-directed', '"As directed" does not say how much or how often; the dose and frequency need to be written out.'));
  }
  const maxPerDay = readMaxPerDay(reader);
  if (maxPerDay !== undefined) directions.maxPerDay = maxPerDay;

  const duration = reader.take(new RegExp(String.raw`\b(?:for|x)\s*(${NUM})\s*(days?|d|weeks?|wks?)\b`, 'g'))[0];
  if (duration !== undefined) directions.durationDays = num(duration[1] ?? '') * (/^w/.test(duration[2] ?? '') ? 7 : 1);

  const prn = reader.take(new RegExp(String.raw`\b(?:${AS_NEEDED})\b(?:\s+(?:for\s+)?(${REASON}))?`, 'g'));
  const reasonBefore = reader.take(new RegExp(String.raw`\bfor\s+(${REASON})\b`, 'g'));
  const reason = prn.find((m) => m[1] !== undefined)?.[1] ?? reasonBefore[0]?.[1];
  if (prn.length > 0) {
    directions.asNeeded = true;
    if (reason !== undefined) directions.asNeededFor = reason;
  } else if (reason !== undefined) {
    directions.reasonText = reason;
  }

  const candidates = readFrequencies(reader, issues);
  const times = new Set<TimeOfDay>();
  for (const [re, time] of TIME_OF_DAY_WORDS) if (reader.take(re).length > 0) times.add(time);
  const timesOfDay = [...times, ...clock];
  if (timesOfDay.length > 0) directions.timesOfDay = timesOfDay;
  const first = candidates[0];
  if (first !== undefined && candidates.every((c) => sameFrequency(c.frequency, first.frequency))) {
    directions.frequency = first.frequency;
    const perDay = frequencyPerDay(first.frequency);
    if (timesOfDay.length > 1 && first.frequency.periodUnit === 'd' && perDay.max !== timesOfDay.length) {
      delete directions.frequency;
      issues.push(warn('sig.ambiguous-frequency', `"${first.phrase}" and ${timesOfDay.length} times of day (${timesOfDay.join(', ')}) disagree; the frequency was left empty.`));
    }
  } else if (candidates.length > 1) {
    const phrases = candidates.map((c) => `"${c.phrase}"`).join(' and ');
    issues.push(warn('sig.ambiguous-frequency', `The directions give more than one frequency (${phrases}); the frequency was left empty.`));
  } else if (timesOfDay.length > 0) {
    directions.frequency = { count: timesOfDay.length, period: 1, periodUnit: 'd' };
  } else {
    issues.push(warn('sig.frequency-missing', 'The directions do not say how often; nothing was assumed.'));
  }

  const routes = new Set<Route | 'topical'>();
  for (const [re, route] of ROUTE_WORDS) if (reader.take(re).length > 0) routes.add(route);
  reader.take(MEAL_PHRASES);

  const doses = readDoses(reader);
  const byKind = (mass: boolean): typeof doses => doses.filter((d) => (d.dose.unit === 'mg' || d.dose.unit === 'mcg') === mass);
  const formDoses = byKind(false);
  const massDoses = byKind(true);
  const distinct = (list: typeof doses): typeof doses =>
    list.filter((d, i) => list.findIndex((e) => e.dose.low === d.dose.low && e.dose.high === d.dose.high && e.dose.unit === d.dose.unit) === i);
  if (distinct(formDoses).length > 1 || distinct(massDoses).length > 1) {
    issues.push(warn('sig.ambiguous-dose', `The directions give more than one dose (${doses.map((d) => `"${d.phrase}"`).join(' and ')}); the dose was left empty.`));
  } else if (formDoses[0] !== undefined) {
    directions.dose = formDoses[0].dose;
    if (massDoses[0] !== undefined) {
      issues.push(info('sig.dose-stated-twice', `The dose is given as "${formDoses[0].phrase}" and as "${massDoses[0].phrase}"; "${formDoses[0].phrase}" was stored.`));
    }
  } else if (massDoses[0] !== undefined) {
    directions.dose = massDoses[0].dose;
  } else {
    const bare = reader.take(new RegExp(String.raw`\b(${NUM})(?:\s*(?:-|to)\s*(${NUM}))?\b`, 'g'));
    const only = bare[0];
    if (bare.length === 1 && only !== undefined) {
      const low = num(only[1] ?? '');
      const high = only[2] !== undefined ? num(only[2]) : low;
      directions.dose = { low: Math.min(low, high), high: Math.max(low, high), unit: 'each' };
      issues.push(warn('sig.dose-unit-missing', `"${only[0].trim()}" has no unit; it was read as ${only[0].trim()} of the product's own units (tablet, capsule...). Please confirm.`));
    } else {
      directions.unparsed.push(...bare.map((m) => m[0].trim()));
      issues.push(warn('sig.dose-missing', 'The directions do not say how much to take; nothing was assumed.'));
    }
  }

  if (routes.has('topical')) {
    routes.delete('topical');
    routes.add(directions.dose?.unit === 'patch' ? 'transdermal' : 'other');
  }
  if (routes.size > 1) {
    issues.push(warn('sig.ambiguous-route', `The directions name more than one route (${[...routes].join(', ')}); the route was left empty.`));
  } else if (routes.size === 1) {
    directions.route = [...routes][0] as Route;
  } else if (directions.dose?.unit === 'patch') {
    directions.route = 'transdermal';
    issues.push(info('sig.route-inferred', 'No route was written; a patch is applied to the skin, so the route was read as transdermal.'));
  }

  const left = reader.rest.split(/[\s/-]+/).filter((w) => w !== '' && !FILLER_WORDS.has(w));
  directions.unparsed.push(...left);
  if (left.length > 0) {
    issues.push(warn('sig.unrecognised-text', `Some words were not understood and were not used: ${left.map((w) => `"${w}"`).join(', ')}.`));
  }
  return { directions, issues };
}
