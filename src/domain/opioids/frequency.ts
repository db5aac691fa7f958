/**
 * Doses per day from a frequency, and frequencies in words.
 *
 * Source: reference 1.5 (OMTK `ToDaily`): h → f×24/p; min → f×1440/p; d → f/p; wk → f/(7p); mo → f/(30p)
 * (a 30-day month) [V].
 *
 * Assumptions: the most doses a day uses the top count and the SHORTEST interval ("q4–6h" → every 4 hours,
 * 6 a day), as the issue asks. This differs from the public CQL, which uses frequencyMax but ignores
 * periodMax; both read q4–6h as q4h. The fewest doses a day uses the bottom count and the longest interval.
 */
import type { Frequency, PeriodUnit } from './types';

const DAYS_PER_UNIT: Readonly<Record<PeriodUnit, number>> = { min: 1 / 1440, h: 1 / 24, d: 1, wk: 7, mo: 30 };

export function frequencyPerDay(frequency: Frequency): { min: number; max: number } {
  const { count, countMax, period, periodMax, periodUnit } = frequency;
  if (!(period > 0) || !(count > 0)) throw new Error('frequencyPerDay: count and period must be positive');
  const days = DAYS_PER_UNIT[periodUnit];
  return { max: (countMax ?? count) / (period * days), min: count / ((periodMax ?? period) * days) };
}

const UNIT_WORDS: Readonly<Record<PeriodUnit, [string, string]>> = {
  min: ['minute', 'minutes'],
  h: ['hour', 'hours'],
  d: ['day', 'days'],
  wk: ['week', 'weeks'],
  mo: ['month', 'months'],
};

/** "every 4–6 hours", "2 times every 1 day" → "twice a day", "every other day". */
export function describeFrequency(frequency: Frequency): string {
  const { count, countMax, period, periodMax, periodUnit } = frequency;
  const [one, many] = UNIT_WORDS[periodUnit];
  const counts = countMax !== undefined && countMax !== count ? `${count}–${countMax} times` : count === 1 ? 'once' : count === 2 ? 'twice' : `${count} times`;
  if (period === 1 && periodMax === undefined) return `${counts} a ${one}`;
  if (period === 2 && periodMax === undefined && periodUnit === 'd' && count === 1) return 'every other day';
  const every = periodMax !== undefined ? `every ${period}–${periodMax} ${many}` : `every ${period} ${many}`;
  return counts === 'once' ? every : `${counts} ${every}`;
}
