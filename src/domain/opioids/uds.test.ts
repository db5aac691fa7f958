import { describe, expect, it } from 'vitest';
import { reconcileUds, type UdsResult } from './uds';
import type { MedicationOrder } from './types';
import { buildOrder, perDay } from './test-builders';

const AS_OF = new Date('2025-03-10T12:00:00Z');
const DAY = '2025-03-05';
const oxy = buildOrder('oxycodone', { id: 'oxy', extra: { start: '2024-06-01' } });
const codeine = buildOrder('codeine', { id: 'cod', strength: { amount: 30, unit: 'mg' }, extra: { start: '2024-06-01' } });
const hydrocodonePrn = buildOrder('hydrocodone', { id: 'hc', dosage: { asNeeded: true }, extra: { start: '2024-06-01' } });
const lorazepam = buildOrder('lorazepam', { id: 'lzp', strength: { amount: 1, unit: 'mg' }, dosage: { frequency: perDay(2) }, extra: { start: '2024-06-01' } });

const run = (results: Array<Partial<UdsResult> & { substance: string; result: UdsResult['result'] }>, orders: MedicationOrder[]): ReturnType<typeof reconcileUds> =>
  reconcileUds({ results: results.map((r) => ({ collectedOn: DAY, ...r })), orders, asOf: AS_OF });
const line = (r: ReturnType<typeof reconcileUds>, substance: string): ReturnType<typeof reconcileUds>['lines'][number] | undefined =>
  r.lines.find((l) => l.substance.toLowerCase().startsWith(substance));

describe('reconcileUds', () => {
  it.each([
    ['oxycodone', 'positive', 'expected-found', false],
    ['oxycodone', 'negative', 'expected-absent', true],
    ['cocaine', 'positive', 'unexpected', true],
    ['cocaine', 'negative', 'not-found', false],
    ['benzodiazepines', 'positive', 'expected-found', false],
    ['benzodiazepines', 'negative', 'expected-absent', true],
    ['fentanyl', 'positive', 'unexpected', true],
    ['fentanyl', 'inconclusive', 'inconclusive', false],
  ] as const)('%s %s → %s (conversation: %s)', (substance, result, status, talk) => {
    const r = run([{ substance, result }], [oxy, lorazepam]);
    const found = r.lines.find((l) => l.status !== 'expected-not-tested');
    expect(found?.status).toBe(status);
    expect(found?.conversation !== null).toBe(talk);
    expect(r.needsConversation).toBe(talk || r.lines.some((l) => l.conversation !== null));
  });

  it('a conversation suggestion is a starting point, never a consequence', () => {
    const conversation = line(run([{ substance: 'cocaine', result: 'positive' }], [oxy]), 'cocaine')?.conversation;
    expect(conversation).toMatchObject({ kind: 'conversation', sources: [{ source: 'CDC 2022 Rec 10', tag: 'V' }] });
    expect(conversation?.message).toContain('A result is a starting point for a conversation');
    expect(conversation?.message).toMatch(/confirmed by a laboratory test/);
  });

  it('morphine with codeine on the list is unexpected, with the possible explanation noted', () => {
    const l = line(run([{ substance: 'morphine', result: 'positive' }], [codeine]), 'morphine');
    expect(l?.status).toBe('unexpected');
    expect(l?.notes.join(' ')).toContain('breakdown product of Codeine');
  });

  it('an as-needed medicine that is absent gets the "may not have been taken" note', () => {
    expect(line(run([{ substance: 'hydrocodone', result: 'negative' }], [hydrocodonePrn]), 'hydrocodone')?.notes.join(' ')).toContain('Taken as needed');
  });

  it('a negative opiate screen says nothing about oxycodone (not expected there)', () => {
    const r = run([{ substance: 'opiates', result: 'negative' }], [oxy]);
    expect(line(r, 'opiates')?.status).toBe('not-found');
    expect(r.lines.find((l) => l.status === 'expected-not-tested')?.orderIds).toEqual(['oxy']);
  });

  it('an opiate screen is expected with hydrocodone on the list', () => {
    expect(line(run([{ substance: 'opi', result: 'positive' }], [hydrocodonePrn]), 'opiates')?.status).toBe('expected-found');
  });

  it('uses the orders in effect on the collection day, and notes an order that had ended', () => {
    const ended = buildOrder('oxycodone', { id: 'old', extra: { start: '2024-01-01', end: '2025-03-01', status: 'completed' } });
    const l = line(run([{ substance: 'oxycodone', result: 'positive' }], [ended]), 'oxycodone');
    expect(l?.status).toBe('unexpected');
    expect(l?.notes).toContain('An order for Oxycodone ended on 2025-03-01.');
    const during = run([{ substance: 'oxycodone', result: 'positive', collectedOn: '2025-02-20' }], [ended]);
    expect(line(during, 'oxycodone')?.status).toBe('expected-found');
  });

  it('a substance not in the table is matched to the list by name', () => {
    const amphetamine = buildOrder('amphetamine aspartate / dextroamphetamine', { id: 'adhd', code: '0' });
    const r = run([{ substance: 'amphetamine', result: 'positive' }], [amphetamine]);
    expect(line(r, 'amphetamine')?.status).toBe('expected-found');
    const unknown = run([{ substance: 'kratom', result: 'positive' }], [oxy]);
    expect(line(unknown, 'kratom')?.status).toBe('unexpected');
    expect(unknown.issues.map((i) => i.code)).toContain('uds.unknown-substance');
  });

  it('reports invalid and future dates', () => {
    const r = run([{ substance: 'oxycodone', result: 'positive', collectedOn: '2025-02-30' }, { substance: 'oxycodone', result: 'positive', collectedOn: '2025-03-11' }], [oxy]);
    expect(r.issues.map((i) => i.code)).toEqual(['uds.date-invalid', 'uds.result-after-as-of']);
  });
});
