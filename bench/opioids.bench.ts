/**
 * `npx tsx bench/opioids.bench.ts`: micro-benchmark of one opioid-safety evaluation — calculateMme plus
 * reviewRisk — for a patient with 10 medications (5 opioid orders including a combination product and a
 * patch, a benzodiazepine, a gabapentinoid, a muscle relaxant, rescue naloxone and a non-opioid).
 *
 * Method: warm-up, then a bounded number of timed evaluations (process.hrtime.bigint around each one), or
 * fewer if the time budget runs out. Prints the median, p95 and mean µs per evaluation and evaluations per
 * second (from the total measured time). Target from the issue: median ≤ 32 µs. Flags: --iterations <n>
 * (default 50000), --warmup <n> (default 5000), --budget <s> (default 20).
 * Exit code 0 whether or not the target is met (the verdict line says); figures only, no assertions.
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { calculateMme, reviewRisk, type MedicationOrder, type RiskHistory } from '../src/domain/opioids';

const { values } = parseArgs({
  options: { iterations: { type: 'string', default: '50000' }, warmup: { type: 'string', default: '5000' }, budget: { type: 'string', default: '20' } },
});
const ITERATIONS = Math.max(1, Number(values.iterations));
const WARMUP = Math.max(0, Number(values.warmup));
const BUDGET_NS = BigInt(Math.round(Number(values.budget) * 1e9));
const TARGET_MEDIAN_US = 32;

const tablet = (id: string, code: string, name: string, mg: number, dosage: Partial<MedicationOrder['dosage']>, extra: Partial<MedicationOrder> = {}): MedicationOrder => ({
  id,
  ingredients: [{ ingredient: { code, name }, strength: { amount: mg, unit: 'mg' } }],
  form: 'tablet',
  dosage: { dose: { low: 1, high: 1, unit: 'tablet' }, frequency: { count: 1, period: 1, periodUnit: 'd' }, asNeeded: false, route: 'oral', ...dosage },
  start: '2024-06-01',
  ...extra,
});

const ORDERS: MedicationOrder[] = [
  tablet('oxy-ir', '7804', 'oxycodone hydrochloride', 5, { dose: { low: 1, high: 2, unit: 'tablet' }, frequency: { count: 1, period: 4, periodMax: 6, periodUnit: 'h' }, asNeeded: true, maxPerDay: { amount: 6, unit: 'tablet' } }),
  tablet('oxy-er', '7804', 'oxycodone hydrochloride', 20, { frequency: { count: 2, period: 1, periodUnit: 'd' } }, { release: 'extended' }),
  {
    id: 'fentanyl',
    ingredients: [{ ingredient: { code: '4337', name: 'fentanyl' }, strength: { amount: 25, unit: 'mcg/hr' } }],
    form: 'patch',
    dosage: { dose: { low: 1, high: 1, unit: 'patch' }, frequency: { count: 1, period: 72, periodUnit: 'h' }, asNeeded: false, route: 'transdermal' },
    start: '2024-06-01',
  },
  tablet('methadone', '6813', 'methadone hydrochloride', 5, { frequency: { count: 3, period: 1, periodUnit: 'd' } }),
  {
    id: 'norco',
    ingredients: [
      { ingredient: { code: '5489', name: 'hydrocodone bitartrate' }, strength: { amount: 5, unit: 'mg' } },
      { ingredient: { code: '161', name: 'acetaminophen' }, strength: { amount: 325, unit: 'mg' } },
    ],
    form: 'tablet',
    dosage: { dose: { low: 1, high: 1, unit: 'tablet' }, frequency: { count: 1, period: 6, periodUnit: 'h' }, asNeeded: true, route: 'oral' },
    start: '2024-06-01',
  },
  tablet('lorazepam', '6470', 'lorazepam', 1, { frequency: { count: 2, period: 1, periodUnit: 'd' } }),
  tablet('gabapentin', '25480', 'gabapentin', 300, { frequency: { count: 3, period: 1, periodUnit: 'd' } }),
  tablet('cyclobenzaprine', '21949', 'cyclobenzaprine hydrochloride', 10, { timesOfDay: ['bedtime'] }),
  {
    id: 'naloxone',
    ingredients: [{ ingredient: { code: '7242', name: 'naloxone hydrochloride' }, strength: { amount: 4, unit: 'mg' } }],
    form: 'spray',
    dosage: { dose: { low: 1, high: 1, unit: 'actuation' }, asNeeded: true, route: 'nasal' },
    start: '2024-06-01',
  },
  tablet('lisinopril', '29046', 'lisinopril', 10, {}),
];
const HISTORY: RiskHistory = { overdose: false, substanceUseDisorder: false, sleepDisorderedBreathing: true, recentTaperOrStop: false, taperInProgress: false, recentReleaseFromPrison: false };
const AS_OF = new Date('2025-03-10T12:00:00Z');

let sink = 0;
function evaluate(): void {
  const mme = calculateMme(ORDERS, { factorSet: 'cdc-2022' });
  const review = reviewRisk({ orders: ORDERS, mme, history: HISTORY, asOf: AS_OF });
  sink += review.findings.length + mme.totalMmePerDay;
}

for (let i = 0; i < WARMUP; i++) evaluate();

const samples = new Float64Array(ITERATIONS);
let measured = 0;
const started = process.hrtime.bigint();
for (; measured < ITERATIONS; measured++) {
  const t0 = process.hrtime.bigint();
  evaluate();
  const t1 = process.hrtime.bigint();
  samples[measured] = Number(t1 - t0) / 1000;
  if (t1 - started > BUDGET_NS) {
    measured++;
    break;
  }
}
const totalUs = samples.subarray(0, measured).reduce((a, b) => a + b, 0);
const sorted = Array.from(samples.subarray(0, measured)).sort((a, b) => a - b);
const pick = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
const median = pick(0.5);
const check = calculateMme(ORDERS);

console.log(`opioid safety micro-benchmark: calculateMme + reviewRisk, ${ORDERS.length} medications`);
console.log(`machine: ${os.cpus()[0]?.model ?? 'unknown cpu'} × ${os.cpus().length}, Node ${process.version}`);
console.log(`patient: total ${check.totalMmePerDay} MME/day (${check.factorSet.label}), ${check.lines.length} opioid lines`);
console.log(`warm-up ${WARMUP}, measured ${measured} evaluations`);
console.log(`median ${median.toFixed(2)} µs   p95 ${pick(0.95).toFixed(2)} µs   mean ${(totalUs / measured).toFixed(2)} µs`);
console.log(`evaluations/second ${Math.round((measured / totalUs) * 1e6).toLocaleString('en-US')} (from the measured total; median-based ${Math.round(1e6 / median).toLocaleString('en-US')})`);
console.log(`target median ≤ ${TARGET_MEDIAN_US} µs: ${median <= TARGET_MEDIAN_US ? 'met' : 'NOT met'}`);
if (sink === Number.MIN_VALUE) console.log('');
