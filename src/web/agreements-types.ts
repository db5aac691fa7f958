/** Shapes of the agreements and concerns API answers (src/server/agreements, src/server/concerns). */
import type { AgreementStatus, SignerRole } from '../domain/agreements/versions';
import type { ConcernKind, PlanAction } from '../domain/concerns/concern';

export interface IssueItem {
  code: string;
  message: string;
  severity: string;
  path?: string;
}

export interface AgreementTemplate {
  id: string;
  name: string;
  body: string;
  readingGrade: number | null;
  maxReadingGrade: number;
  isDefault: boolean;
  issues: IssueItem[];
  version: number;
  updatedBy: string;
  updatedAt: string;
}

export interface TemplateList {
  items: AgreementTemplate[];
  placeholders: { name: string; label: string; required: boolean }[];
}

export interface AgreementSignature {
  signerRole: SignerRole;
  signerName: string;
  signedAt: string;
  textHash: string;
}

export interface AgreementVersion {
  number: number;
  text: string;
  textHash: string;
  readingGrade: number | null;
  goals: string[];
  reason: string | null;
  createdByName: string;
  createdAt: string;
  signatures: AgreementSignature[];
}

export interface AgreementQuestion {
  id: string;
  versionNumber: number;
  question: string;
  askedByName: string;
  askedAt: string;
  answer: string | null;
  answeredByName: string | null;
  answeredAt: string | null;
}

export interface Agreement {
  id: string;
  patientId: string;
  status: AgreementStatus;
  templateId: string | null;
  reviewDate: string;
  reviewTaskId: string | null;
  goalsSource: string;
  maxReadingGrade: number;
  hashAlgorithm: string;
  current: AgreementVersion;
  versions: AgreementVersion[];
  questions: AgreementQuestion[];
  issues: IssueItem[];
  version: number;
  createdAt: string;
}

export interface Concern {
  id: string;
  patientId: string;
  kind: ConcernKind;
  kindLabel: string;
  occurredOn: string;
  details: string;
  status: 'open' | 'closed';
  conversations: { heldOn: string; withWhom: string; summary: string; recordedBy: string }[];
  plan: { actions: PlanAction[]; details: string; recordedBy: string } | null;
  missingBeforeClose: { code: string; message: string }[];
  closedAt: string | null;
  closedBy: string | null;
  createdByName: string;
  version: number;
  createdAt: string;
}

export interface ConcernList {
  items: Concern[];
  kinds: { value: ConcernKind; label: string }[];
  planActions: { value: PlanAction; label: string }[];
}

export const AGREEMENT_STATUS_WORDS: Record<AgreementStatus, string> = {
  'awaiting-both': 'Waiting for both signatures',
  'awaiting-patient': "Waiting for the patient's signature",
  'awaiting-clinician': "Waiting for the clinician's signature",
  signed: 'Signed by both',
};
