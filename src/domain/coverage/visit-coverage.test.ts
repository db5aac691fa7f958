import { describe, expect, it } from 'vitest';
import type { BenefitRule } from './benefit-rule';
import { DEFAULT_COVERAGE_SETTINGS } from './settings';
import { evaluateVisitCoverage } from './visit-coverage';
import type { VisitCoverageInput } from './visit-coverage';
import { coverageWarnings } from './warnings';

const pt: BenefitRule = { id: 'pt', service: 'physical-therapy', kind: 'custom', visitLimit: 3, periodKind: 'calendar-year', periodDays: null, priorAuthRequired: true, copayNote: '$20 per visit' };
const acu: BenefitRule = { id: 'acu', service: 'acupuncture', kind: 'ncd-30.3.3', visitLimit: null, periodKind: 'none', periodDays: null, priorAuthRequired: false, copayNote: null };
const base: VisitCoverageInput = {
  service: 'physical-therapy',
  date: '2026-03-10',
  membership: { startDate: '2026-01-01', endDate: null },
  rules: [pt, acu],
  visits: [],
  authorisations: [{ id: 'a1', service: 'physical-therapy', status: 'approved', authorisedUnits: 2, startDate: '2026-03-01', endDate: '2026-03-31' }],
  ncdFacts: null,
};
const S = DEFAULT_COVERAGE_SETTINGS;
const unmet = (a: { reasons: { code: string; met: boolean }[] }): string[] => a.reasons.filter((r) => !r.met).map((r) => r.code);

describe('is this visit covered, and why', () => {
  it('covered: every reason listed and met, copay note and settings named', () => {
    const a = evaluateVisitCoverage(base, S);
    expect(a.answer).toBe('covered');
    expect(a.reasons.map((r) => r.code)).toEqual(['coverage.membership', 'coverage.visit-limit', 'coverage.prior-auth-units']);
    expect(a.copayNote).toBe('$20 per visit');
    expect(a.settings.id).toBe('coverage-settings');
  });
  it.each([
    ['no plan', { membership: null }, ['coverage.membership']],
    ['plan ended the day before', { membership: { startDate: '2025-01-01', endDate: '2026-03-09' } }, ['coverage.membership']],
    ['plan ends that day', { membership: { startDate: '2025-01-01', endDate: '2026-03-10' } }, []],
    ['no rule for the service', { service: 'sleep' as const }, ['coverage.no-rule']],
    ['cap reached', { visits: ['2026-01-02', '2026-02-02', '2026-03-02'].map((date) => ({ date, service: 'physical-therapy' as const, status: 'attended' as const })) }, ['coverage.visit-limit']],
    ['authorisation pending', { authorisations: [{ ...base.authorisations[0]!, status: 'requested' as const }] }, ['coverage.prior-auth-missing']],
    ['authorisation ended', { date: '2026-04-01' }, ['coverage.prior-auth-missing']],
    ['authorisation last day', { date: '2026-03-31' }, []],
  ])('%s', (_n, patch, codes) => {
    const a = evaluateVisitCoverage({ ...base, ...patch }, S);
    expect(unmet(a)).toEqual(codes);
    expect(a.answer).toBe(codes.length === 0 ? 'covered' : 'not-covered');
  });
  it('Medicare acupuncture goes through NCD 30.3.3 and lists its reasons', () => {
    const a = evaluateVisitCoverage({ ...base, service: 'acupuncture', ncdFacts: null }, S);
    expect(a.answer).toBe('not-covered');
    expect(unmet(a)).toEqual(['ncd.duration', 'ncd.nonspecific', 'ncd.not-surgical', 'ncd.not-pregnancy']);
    expect(a.ncd?.settings.ncdInitialAnchor).toBe('first-visit');
  });
});

describe('coverage warnings', () => {
  it('a visit one before the cap and an authorisation ending in 14 days', () => {
    const visits = ['2026-01-02', '2026-02-02'].map((date) => ({ date, service: 'physical-therapy' as const, status: 'attended' as const }));
    const w = coverageWarnings({ rules: [pt], visits, authorisations: [{ ...base.authorisations[0]!, endDate: '2026-03-24' }], ncdFacts: null }, '2026-03-10', S);
    expect(w.map((x) => x.code)).toEqual(['coverage.visit-cap-near', 'coverage.auth-ending', 'coverage.auth-units-low']);
  });
  it.each([
    ['2026-03-09', []],
    ['2026-03-10', ['coverage.auth-ending']],
    ['2026-03-24', ['coverage.auth-ending']],
    ['2026-03-25', ['coverage.auth-ended']],
    ['2026-04-23', ['coverage.auth-ended']],
    ['2026-04-24', []],
  ])('authorisation ending 2026-03-24, on %s → %o', (asOf, codes) => {
    const auth = { id: 'a', service: 'physical-therapy' as const, status: 'approved' as const, authorisedUnits: 50, startDate: '2026-01-01', endDate: '2026-03-24' };
    expect(coverageWarnings({ rules: [], visits: [], authorisations: [auth], ncdFacts: null }, asOf, S).map((x) => x.code)).toEqual(codes);
  });
  it('NCD acupuncture at visit 11 of 12 warns that the first course is ending', () => {
    const facts = { painOnsetDate: '2025-01-01', nonspecific: true, associatedWithSurgery: false, associatedWithPregnancy: false, reviews: [] };
    const visits = Array.from({ length: 11 }, (_, i) => ({ date: `2026-02-${String(i * 2 + 1).padStart(2, '0')}`, service: 'acupuncture' as const, status: 'attended' as const }));
    const w = coverageWarnings({ rules: [acu], visits, authorisations: [], ncdFacts: facts }, '2026-02-25', S);
    expect(w.map((x) => [x.code, x.remaining])).toEqual([['ncd.initial-course-ending', 1]]);
  });
});
