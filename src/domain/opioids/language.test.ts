/**
 * No message of the opioid module may be punitive or say "taper now". Two layers:
 * 1. every string literal and template text in the module's source files (so messages on paths no test
 *    reaches are covered too), read with the TypeScript parser so comments are not counted;
 * 2. every string in the results of a wide set of scenarios (so messages assembled at run time are covered).
 * Banned: the list, plus stigmatising terms of reference section 9.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { detectAbruptChange } from './abrupt-change';
import { parseDirections } from './directions';
import { calculateMme } from './mme';
import { monitoringDue } from './monitoring';
import { reviewRisk } from './risk';
import { planTaper } from './taper';
import { reconcileUds } from './uds';
import type { MedicationOrder } from './types';
import { buildOrder, buildPatch, perDay } from './test-builders';

const BANNED = ['taper now', 'must taper', 'discontinue', 'ceiling', 'violation', 'non-compliant', 'noncompliant', 'abuse', 'addict', 'drug-seeking', 'dirty', 'narcotic', 'refuse'];

const DIR = path.dirname(fileURLToPath(import.meta.url));

function literals(source: string, file: string): string[] {
  const out: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) out.push(node.text);
    else if (ts.isTemplateExpression(node)) out.push(node.head.text, ...node.templateSpans.map((s) => s.literal.text));
    ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile(file, source, ts.ScriptTarget.ES2022, true));
  return out;
}

function banned(text: string): string[] {
  const lower = text.toLowerCase();
  return BANNED.filter((word) => lower.includes(word));
}

function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value !== null && typeof value === 'object') for (const v of Object.values(value)) strings(v, out);
  return out;
}

describe('language of every message the module can produce', () => {
  it('the scanner itself finds a banned word (this test can fail)', () => {
    expect(banned(literals("const m = 'Please taper now.';", 'probe.ts').join(' '))).toEqual(['taper now']);
    expect(literals('// a comment that says abuse\nconst x = 1;', 'probe.ts')).toEqual([]);
  });

  it('no source string literal of the module uses a banned word', () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    expect(files.length).toBeGreaterThan(20);
    const found: string[] = [];
    for (const file of files) {
      for (const text of literals(readFileSync(path.join(DIR, file), 'utf8'), file)) {
        for (const word of banned(text)) found.push(`${file}: "${word}" in ${JSON.stringify(text)}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('no string in the results of a wide set of scenarios uses a banned word', () => {
    const asOf = new Date('2025-03-10T12:00:00Z');
    const oxy = buildOrder('oxycodone', { strength: { amount: 10, unit: 'mg' }, extra: { start: '2024-01-01', daysSupply: 30 } });
    const orders: MedicationOrder[] = [
      oxy,
      buildPatch(75),
      buildOrder('methadone', { strength: { amount: 10, unit: 'mg' }, dosage: { frequency: perDay(3) } }),
      buildOrder('buprenorphine', { form: 'film', route: 'sublingual', strength: { amount: 8, unit: 'mg' }, dosage: { dose: { low: 1, high: 1, unit: 'film' } }, extra: { indication: 'oud' } }),
      buildOrder('meperidine', { strength: { amount: 50, unit: 'mg' } }),
      buildOrder('tramadol', { strength: { amount: 50, unit: 'mg' }, dosage: { frequency: undefined } }),
      buildOrder('lorazepam', { strength: { amount: 1, unit: 'mg' } }),
      buildOrder('gabapentin', { strength: { amount: 300, unit: 'mg' } }),
      buildOrder('cyclobenzaprine', { code: '0' }),
      buildOrder('zolpidem'),
      buildOrder('hydroxyzine', { code: '0' }),
    ];
    const outputs: unknown[] = [];
    for (const sig of ['1 tab po q6h prn pain', '1 tab qd', 'use as directed', 'take 2 tabs now then 1 tab q6h', '1 tab bid q6h', 'taper 1 tab', '1 po', 'take 1 tablet po or sl', '', 'take 1 tablet (10 mg) daily', 'apply 1 patch q72h', '1 tab q4h 6 h']) {
      outputs.push(parseDirections(sig));
    }
    for (const factorSet of ['cdc-2022', 'cdc-2016'] as const) {
      const mme = calculateMme([...orders, oxy, buildOrder('methadone', { id: 'm2', strength: { amount: 20.5, unit: 'mg' }, dosage: { frequency: perDay(1) } })], { factorSet, asOf });
      outputs.push(mme);
      outputs.push(reviewRisk({ orders, mme, history: { sleepDisorderedBreathing: true, overdose: true }, asOf }));
      outputs.push(reviewRisk({ orders: [oxy], mme: calculateMme([oxy]), history: {}, asOf }));
    }
    outputs.push(
      reconcileUds({
        orders,
        asOf,
        results: [
          { substance: 'oxycodone', result: 'negative', collectedOn: '2025-03-01', method: 'screen' },
          { substance: 'morphine', result: 'positive', collectedOn: '2025-03-01' },
          { substance: 'cocaine', result: 'positive', collectedOn: '2025-03-01' },
          { substance: 'opiates', result: 'negative', collectedOn: '2025-03-01' },
          { substance: 'kratom', result: 'positive', collectedOn: '2025-03-01' },
          { substance: 'fentanyl', result: 'inconclusive', collectedOn: '2025-03-20' },
          { substance: 'thc', result: 'positive', collectedOn: 'yesterday' },
        ],
      }),
    );
    outputs.push(monitoringDue({ orders, asOf }), monitoringDue({ orders, asOf, lastPdmpCheck: '2024-01-01', lastBenefitRiskReview: '2025-04-01', lastUds: 'x', lastStartOrIncrease: '2025-03-01' }));
    const regimen = [oxy, buildPatch(25), orders[3]!, buildOrder('levorphanol', { strength: { amount: 2, unit: 'mg' } })];
    for (const days of [2, 5, 20, 200, 800]) outputs.push(planTaper({ regimen, startDate: '2025-03-10', durationOfUse: { days }, asOf }));
    outputs.push(planTaper({ regimen: [oxy], startDate: '2025-03-01', durationOfUse: { days: 800 }, asOf, pace: { every: { days: 7 }, cut: { percent: 30, of: 'original' } }, pauses: [{ afterStep: 9, days: 7 }] }));
    outputs.push(planTaper({ regimen: [oxy], startDate: 'soon', durationOfUse: { days: 800 }, asOf }));
    outputs.push(planTaper({ regimen: [], startDate: '2025-03-10', durationOfUse: { days: 800 }, asOf, pace: { every: { days: 0 }, cut: { percent: 0, of: 'original' } } }));
    for (const physicallyDependent of [undefined, false]) {
      outputs.push(detectAbruptChange({ perDay: 90, on: '2025-01-01' }, { perDay: 0, on: '2025-01-02' }, { durationOfUse: { days: 800 }, physicallyDependent }));
    }
    outputs.push(detectAbruptChange({ perDay: 90, on: '2025-01-01' }, { perDay: 0, on: 'x' }, { durationOfUse: { days: 800 }, lifeThreateningReason: 'warning signs of overdose' }));
    outputs.push(detectAbruptChange({ perDay: 90, on: '2025-01-01' }, { perDay: 80, on: '2024-01-02' }, { durationOfUse: { days: 2 } }));

    const all = strings(outputs);
    expect(all.length).toBeGreaterThan(300);
    const found = all.flatMap((text) => banned(text).map((word) => `"${word}" in ${JSON.stringify(text)}`));
    expect(found).toEqual([]);
  });
});
