/**
 * Post-treatment soreness early in care.
 *
 * Source: seed article 003 — "In the early sessions, post-treatment soreness is normal and should be
 * expected ... a temporary increase in symptoms in the twenty-four to forty-eight hours following a session.
 * It is not a sign that treatment caused harm."
 *
 * Rule (settings earlySessionCount = 4, normalSorenessMaxHours = 48): soreness reported after one of the
 * first four sessions and lasting at most 48 hours is 'normal-early' (say so, plainly: it is expected);
 * lasting longer than 48 hours is 'longer-than-usual' (talk it through, consider logging it as a flare);
 * within 48 hours later in care is 'within-usual'. A session's soreness belongs to the session before it.
 */
import { describeSetting } from './settings';
import type { ProgressionSession, ProgressionSettings, Reason, SorenessAssessment } from './types';

export function classifySoreness(sorted: readonly ProgressionSession[], settings: ProgressionSettings): SorenessAssessment[] {
  const result: SorenessAssessment[] = [];
  sorted.forEach((s, i) => {
    if (s.soreness === null || s.soreness.score === 0 || i === 0) return;
    const afterSession = i; // 1-based number of the session the soreness followed
    const early = afterSession <= settings.earlySessionCount;
    const within = s.soreness.hours <= settings.normalSorenessMaxHours;
    const used = [describeSetting(settings, 'normalSorenessMaxHours'), describeSetting(settings, 'earlySessionCount')];
    let reason: Reason;
    let classification: SorenessAssessment['classification'];
    if (!within) {
      classification = 'longer-than-usual';
      reason = {
        code: 'progression.soreness-longer-than-usual',
        message: `Soreness after session ${afterSession} lasted ${s.soreness.hours} hours — longer than the usual ${settings.normalSorenessMaxHours}. Talk it through; if it is a flare, log it so it can be followed.`,
        settings: used,
      };
    } else if (early) {
      classification = 'normal-early';
      reason = {
        code: 'progression.normal-post-treatment-soreness',
        message: `Soreness after session ${afterSession} (${s.soreness.score}/10 for ${s.soreness.hours} hours) is normal post-treatment soreness early on: the body processing change, not harm.`,
        settings: used,
      };
    } else {
      classification = 'within-usual';
      reason = {
        code: 'progression.soreness-within-usual',
        message: `Soreness after session ${afterSession} settled within ${settings.normalSorenessMaxHours} hours.`,
        settings: used,
      };
    }
    result.push({ sessionId: s.id, afterSessionNumber: afterSession, score: s.soreness.score, hours: s.soreness.hours, classification, reason });
  });
  return result;
}
