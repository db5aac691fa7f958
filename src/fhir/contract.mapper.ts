/**
 * A patient's treatment agreement as a FHIR R4 Contract (https://hl7.org/fhir/R4/contract.html).
 * - id: the agreement id; version: the current version number; status 'executed' when both sides signed the
 *   current version, else 'offered'.
 * - subject: the Patient; issued: when the current version was written; applies.end: the review date.
 * - legallyBindingAttachment: the exact text of the current version (text/markdown, UTF-8, base64) with
 *   title and creation time. FHIR R4 Attachment.hash is SHA-1; Painpath's signature fingerprint is SHA-256,
 *   so it is carried as an identifier (system PAINPATH_AGREEMENT_SHA256_SYSTEM) for each version instead.
 * - signer: one per signature on the current version; type from the v3 ParticipationType-like
 *   'contractsignertypecodes' (PAT patient, AUT author); signature.type ISO-ASTM E1762-95 (consent / author).
 * Pure: the caller passes everything in.
 */
import type { Contract } from '@medplum/fhirtypes';

export const PAINPATH_AGREEMENT_SHA256_SYSTEM = 'https://painpath.org/fhir/agreement-text-sha256';

export interface ContractInput {
  id: string;
  patientId: string;
  status: 'awaiting-both' | 'awaiting-patient' | 'awaiting-clinician' | 'signed';
  reviewDate: string;
  title: string;
  current: {
    number: number;
    text: string;
    textHash: string;
    createdAt: string;
    signatures: { signerRole: 'patient' | 'clinician'; signerName: string; signedAt: string; signerUserId?: string }[];
  };
  versions: { number: number; textHash: string }[];
}

const SIGNER_TYPE = 'http://terminology.hl7.org/CodeSystem/contractsignertypecodes';
const SIGNATURE_TYPE = 'urn:iso-astm:E1762-95:2013';

export function toFhirContract(input: ContractInput): Contract {
  const c = input.current;
  return {
    resourceType: 'Contract',
    id: input.id,
    version: String(c.number),
    status: input.status === 'signed' ? 'executed' : 'offered',
    title: input.title,
    subject: [{ reference: `Patient/${input.patientId}` }],
    issued: c.createdAt,
    applies: { start: c.createdAt, end: input.reviewDate },
    identifier: input.versions.map((v) => ({ system: PAINPATH_AGREEMENT_SHA256_SYSTEM, value: `${v.number}:${v.textHash}` })),
    signer: c.signatures.map((s) => ({
      type: { system: SIGNER_TYPE, code: s.signerRole === 'patient' ? 'PAT' : 'AUT', display: s.signerRole === 'patient' ? 'Patient' : 'Author' },
      party: s.signerRole === 'patient' ? { reference: `Patient/${input.patientId}`, display: s.signerName } : { display: s.signerName },
      signature: [
        {
          type: [
            s.signerRole === 'patient'
              ? { system: SIGNATURE_TYPE, code: '1.2.840.10065.1.12.1.7', display: 'Consent Signature' }
              : { system: SIGNATURE_TYPE, code: '1.2.840.10065.1.12.1.1', display: "Author's Signature" },
          ],
          when: s.signedAt,
          who: { display: s.signerName },
          data: Buffer.from(c.textHash, 'utf8').toString('base64'),
        },
      ],
    })),
    legallyBindingAttachment: {
      contentType: 'text/markdown; charset=utf-8',
      language: 'en',
      data: Buffer.from(c.text, 'utf8').toString('base64'),
      title: `${input.title} (version ${c.number})`,
      creation: c.createdAt,
    },
  };
}
