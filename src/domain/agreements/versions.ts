/**
 * Versions and signatures of a patient's agreement. Source: issue 3 ("Every version is kept with who signed
 * what and when ... a revised version is a new conversation, not a silent edit"); PRODUCT.md capability 7.
 *
 * Rules:
 * - A version's text never changes after it is created. A change of text is a new version (number + 1)
 *   with its own hash; the earlier version and its signatures are kept as they were.
 * - A new version starts with no signatures: the patient and a clinician sign it again, after talking it
 *   over (the reason for the change is required and shown to the patient).
 * - Text identical to the current version (same canonical hash) is not a new version.
 * - A signature names the version number AND the hash of the text the signer saw; if either is not the
 *   current version's, the signature is rejected ('agreement.version-replaced', 'agreement.text-changed').
 * - Each side signs a version once. The agreement is in force ('signed') when both sides signed the current version.
 * - The review date is a calendar date after today and at most AGREEMENT_VERSION_SETTINGS.maxReviewMonths ahead.
 */
import type { Issue } from '../issues';
import { error } from '../issues';

export const SIGNER_ROLES = ['patient', 'clinician'] as const;
export type SignerRole = (typeof SIGNER_ROLES)[number];

export const AGREEMENT_STATUSES = ['awaiting-both', 'awaiting-patient', 'awaiting-clinician', 'signed'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

export const AGREEMENT_VERSION_SETTINGS = {
  version: 'agreements-2026-12',
  /** Furthest review date. A yearly look at the agreement matches the yearly urine test in CDC 2022 [S]; a
   *  clinic may review sooner (long-term opioid follow-up is at least every 3 months, CDC 2022 [V]). */
  maxReviewMonths: 12,
} as const;

export interface VersionFacts {
  number: number;
  textHash: string;
}

export interface SignatureFacts {
  versionNumber: number;
  signerRole: SignerRole;
}

export function agreementStatus(current: VersionFacts, signatures: readonly SignatureFacts[]): AgreementStatus {
  const mine = signatures.filter((s) => s.versionNumber === current.number);
  const patient = mine.some((s) => s.signerRole === 'patient');
  const clinician = mine.some((s) => s.signerRole === 'clinician');
  if (patient && clinician) return 'signed';
  if (patient) return 'awaiting-clinician';
  if (clinician) return 'awaiting-patient';
  return 'awaiting-both';
}

export interface SignatureAttempt {
  signerRole: SignerRole;
  /** The version the signer read. */
  versionNumber: number;
  /** The hash of the text the signer read (sent by the page that showed it). */
  textHash: string;
}

export function checkSignature(current: VersionFacts, signatures: readonly SignatureFacts[], attempt: SignatureAttempt): Issue[] {
  const issues: Issue[] = [];
  if (attempt.versionNumber !== current.number) {
    issues.push(error('agreement.version-replaced', `Version ${attempt.versionNumber} has been replaced by version ${current.number}. Read the new version before signing.`, 'versionNumber'));
  } else if (attempt.textHash !== current.textHash) {
    issues.push(error('agreement.text-changed', 'The text you read is not the text of this version. Reload and read it again before signing.', 'textHash'));
  }
  if (issues.length === 0 && signatures.some((s) => s.versionNumber === current.number && s.signerRole === attempt.signerRole)) {
    issues.push(error('agreement.already-signed', attempt.signerRole === 'patient' ? 'The patient has already signed this version.' : 'A clinician has already signed this version.', 'versionNumber'));
  }
  return issues;
}

export interface RevisionPlan {
  number: number;
  textHash: string;
}

/** A new version from new text: never an edit of the current one. */
export function planRevision(current: VersionFacts, newTextHash: string, reason: string): { plan: RevisionPlan } | { issues: Issue[] } {
  const issues: Issue[] = [];
  if (reason.trim() === '') issues.push(error('agreement.revision-reason-required', 'Say what changed and why, so you can talk it over with the patient.', 'reason'));
  if (newTextHash === current.textHash) issues.push(error('agreement.revision-unchanged', 'The text is the same as the current version. Nothing to sign again.', 'text'));
  return issues.length > 0 ? { issues } : { plan: { number: current.number + 1, textHash: newTextHash } };
}

function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

/** `today` is the clinic's calendar date (YYYY-MM-DD), derived by the caller from asOf. */
export function checkReviewDate(reviewDate: string, today: string): Issue[] {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(reviewDate) || Number.isNaN(Date.parse(`${reviewDate}T00:00:00Z`))) {
    return [error('agreement.review-date-invalid', 'Give the review date as a calendar date.', 'reviewDate')];
  }
  if (reviewDate <= today) return [error('agreement.review-date-past', 'Choose a review date after today.', 'reviewDate')];
  const latest = addMonths(today, AGREEMENT_VERSION_SETTINGS.maxReviewMonths);
  if (reviewDate > latest) {
    return [error('agreement.review-date-too-far', `Choose a review date within ${AGREEMENT_VERSION_SETTINGS.maxReviewMonths} months (by ${latest}; setting ${AGREEMENT_VERSION_SETTINGS.version}).`, 'reviewDate')];
  }
  return [];
}
