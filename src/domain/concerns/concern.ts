/**
 * Concerns, not violations: events that call for a conversation and a plan. Source: issue 3 ("Concerns, not
 * violations"); PRODUCT.md capability 7 ("there is no automatic discharge"); CDC 2022 (clinical-facts §2.1:
 * "Do not abandon patients; do not dismiss for PDMP or toxicology results" [V]; offer treatment for opioid use
 * disorder, Rec 12 [V]); seed article 001 ("Document clinical reasoning, not just 'contract violation = (language-scan: allow, quoting the article)
 * discharge'").
 *
 * State machine (status: 'open' | 'closed'):
 * - record            → open, with kind, date and what happened.
 * - add-conversation  → open stays open; the conversation (when, with whom, what was said) is kept. Allowed
 *                       while open; a later conversation is added, never replaces an earlier one.
 * - set-plan          → open stays open; the plan is one or more PLAN_ACTIONS plus details ('other' needs details).
 * - close             → closed, only when at least one conversation AND a plan exist; otherwise rejected with
 *                       every missing part listed ('concern.conversation-missing', 'concern.plan-missing').
 * - reopen            → open again (something new came up); the history stays.
 * There is deliberately no action that ends care, discharges, or stops a medicine: PLAN_ACTIONS lists only
 * supportive steps, and a gradual taper (never an abrupt stop) is the only medicine change offered.
 */
import type { Issue } from '../issues';
import { error } from '../issues';

export const CONCERN_KINDS = ['early-refill-request', 'lost-prescription', 'unexpected-urine-test-result', 'pdmp-finding', 'missed-visit', 'other'] as const;
export type ConcernKind = (typeof CONCERN_KINDS)[number];

export const CONCERN_KIND_LABELS: Record<ConcernKind, string> = {
  'early-refill-request': 'Early refill request',
  'lost-prescription': 'Lost or stolen prescription',
  'unexpected-urine-test-result': 'Unexpected urine test result',
  'pdmp-finding': 'PDMP finding',
  'missed-visit': 'Missed visit',
  other: 'Something else',
};

export const PLAN_ACTIONS = [
  'more-frequent-visits',
  'pharmacy-support',
  'check-other-prescriber',
  'repeat-or-confirm-test',
  'referral-behavioural-health',
  'offer-oud-treatment',
  'naloxone-offered',
  'gradual-taper-discussed',
  'medication-review',
  'other',
] as const;
export type PlanAction = (typeof PLAN_ACTIONS)[number];

export const PLAN_ACTION_LABELS: Record<PlanAction, string> = {
  'more-frequent-visits': 'More frequent visits for a while',
  'pharmacy-support': 'Pharmacy support (for example, smaller fills or blister packs)',
  'check-other-prescriber': 'Check for a prescription from another prescriber we did not know about',
  'repeat-or-confirm-test': 'Confirm the test result with the lab',
  'referral-behavioural-health': 'Referral to behavioural health or counselling',
  'offer-oud-treatment': 'Offer treatment for opioid use disorder',
  'naloxone-offered': 'Naloxone offered',
  'gradual-taper-discussed': 'A gradual taper discussed together (never an abrupt stop)',
  'medication-review': 'Medication review with the pharmacist',
  other: 'Something else (describe it)',
};

export type ConcernStatus = 'open' | 'closed';

export interface Conversation {
  heldOn: string;
  withWhom: string;
  summary: string;
  recordedBy: string;
}

export interface ConcernPlan {
  actions: PlanAction[];
  details: string;
  recordedBy: string;
}

export interface ConcernState {
  status: ConcernStatus;
  conversations: readonly Conversation[];
  plan: ConcernPlan | null;
}

export type ConcernEvent =
  | { type: 'add-conversation'; conversation: Conversation }
  | { type: 'set-plan'; plan: ConcernPlan }
  | { type: 'close' }
  | { type: 'reopen' };

export function isConcernKind(value: string): value is ConcernKind {
  return (CONCERN_KINDS as readonly string[]).includes(value);
}

/** What is still missing before a concern can be closed (empty = it can close). */
export function missingBeforeClose(state: ConcernState): Issue[] {
  const issues: Issue[] = [];
  if (state.conversations.length === 0) issues.push(error('concern.conversation-missing', 'Record the conversation you had with the patient about this.', 'conversation'));
  if (state.plan === null || state.plan.actions.length === 0) issues.push(error('concern.plan-missing', 'Record the plan you agreed (for example, more frequent visits or pharmacy support).', 'plan'));
  return issues;
}

function checkConversation(c: Conversation): Issue[] {
  const issues: Issue[] = [];
  if (c.summary.trim() === '') issues.push(error('concern.conversation-summary-required', 'Write what you talked about.', 'conversation.summary'));
  if (c.withWhom.trim() === '') issues.push(error('concern.conversation-with-required', 'Say who took part.', 'conversation.withWhom'));
  if (!/^\d{4}-\d{2}-\d{2}$/.test(c.heldOn)) issues.push(error('concern.conversation-date-invalid', 'Give the date of the conversation.', 'conversation.heldOn'));
  return issues;
}

function checkPlan(p: ConcernPlan): Issue[] {
  const issues: Issue[] = [];
  if (p.actions.length === 0) issues.push(error('concern.plan-actions-required', 'Choose at least one step of the plan.', 'plan.actions'));
  if (new Set(p.actions).size !== p.actions.length) issues.push(error('concern.plan-action-repeated', 'Each step can be chosen once.', 'plan.actions'));
  if (p.actions.includes('other') && p.details.trim() === '') issues.push(error('concern.plan-details-required', 'Describe the step you chose as "something else".', 'plan.details'));
  return issues;
}

/** Applies one event; returns the next state or the issues that prevent it. */
export function applyConcernEvent(state: ConcernState, event: ConcernEvent): { state: ConcernState } | { issues: Issue[] } {
  switch (event.type) {
    case 'add-conversation': {
      if (state.status === 'closed') return { issues: [error('concern.closed', 'This concern is closed. Reopen it to add to it.')] };
      const issues = checkConversation(event.conversation);
      return issues.length > 0 ? { issues } : { state: { ...state, conversations: [...state.conversations, event.conversation] } };
    }
    case 'set-plan': {
      if (state.status === 'closed') return { issues: [error('concern.closed', 'This concern is closed. Reopen it to add to it.')] };
      const issues = checkPlan(event.plan);
      return issues.length > 0 ? { issues } : { state: { ...state, plan: event.plan } };
    }
    case 'close': {
      if (state.status === 'closed') return { issues: [error('concern.already-closed', 'This concern is already closed.')] };
      const issues = missingBeforeClose(state);
      return issues.length > 0 ? { issues } : { state: { ...state, status: 'closed' } };
    }
    case 'reopen':
      if (state.status === 'open') return { issues: [error('concern.already-open', 'This concern is already open.')] };
      return { state: { ...state, status: 'open' } };
    default: {
      const never: never = event;
      throw new Error(`unknown concern event ${JSON.stringify(never)}`);
    }
  }
}
