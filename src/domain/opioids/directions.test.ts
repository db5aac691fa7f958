import { describe, expect, it } from 'vitest';
import { parseDirections } from './directions';
import { frequencyPerDay } from './frequency';
import type { Dosage } from './types';

type Expected = Partial<Dosage> & { maxDosesPerDay?: number };

/** [sig, expected fields (only those listed are checked; absent ones must be undefined), issue codes]. */
const ROWS: Array<[string, Expected, string[]]> = [
  // The issue's examples.
  ['1 tab po q6h prn pain', { dose: { low: 1, high: 1, unit: 'tablet' }, route: 'oral', frequency: { count: 1, period: 6, periodUnit: 'h' }, asNeeded: true, asNeededFor: 'pain', maxDosesPerDay: 4 }, []],
  ['1-2 tablets every 4-6 hours as needed', { dose: { low: 1, high: 2, unit: 'tablet' }, frequency: { count: 1, period: 4, periodMax: 6, periodUnit: 'h' }, asNeeded: true, maxDosesPerDay: 6 }, []],
  ['apply 1 patch every 72 hours', { dose: { low: 1, high: 1, unit: 'patch' }, route: 'transdermal', frequency: { count: 1, period: 72, periodUnit: 'h' }, asNeeded: false }, ['sig.route-inferred']],
  ['10 mg twice daily', { dose: { low: 10, high: 10, unit: 'mg' }, frequency: { count: 2, period: 1, periodUnit: 'd' }, asNeeded: false, maxDosesPerDay: 2 }, []],
  ['take 2 tablets by mouth three times a day', { dose: { low: 2, high: 2, unit: 'tablet' }, route: 'oral', frequency: { count: 3, period: 1, periodUnit: 'd' }, maxDosesPerDay: 3 }, []],
  ['5 mL every 8 hours', { dose: { low: 5, high: 5, unit: 'mL' }, frequency: { count: 1, period: 8, periodUnit: 'h' }, maxDosesPerDay: 3 }, []],
  // Ranges: the most a day uses the shortest interval.
  ['1 tab q4-6h prn', { dose: { low: 1, high: 1, unit: 'tablet' }, frequency: { count: 1, period: 4, periodMax: 6, periodUnit: 'h' }, asNeeded: true, maxDosesPerDay: 6 }, []],
  ['1 tablet by mouth every 4 to 6 hours prn pain not to exceed 6 tablets in 24 hours', { frequency: { count: 1, period: 4, periodMax: 6, periodUnit: 'h' }, maxPerDay: { amount: 6, unit: 'tablet' }, asNeeded: true, asNeededFor: 'pain', route: 'oral' }, []],
  ['take 1 tablet q6h-q4h as needed', { frequency: { count: 1, period: 4, periodMax: 6, periodUnit: 'h' }, asNeeded: true, maxDosesPerDay: 6 }, []],
  ['1 tab q6h or q8h', { frequency: { count: 1, period: 6, periodMax: 8, periodUnit: 'h' }, maxDosesPerDay: 4 }, []],
  ['take 1 tablet 1-2 times daily', { frequency: { count: 1, countMax: 2, period: 1, periodUnit: 'd' }, maxDosesPerDay: 2 }, []],
  ['take 1 tablet up to 4 times a day as needed', { frequency: { count: 1, countMax: 4, period: 1, periodUnit: 'd' }, asNeeded: true, maxDosesPerDay: 4 }, []],
  // Latin and plain-English frequencies.
  ['1 tab po bid', { frequency: { count: 2, period: 1, periodUnit: 'd' }, route: 'oral' }, []],
  ['1 cap po tid', { dose: { low: 1, high: 1, unit: 'capsule' }, frequency: { count: 3, period: 1, periodUnit: 'd' } }, []],
  ['1 cap po q.i.d. p.r.n. severe pain', { dose: { low: 1, high: 1, unit: 'capsule' }, frequency: { count: 4, period: 1, periodUnit: 'd' }, asNeeded: true, asNeededFor: 'severe pain' }, []],
  ['1 tab PO QHS', { frequency: { count: 1, period: 1, periodUnit: 'd' }, timesOfDay: ['bedtime'], route: 'oral' }, []],
  ['take 1 tablet at bedtime', { frequency: { count: 1, period: 1, periodUnit: 'd' }, timesOfDay: ['bedtime'] }, []],
  ['take 1 tablet daily', { frequency: { count: 1, period: 1, periodUnit: 'd' } }, []],
  ['take one tablet once a day', { dose: { low: 1, high: 1, unit: 'tablet' }, frequency: { count: 1, period: 1, periodUnit: 'd' } }, []],
  ['one tablet every other day', { frequency: { count: 1, period: 2, periodUnit: 'd' }, maxDosesPerDay: 0.5 }, []],
  ['1 tab qod', { frequency: { count: 1, period: 2, periodUnit: 'd' } }, ['sig.error-prone-abbreviation']],
  ['1 tab po qd', { frequency: { count: 1, period: 1, periodUnit: 'd' } }, ['sig.error-prone-abbreviation']],
  ['take 1 tablet every 12 hours', { frequency: { count: 1, period: 12, periodUnit: 'h' }, maxDosesPerDay: 2 }, []],
  ['take 1 tablet twice daily (every 12 hours)', { frequency: { count: 2, period: 1, periodUnit: 'd' } }, []],
  ['take 2 tablets 4 times daily', { dose: { low: 2, high: 2, unit: 'tablet' }, frequency: { count: 4, period: 1, periodUnit: 'd' } }, []],
  ['take 1 tablet 2x/day', { frequency: { count: 2, period: 1, periodUnit: 'd' } }, []],
  ['1 tablet in the morning and at bedtime', { frequency: { count: 2, period: 1, periodUnit: 'd' }, timesOfDay: ['morning', 'bedtime'] }, []],
  ['10 mg at 10:00 and 22:00', { dose: { low: 10, high: 10, unit: 'mg' }, frequency: { count: 2, period: 1, periodUnit: 'd' }, timesOfDay: ['10:00', '22:00'] }, []],
  ['apply 1 patch every 3 days', { frequency: { count: 1, period: 3, periodUnit: 'd' }, route: 'transdermal' }, ['sig.route-inferred']],
  ['take 1 tablet once weekly', { frequency: { count: 1, period: 1, periodUnit: 'wk' } }, []],
  ['take 1 tablet twice a week', { frequency: { count: 2, period: 1, periodUnit: 'wk' } }, []],
  // Doses: fractions, words, units.
  ['take 1/2 tablet bid', { dose: { low: 0.5, high: 0.5, unit: 'tablet' }, frequency: { count: 2, period: 1, periodUnit: 'd' } }, []],
  ['take half a tablet every 8 hours', { dose: { low: 0.5, high: 0.5, unit: 'tablet' }, frequency: { count: 1, period: 8, periodUnit: 'h' } }, []],
  ['Take two tablets by mouth every six hours as needed', { dose: { low: 2, high: 2, unit: 'tablet' }, frequency: { count: 1, period: 6, periodUnit: 'h' }, asNeeded: true }, []],
  ['take 7.5 mL by mouth every 6 hours as needed for pain', { dose: { low: 7.5, high: 7.5, unit: 'mL' }, route: 'oral', asNeededFor: 'pain' }, []],
  ['1 spray in one nostril every 4 hours as needed, max 6 sprays per day', { dose: { low: 1, high: 1, unit: 'actuation' }, route: 'nasal', maxPerDay: { amount: 6, unit: 'actuation' }, asNeeded: true }, []],
  ['1 film buccally twice daily', { dose: { low: 1, high: 1, unit: 'film' }, route: 'buccal' }, []],
  ['1 tab sl q4h', { route: 'sublingual', frequency: { count: 1, period: 4, periodUnit: 'h' } }, []],
  ['Take 1 tablet by mouth every 6 hours as needed for pain. Max 4 tablets per day.', { maxPerDay: { amount: 4, unit: 'tablet' }, asNeeded: true, asNeededFor: 'pain' }, []],
  ['1 tab q4h prn, no more than 3 doses in 24 hours', { maxPerDay: { amount: 3, unit: 'dose' }, asNeeded: true }, []],
  ['take 1 tablet twice a day for 7 days', { frequency: { count: 2, period: 1, periodUnit: 'd' }, durationDays: 7 }, []],
  ['take 1 tablet daily for pain', { frequency: { count: 1, period: 1, periodUnit: 'd' }, asNeeded: false }, []],
  // Unsure: issues, never a silent guess.
  ['1 tablet by mouth', { dose: { low: 1, high: 1, unit: 'tablet' }, frequency: undefined }, ['sig.frequency-missing']],
  ['1 tab prn pain', { asNeeded: true, frequency: undefined }, ['sig.frequency-missing']],
  ['1 po q6h prn', { dose: { low: 1, high: 1, unit: 'each' }, asNeeded: true }, ['sig.dose-unit-missing']],
  ['every 6 hours as needed', { dose: undefined, asNeeded: true }, ['sig.dose-missing']],
  ['use as directed', { dose: undefined, frequency: undefined }, ['sig.as-directed', 'sig.frequency-missing', 'sig.dose-missing']],
  ['1 tab bid q6h', { frequency: undefined }, ['sig.ambiguous-frequency']],
  ['1 tab daily every 8 hours', { frequency: undefined }, ['sig.ambiguous-frequency']],
  ['1 tab bid at 08:00, 14:00 and 20:00', { frequency: undefined }, ['sig.ambiguous-frequency']],
  ['take 2 tabs now then 1 tab q6h', { dose: undefined }, ['sig.sequential-instructions', 'sig.ambiguous-dose', 'sig.unrecognised-text']],
  ['take 1 tablet po or sl daily', { route: undefined }, ['sig.ambiguous-route']],
  ['take 1 tablet (10 mg) daily', { dose: { low: 1, high: 1, unit: 'tablet' } }, ['sig.dose-stated-twice']],
  ['taper 1 tab daily', { dose: { low: 1, high: 1, unit: 'tablet' } }, ['sig.unrecognised-text']],
  ['1 tab od', { frequency: undefined }, ['sig.frequency-missing', 'sig.unrecognised-text']],
  ['', {}, ['sig.empty']],
];

describe('parseDirections', () => {
  it.each(ROWS)('%s', (text, expected, codes) => {
    const { directions, issues } = parseDirections(text);
    expect(issues.map((i) => i.code).sort()).toEqual([...codes].sort());
    const { maxDosesPerDay, ...fields } = expected;
    for (const [key, value] of Object.entries(fields)) {
      expect(directions[key as keyof Dosage], key).toEqual(value);
    }
    if (maxDosesPerDay !== undefined) {
      expect(directions.frequency).toBeDefined();
      expect(frequencyPerDay(directions.frequency!).max).toBeCloseTo(maxDosesPerDay, 9);
    }
    expect(directions.text).toBe(text);
  });

  it('keeps the words it did not use and reports them', () => {
    const { directions, issues } = parseDirections('take 1 tablet daily alternating with 2');
    expect(directions.unparsed).toEqual(expect.arrayContaining(['alternating']));
    expect(issues.find((i) => i.code === 'sig.unrecognised-text')?.message).toContain('"alternating"');
  });

  it('names both frequencies when they disagree', () => {
    const { issues } = parseDirections('1 tab bid q6h');
    expect(issues[0]?.message).toContain('"bid"');
    expect(issues[0]?.message).toContain('"q6h"');
  });

  it('every issue is a warning or info on the text, never an error', () => {
    for (const [text] of ROWS) {
      for (const issue of parseDirections(text).issues) {
        expect(['warning', 'info']).toContain(issue.severity);
        expect(issue.path).toBe('text');
      }
    }
  });
});
