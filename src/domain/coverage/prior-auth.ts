/**
 * Prior authorisation: states, transitions and what each transition needs.
 * Source: issue 4 "Coverage" (prior authorisations requested, approved, denied, appealed, with dates and
 * documents) and PRODUCT.md capability 9.
 *
 * Transitions (anything else is rejected with `prior-auth.invalid-transition`):
 *   requested → approved | denied
 *   denied    → appealed            (an appeal can follow every denial: payers have several appeal levels)
 *   appealed  → approved | denied
 *   approved is final for this record; a new period is a new request.
 * Each transition is dated (not before the previous event), may carry documents, and:
 * - approved needs authorised units (≥ 1) and a date range (end not before start);
 * - denied needs a reason.
 */
import type { Issue } from '../issues';
import { error } from '../issues';
import { isIsoDate } from './dates';

export const PRIOR_AUTH_STATUSES = ['requested', 'approved', 'denied', 'appealed'] as const;
export type PriorAuthStatus = (typeof PRIOR_AUTH_STATUSES)[number];

export const PRIOR_AUTH_TRANSITIONS: Record<PriorAuthStatus, readonly PriorAuthStatus[]> = {
  requested: ['approved', 'denied'],
  denied: ['appealed'],
  appealed: ['approved', 'denied'],
  approved: [],
};

export interface PriorAuthDocument {
  title: string;
  /** Where the document is: a reference number, a file name or a link. */
  reference: string;
}

export interface PriorAuthEvent {
  status: PriorAuthStatus;
  date: string;
  by: string;
  note: string | null;
  documents: PriorAuthDocument[];
}

export interface PriorAuthState {
  status: PriorAuthStatus;
  authorisedUnits: number | null;
  startDate: string | null;
  endDate: string | null;
  history: PriorAuthEvent[];
}

export interface PriorAuthTransition {
  to: PriorAuthStatus;
  date: string;
  by: string;
  note?: string | null;
  documents?: PriorAuthDocument[];
  authorisedUnits?: number | null;
  startDate?: string | null;
  endDate?: string | null;
}

export function canTransition(from: PriorAuthStatus, to: PriorAuthStatus): boolean {
  return PRIOR_AUTH_TRANSITIONS[from].includes(to);
}

/** The first state of a new authorisation request. */
export function requestPriorAuth(date: string, by: string, note: string | null, documents: PriorAuthDocument[]): PriorAuthState {
  return { status: 'requested', authorisedUnits: null, startDate: null, endDate: null, history: [{ status: 'requested', date, by, note, documents }] };
}

/** Applies a transition; returns the new state, or every problem found (the state is then unchanged). */
export function transitionPriorAuth(state: PriorAuthState, t: PriorAuthTransition): { state: PriorAuthState; issues: Issue[] } {
  const issues: Issue[] = [];
  if (!canTransition(state.status, t.to)) {
    const allowed = PRIOR_AUTH_TRANSITIONS[state.status];
    const next = allowed.length > 0 ? `it can move to ${allowed.join(' or ')}` : 'it is final';
    issues.push(error('prior-auth.invalid-transition', `An authorisation that is ${state.status} cannot become ${t.to}; ${next}.`, 'to'));
  }
  if (!isIsoDate(t.date)) issues.push(error('prior-auth.date', 'The date must be a calendar date (YYYY-MM-DD).', 'date'));
  const last = state.history[state.history.length - 1];
  if (last && isIsoDate(t.date) && t.date < last.date) {
    issues.push(error('prior-auth.date-before-previous', `The date cannot be before the previous step (${last.date}).`, 'date'));
  }
  if (t.to === 'approved') {
    if (t.authorisedUnits == null || t.authorisedUnits < 1) {
      issues.push(error('prior-auth.units-required', 'An approval needs the number of authorised visits (1 or more).', 'authorisedUnits'));
    }
    if (t.startDate == null || !isIsoDate(t.startDate)) issues.push(error('prior-auth.start-required', 'An approval needs its first covered date.', 'startDate'));
    if (t.endDate == null || !isIsoDate(t.endDate)) issues.push(error('prior-auth.end-required', 'An approval needs its last covered date.', 'endDate'));
    if (t.startDate != null && t.endDate != null && isIsoDate(t.startDate) && isIsoDate(t.endDate) && t.endDate < t.startDate) {
      issues.push(error('prior-auth.end-before-start', 'The last covered date cannot be before the first.', 'endDate'));
    }
  }
  if (t.to === 'denied' && (t.note == null || t.note.trim() === '')) {
    issues.push(error('prior-auth.reason-required', 'A denial needs the reason the payer gave.', 'note'));
  }
  if (issues.length > 0) return { state, issues };
  const event: PriorAuthEvent = { status: t.to, date: t.date, by: t.by, note: t.note?.trim() || null, documents: t.documents ?? [] };
  const approved = t.to === 'approved';
  return {
    state: {
      status: t.to,
      authorisedUnits: approved ? (t.authorisedUnits ?? null) : state.authorisedUnits,
      startDate: approved ? (t.startDate ?? null) : state.startDate,
      endDate: approved ? (t.endDate ?? null) : state.endDate,
      history: [...state.history, event],
    },
    issues,
  };
}
