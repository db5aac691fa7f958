/**
 * A symptom rise: a flare that settled (expected) or one to reassess.
 *
 * Source: seed article 003 — "a flare that settles within forty-eight to seventy-two hours and leaves the
 * patient at or above their prior baseline is a normal treatment response. One that persists beyond that
 * window, or that drops the patient meaningfully below where they were, is a signal to reassess."
 *
 * Rule (settings flareUsualSettleHours = 48, flareSettleLimitHours = 72, belowBaselineTolerancePoints = 1):
 * - not settled and at most 72 h since it began → 'settling' (check again by start + 72 h);
 * - lasting more than 72 h (settled late, or not settled by then) → 'reassess-prolonged';
 * - settled within 72 h but the symptom score after is more than 1 point above the score before the rise
 *   (worse than the prior baseline) → 'reassess-below-baseline';
 * - otherwise → 'settled-expected'. Exactly 72 h is within the window; exactly 1 point worse is not
 *   "meaningfully" below.
 * Symptom scores run 0–10 with 10 = worst, so "below baseline" in function means a higher symptom score.
 */
import { describeSetting } from './settings';
import type { FlareAssessment, ProgressionFlare, ProgressionSettings, Reason } from './types';

const HOUR_MS = 3_600_000;

function roundHours(ms: number): number {
  return Math.round((ms / HOUR_MS) * 10) / 10;
}

export function classifyFlare(flare: ProgressionFlare, asOf: Date, settings: ProgressionSettings): FlareAssessment {
  const limit = settings.flareSettleLimitHours;
  const usual = settings.flareUsualSettleHours;
  const limitSetting = describeSetting(settings, 'flareSettleLimitHours');
  const usualSetting = describeSetting(settings, 'flareUsualSettleHours');
  const toleranceSetting = describeSetting(settings, 'belowBaselineTolerancePoints');
  const start = Date.parse(flare.startedAt);
  const reasons: Reason[] = [];

  if (flare.settledAt === null) {
    const hours = roundHours(asOf.getTime() - start);
    if (hours > limit) {
      reasons.push({
        code: 'flare.not-settled-beyond-limit',
        message: `This flare has not settled after ${hours} hours — longer than ${limit} hours. Time to reassess together.`,
        settings: [limitSetting],
      });
      return { flareId: flare.id, classification: 'reassess-prolonged', hours, expected: false, reasons };
    }
    const checkBy = new Date(start + limit * HOUR_MS).toISOString();
    reasons.push({
      code: 'flare.settling',
      message: `Started ${hours} hours ago. Flares usually settle within ${usual}–${limit} hours; check again by ${checkBy}.`,
      settings: [usualSetting, limitSetting],
    });
    return { flareId: flare.id, classification: 'settling', hours, expected: null, reasons };
  }

  const hours = roundHours(Date.parse(flare.settledAt) - start);
  const after = flare.symptomScoreAfter ?? flare.peakSymptomScore;
  const worseBy = Math.round((after - flare.baselineSymptomScore) * 10) / 10;
  const belowBaseline = worseBy > settings.belowBaselineTolerancePoints;
  if (hours > limit) {
    reasons.push({
      code: 'flare.settled-beyond-limit',
      message: `This flare took ${hours} hours to settle — longer than ${limit} hours. Worth reassessing the load or the approach.`,
      settings: [limitSetting],
    });
  }
  if (belowBaseline) {
    reasons.push({
      code: 'flare.below-baseline',
      message: `After it settled, symptoms were ${after}/10 against ${flare.baselineSymptomScore}/10 before it — more than ${settings.belowBaselineTolerancePoints} point worse than the prior baseline. Time to reassess.`,
      settings: [toleranceSetting],
    });
  }
  if (hours > limit) return { flareId: flare.id, classification: 'reassess-prolonged', hours, expected: false, reasons };
  if (belowBaseline) return { flareId: flare.id, classification: 'reassess-below-baseline', hours, expected: false, reasons };
  reasons.push({
    code: 'flare.settled-expected',
    message:
      hours <= usual
        ? `Settled in ${hours} hours and back to the prior baseline: an expected response to treatment.`
        : `Settled in ${hours} hours (within ${limit}) and back to the prior baseline: an expected response to treatment.`,
    settings: [usualSetting, limitSetting, toleranceSetting],
  });
  return { flareId: flare.id, classification: 'settled-expected', hours, expected: true, reasons };
}
