/**
 * A Painpath referral as a FHIR R4 ServiceRequest (https://hl7.org/fhir/R4/servicerequest.html).
 * - status: sent/accepted/scheduled/seen → active; report-received → completed; declined → revoked. The
 *   referral's own step (R4 has no element for it) is the extension `referral-status` (valueCode).
 * - intent `order`, category SNOMED CT 3457005 "Patient referral".
 * - priority: routine → routine, soon → urgent, urgent → asap.
 * - code: the Painpath referral-service code system (code = service id) with its display.
 * - reasonCode.text = reason; note = the question to answer (and the decline reason when declined);
 *   supportingInfo = the attached measures (QuestionnaireResponse references) and the pre-visit summary
 *   (display only: it is built on demand, not a stored resource).
 */
import type { ServiceRequest } from '@medplum/fhirtypes';
import { SERVICE_LABELS, type ReferralService, type ReferralUrgency } from '../domain/referrals/services';
import type { ReferralStatus } from '../domain/referrals/status';
import { PAINPATH_STRUCTURE_DEFINITION_BASE } from './painpath-extensions';

export const REFERRAL_SERVICE_SYSTEM = 'https://painpath.org/fhir/CodeSystem/referral-service';
export const REFERRAL_STATUS_URL = `${PAINPATH_STRUCTURE_DEFINITION_BASE}referral-status`;

export interface ReferralForFhir {
  id: string;
  patientId: string;
  service: ReferralService;
  urgency: ReferralUrgency;
  status: ReferralStatus;
  reason: string;
  question: string;
  sentDate: string;
  declineReason: string | null;
  receivingProvider: string | null;
  attachments: { kind: 'summary' | 'measure'; ref: string; label: string }[];
  version: number;
  updatedAt: string;
}

const FHIR_STATUS: Record<ReferralStatus, ServiceRequest['status']> = {
  sent: 'active',
  accepted: 'active',
  scheduled: 'active',
  seen: 'active',
  'report-received': 'completed',
  declined: 'revoked',
};
const FHIR_PRIORITY: Record<ReferralUrgency, ServiceRequest['priority']> = { routine: 'routine', soon: 'urgent', urgent: 'asap' };

export function toFhirServiceRequest(r: ReferralForFhir): ServiceRequest {
  const notes = [{ text: `Question to answer: ${r.question}` }, ...(r.declineReason ? [{ text: `Declined: ${r.declineReason}` }] : [])];
  return {
    resourceType: 'ServiceRequest',
    id: r.id,
    meta: { versionId: String(r.version), lastUpdated: r.updatedAt },
    extension: [{ url: REFERRAL_STATUS_URL, valueCode: r.status }],
    status: FHIR_STATUS[r.status],
    intent: 'order',
    category: [{ coding: [{ system: 'http://snomed.info/sct', code: '3457005', display: 'Patient referral' }] }],
    priority: FHIR_PRIORITY[r.urgency],
    code: { coding: [{ system: REFERRAL_SERVICE_SYSTEM, code: r.service, display: SERVICE_LABELS[r.service] }], text: SERVICE_LABELS[r.service] },
    subject: { reference: `Patient/${r.patientId}` },
    authoredOn: r.sentDate,
    ...(r.receivingProvider ? { performer: [{ display: r.receivingProvider }] } : {}),
    reasonCode: [{ text: r.reason }],
    note: notes,
    ...(r.attachments.length > 0
      ? { supportingInfo: r.attachments.map((a) => (a.kind === 'measure' ? { reference: `QuestionnaireResponse/${a.ref}`, display: a.label } : { display: a.label })) }
      : {}),
  };
}
