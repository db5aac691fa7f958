/** Shapes the coordination API answers with (referrals, waits, social needs, workspace, huddles). */
export interface ReferralStep {
  step: string;
  label: string;
  dueDate: string;
  overdue: boolean;
  daysInStep: number;
  daysOverdue: number;
  setting: string;
}

export interface BridgePlan {
  items: { kind: 'activity' | 'sleep' | 'self-care' | 'medicines'; text: string }[];
  callUsIf: string;
}

export interface Referral {
  id: string;
  patientId: string;
  service: string;
  serviceLabel: string;
  receivingProvider: string | null;
  urgency: string;
  reason: string;
  question: string;
  handoff: boolean;
  status: string;
  statusLabel: string;
  open: boolean;
  sentDate: string;
  statusDate: string;
  appointmentDate: string | null;
  declineReason: string | null;
  expectedWaitDays: number | null;
  expectedWaitSource: string;
  step: ReferralStep | null;
  handoffState: { referringActive: boolean; receivingActive: boolean; complete: boolean; explanation: string };
  attachments: { kind: string; ref: string; label: string; href: string | null; pdfHref: string | null }[];
  bridgePlan: BridgePlan | null;
  history: { status: string; statusLabel: string; date: string; appointmentDate: string | null; note: string | null; recordedAt: string }[];
  version: number;
}

export interface ReferralList {
  items: Referral[];
  hiddenRestricted: number;
}

export interface ServiceWait {
  service: string;
  label: string;
  entered: { days: number; note: string | null; enteredAt: string; version: number } | null;
  learned: { days: number | null; samples: number; method: string };
  current: { days: number | null; source: string; explanation: string; issues: { code: string; message: string }[] };
  bridgePlan: { required: boolean; reason: string; setting: string };
}

export interface SocialNeed {
  id: string;
  kind: string;
  label: string;
  active: boolean;
  note: string | null;
  version: number;
  updatedAt: string;
}

export interface NeedSuggestion {
  code: string;
  need: string;
  contexts: string[];
  suggestion: string;
  why: string;
}

export interface WaitingItem {
  kind: 'referral' | 'task' | 'coverage' | 'appointment' | 'no-contact';
  text: string;
  waitingOn: string;
  overdue: boolean;
  days: number | null;
  link: string | null;
}

export interface Workspace {
  scope: string;
  noContactWeeks: number;
  setting: string;
  counts: { patients: number; openReferrals: number; overdueReferralSteps: number; overdueTasks: number; coverageWarnings: number; noContact: number; socialNeeds: Record<string, number> };
  rows: { patient: { id: string; name: string; mrn: string }; items: WaitingItem[]; socialNeeds: string[]; lastContactAt: string | null }[];
}

export interface HuddleDue {
  setting: string;
  sources: string[];
  items: { patientId: string; patient: { id: string; name: string; mrn: string }; reasons: { kind: string; detail: string }[]; recentlyDiscussed: boolean; lastDiscussed: string | null }[];
}

export interface Huddle {
  id: string;
  title: string;
  heldOn: string;
}

export interface HuddleDetail extends Huddle {
  hiddenNotes: number;
  notes: { id: string; patient: { id: string; name: string }; note: string; decisions: { text: string; taskId: string; status: string; assigneeName: string | null; dueAt: string | null }[]; createdAt: string }[];
}

export interface StaffMember {
  id: string;
  displayName: string;
  role: string;
}
