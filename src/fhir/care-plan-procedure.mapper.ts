/**
 * A therapy session as a FHIR R4 Procedure (https://hl7.org/fhir/R4/procedure.html).
 * - status 'completed', performedDateTime = the session date, basedOn = the CarePlan.
 * - code.text "Therapy session"; each modality a coding in the Painpath modality code system (passive:
 *   needling, manual-therapy, other-passive; active: corrective-exercise, graded-activity,
 *   functional-training, home-programme) — no SNOMED mapping is claimed.
 * - The passive share is an extension (valueInteger, percent); soreness, the relief window reported and
 *   the goal activity scores are notes in plain words.
 */
import type { Procedure } from '@medplum/fhirtypes';
import type { TherapySession } from '../domain/care-plan/types';
import { PAINPATH_STRUCTURE_DEFINITION_BASE } from './painpath-extensions';

export const MODALITY_SYSTEM = 'https://painpath.org/fhir/CodeSystem/therapy-modality';
export const PASSIVE_PERCENT_URL = `${PAINPATH_STRUCTURE_DEFINITION_BASE}passive-percent`;

export function toFhirProcedure(session: TherapySession, goalNames: ReadonlyMap<string, string>, performer: string | null): Procedure {
  const notes: string[] = [];
  if (session.reliefWindowDaysReported !== null) notes.push(`Relief after the previous session: ${session.reliefWindowDaysReported} day(s).`);
  if (session.soreness !== null) notes.push(`Soreness after the previous session: ${session.soreness.score}/10 for ${session.soreness.hours} hours.`);
  if (session.symptomScore !== null) notes.push(`Symptoms today: ${session.symptomScore}/10.`);
  for (const g of session.goalScores) notes.push(`${goalNames.get(g.goalId) ?? g.goalId}: ${g.score}/10.`);
  if (session.precipitatingEvent) notes.push(`Outside event: ${session.precipitatingEvent}.`);
  if (session.note) notes.push(session.note);
  return {
    resourceType: 'Procedure',
    id: session.id,
    meta: { versionId: String(session.version) },
    extension: [{ url: PASSIVE_PERCENT_URL, valueInteger: session.passivePercent }],
    basedOn: [{ reference: `CarePlan/${session.carePlanId}` }],
    status: 'completed',
    code: { coding: session.modalities.map((m) => ({ system: MODALITY_SYSTEM, code: m })), text: 'Therapy session' },
    subject: { reference: `Patient/${session.patientId}` },
    performedDateTime: session.date,
    ...(performer ? { performer: [{ actor: { display: performer } }] } : {}),
    ...(notes.length > 0 ? { note: notes.map((text) => ({ text })) } : {}),
  };
}
