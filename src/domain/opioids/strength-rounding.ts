/**
 * Daily amounts that whole tablets of the available strengths can make, and rounding to them.
 * Source: arithmetic only (strengths from strength-table.ts [U]).
 *
 * Assumptions: amounts are counted in steps of 0.5 mg (every listed strength is a multiple of 0.5 mg); a
 * daily total is reachable when it is a sum of whole tablets; the fewest tablets are shown for each total.
 */
const UNIT = 0.5;

function toUnits(mg: number): number {
  return Math.round(mg / UNIT);
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/** The finest change between reachable daily totals (the greatest common divisor of the strengths), in mg. */
export function smallestStepMg(strengthsMg: readonly number[]): number {
  return strengthsMg.map(toUnits).reduce(gcd) * UNIT;
}

/** Fewest tablets per reachable total up to `maxMg` (index = total in 0.5 mg units; -1 = not reachable). */
function fewestTablets(strengthsMg: readonly number[], maxMg: number): number[] {
  const units = strengthsMg.map(toUnits);
  const size = toUnits(maxMg) + 1;
  const best = new Array<number>(size).fill(-1);
  best[0] = 0;
  for (let total = 1; total < size; total++) {
    for (const u of units) {
      const prev = total - u >= 0 ? (best[total - u] ?? -1) : -1;
      const current = best[total] ?? -1;
      if (prev >= 0 && (current < 0 || prev + 1 < current)) best[total] = prev + 1;
    }
  }
  return best;
}

/** The smallest reachable daily total at or above `targetMg` (0 for a target of 0 or less). */
export function roundUpToReachable(strengthsMg: readonly number[], targetMg: number): number {
  if (targetMg <= 1e-9) return 0;
  const max = Math.max(...strengthsMg);
  const best = fewestTablets(strengthsMg, targetMg + max);
  for (let total = Math.ceil(targetMg / UNIT - 1e-9); total < best.length; total++) {
    if ((best[total] ?? -1) > 0) return total * UNIT;
  }
  throw new Error('roundUpToReachable: no reachable total found');
}

/** The largest reachable daily total strictly below `mg` (0 when none). */
export function nextReachableBelow(strengthsMg: readonly number[], mg: number): number {
  const best = fewestTablets(strengthsMg, mg);
  for (let total = toUnits(mg) - 1; total > 0; total--) if ((best[total] ?? -1) > 0) return total * UNIT;
  return 0;
}

/** Fewest whole tablets that make `mg` a day, e.g. 35 → [{ strengthMg: 30, count: 1 }, { strengthMg: 5, count: 1 }]. */
export function tabletsFor(strengthsMg: readonly number[], mg: number): Array<{ strengthMg: number; count: number }> {
  const best = fewestTablets(strengthsMg, mg);
  const counts = new Map<number, number>();
  let total = toUnits(mg);
  if ((best[total] ?? -1) < 0) return [];
  const sorted = [...strengthsMg].sort((a, b) => b - a);
  while (total > 0) {
    const s = sorted.find((x) => total - toUnits(x) >= 0 && (best[total - toUnits(x)] ?? -1) === (best[total] ?? 0) - 1);
    if (s === undefined) throw new Error('tabletsFor: inconsistent table');
    counts.set(s, (counts.get(s) ?? 0) + 1);
    total -= toUnits(s);
  }
  return [...counts].map(([strengthMg, count]) => ({ strengthMg, count }));
}
