/**
 * Word tables for reading free-text directions (sigs). Source: common US prescription abbreviations
 * (po, prn, q6h, bid, tid, qid, qhs, qam, qod ...) and plain-English phrasings; no clinical figures.
 *
 * Assumptions:
 * - "qd" and "qod" are read (once a day, every other day) but always reported, because they are easily
 *   misread as "qid" (our choice, after the common "do not use" abbreviation lists; not in the reference).
 * - "od" (once daily in the UK, "right eye" elsewhere) is not read at all: it is reported as not understood.
 * - Topical is not the same as transdermal: "apply topically" is read as transdermal only for a patch.
 */
import type { FormUnit, MassUnit, PeriodUnit, Route, TimeOfDay } from './types';

/** A number: 2, 2.5, 1/2 (number words are turned into digits first). */
export const NUM = String.raw`\d+\/\d+|\d+(?:\.\d+)?`;

export const NUMBER_WORDS: Readonly<Record<string, string>> = {
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
  ten: '10',
  eleven: '11',
  twelve: '12',
  seventy: '70',
  'seventy-two': '72',
  'twenty-four': '24',
};

/** Dose units as written → our unit. */
export const DOSE_UNIT_WORDS: ReadonlyArray<[RegExp, FormUnit | MassUnit]> = [
  [/^(tabs?|tablets?|tbs?)$/, 'tablet'],
  [/^(caps?|capsules?)$/, 'capsule'],
  [/^(ml|mls|milliliters?|millilitres?|cc)$/, 'mL'],
  [/^(mg|mgs|milligrams?)$/, 'mg'],
  [/^(mcg|micrograms?|ug)$/, 'mcg'],
  [/^(patch|patches)$/, 'patch'],
  [/^(films?|strips?)$/, 'film'],
  [/^(sprays?|puffs?|actuations?|squirts?)$/, 'actuation'],
  [/^(lozenges?|troches?)$/, 'lozenge'],
  [/^(suppositor(y|ies)|supp)$/, 'suppository'],
];
export const DOSE_UNIT = String.raw`tabs?|tablets?|tbs?|caps?|capsules?|mls?|milliliters?|millilitres?|cc|mgs?|milligrams?|mcg|micrograms?|ug|patch(?:es)?|films?|strips?|sprays?|puffs?|actuations?|squirts?|lozenges?|troches?|suppositor(?:y|ies)|supp`;

export function doseUnitOf(word: string): FormUnit | MassUnit {
  const found = DOSE_UNIT_WORDS.find(([re]) => re.test(word));
  if (found === undefined) throw new Error(`doseUnitOf: not a dose unit: ${word}`);
  return found[1];
}

export const PERIOD_UNIT = String.raw`hours?|hrs?|h|minutes?|mins?|days?|d|weeks?|wks?|wk|months?|mo`;

export function periodUnitOf(word: string): PeriodUnit {
  if (/^(hours?|hrs?|h)$/.test(word)) return 'h';
  if (/^(minutes?|mins?)$/.test(word)) return 'min';
  if (/^(days?|d)$/.test(word)) return 'd';
  if (/^(weeks?|wks?)$/.test(word)) return 'wk';
  if (/^(months?|mo)$/.test(word)) return 'mo';
  throw new Error(`periodUnitOf: not a period unit: ${word}`);
}

/** Fixed frequency words: [pattern, count, period, unit, note-worthy abbreviation]. */
export const FIXED_FREQUENCIES: ReadonlyArray<{ re: RegExp; count: number; period: number; unit: PeriodUnit; errorProne?: string }> = [
  { re: /\b(?:every other day|every second day|on alternate days|alternate days)\b/g, count: 1, period: 2, unit: 'd' },
  { re: /\bqod\b/g, count: 1, period: 2, unit: 'd', errorProne: 'qod' },
  { re: /\bqd\b/g, count: 1, period: 1, unit: 'd', errorProne: 'qd' },
  { re: /\b(?:q ?day|daily|every day|each day|per day|a day|once a day|once daily|once per day)\b/g, count: 1, period: 1, unit: 'd' },
  { re: /\bbid\b/g, count: 2, period: 1, unit: 'd' },
  { re: /\btid\b/g, count: 3, period: 1, unit: 'd' },
  { re: /\bqid\b/g, count: 4, period: 1, unit: 'd' },
  { re: /\b(?:weekly|every week|once a week|once weekly)\b/g, count: 1, period: 1, unit: 'wk' },
  { re: /\bevery hour\b/g, count: 1, period: 1, unit: 'h' },
];

/** Times of day; without another frequency each distinct one is a dose a day. */
export const TIME_OF_DAY_WORDS: ReadonlyArray<[RegExp, TimeOfDay]> = [
  [/\b(?:qam|every morning|in the morning|each morning|in am|am)\b/g, 'morning'],
  [/\b(?:at noon|midday|at lunch)\b/g, 'noon'],
  [/\b(?:qpm|every evening|in the evening|each evening|in pm|pm)\b/g, 'evening'],
  [/\b(?:qhs|hs|at bedtime|before bed|before bedtime|at night|every night|nightly|each night)\b/g, 'bedtime'],
];

export const ROUTE_WORDS: ReadonlyArray<[RegExp, Route | 'topical']> = [
  [/\b(?:po|by mouth|orally|oral|per os|swallow)\b/g, 'oral'],
  [/\b(?:sl|sublingual(?:ly)?|under (?:the )?tongue)\b/g, 'sublingual'],
  [/\b(?:buccal(?:ly)?|(?:between|inside) (?:the )?cheek(?: and gum)?)\b/g, 'buccal'],
  [/\b(?:pr|rectal(?:ly)?|per rectum|into (?:the )?rectum)\b/g, 'rectal'],
  [/\b(?:transdermal(?:ly)?|to (?:the )?skin|on (?:the )?skin)\b/g, 'transdermal'],
  [/\b(?:topical(?:ly)?)\b/g, 'topical'],
  [/\b(?:intranasal(?:ly)?|nasal(?:ly)?|in(?:to)? (?:each|one|the|1|either) nostril|per nostril)\b/g, 'nasal'],
  [/\b(?:im|intramuscular(?:ly)?)\b/g, 'intramuscular'],
  [/\b(?:iv|intravenous(?:ly)?)\b/g, 'intravenous'],
  [/\b(?:sc|sq|subq|subcut|subcutaneous(?:ly)?)\b/g, 'subcutaneous'],
];

export const AS_NEEDED = String.raw`prn|as needed|if needed|when needed|as required|when required|as necessary|if necessary`;
export const REASON = String.raw`(?:(?:severe|moderate|mild|breakthrough|acute|chronic|muscle|nerve|back|neck)\s+)?(?:pain|sleep|insomnia|anxiety|spasms?|cough|nausea|agitation)`;

/** Words that carry no instruction of their own once the rest has been read. */
export const FILLER_WORDS = new Set([
  'take', 'takes', 'give', 'apply', 'place', 'chew', 'dissolve', 'inhale', 'use', 'insert', 'spray', 'change',
  'remove', 'replace', 'and', 'a', 'an', 'the', 'of', 'to', 'by', 'with', 'on', 'in', 'at', 'per', 'as', 'for',
  'dose', 'doses', 'tablet', 'tablets', 'tab', 'tabs', 'capsule', 'capsules', 'cap', 'caps', 'patch', 'patches',
  'film', 'films', 'each', 'time', 'times', 'x', 'please', 'then', 'or', 'up',
]);

/** Meal and water phrases: read and dropped (they do not change the daily amount). */
export const MEAL_PHRASES = /\b(?:with (?:food|meals?|a meal|water|a full glass of water|milk)|after (?:food|meals?)|before (?:meals?|food)|on an empty stomach|whole|do not crush(?: or chew)?)\b/g;
