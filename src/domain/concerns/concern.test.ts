import { describe, expect, it } from 'vitest';
import { applyConcernEvent, CONCERN_KIND_LABELS, missingBeforeClose, PLAN_ACTION_LABELS, PLAN_ACTIONS, type ConcernEvent, type ConcernState } from './concern';

const talk = { heldOn: '2026-12-01', withWhom: 'Patient and Dr. Shah', summary: 'Talked about the early refill.', recordedBy: 'u1' };
const plan = { actions: ['more-frequent-visits' as const], details: 'Visits every 2 weeks for 2 months.', recordedBy: 'u1' };
const open: ConcernState = { status: 'open', conversations: [], plan: null };
const talked: ConcernState = { ...open, conversations: [talk] };
const planned: ConcernState = { ...open, plan };
const ready: ConcernState = { ...open, conversations: [talk], plan };
const closed: ConcernState = { ...ready, status: 'closed' };

const codes = (r: ReturnType<typeof applyConcernEvent>): string[] => ('issues' in r ? r.issues.map((i) => i.code) : []);

describe('closing a concern needs a conversation and a plan', () => {
  it.each<[string, ConcernState, string[]]>([
    ['nothing recorded', open, ['concern.conversation-missing', 'concern.plan-missing']],
    ['only a conversation', talked, ['concern.plan-missing']],
    ['only a plan', planned, ['concern.conversation-missing']],
    ['a plan with no steps', { ...talked, plan: { ...plan, actions: [] } }, ['concern.plan-missing']],
    ['both', ready, []],
  ])('%s', (_name, state, expected) => {
    expect(missingBeforeClose(state).map((i) => i.code)).toEqual(expected);
    const result = applyConcernEvent(state, { type: 'close' });
    if (expected.length === 0) expect(result).toEqual({ state: { ...state, status: 'closed' } });
    else expect(codes(result)).toEqual(expected);
  });
});

describe('every transition', () => {
  it.each<[string, ConcernState, ConcernEvent, string[] | ConcernState['status']]>([
    ['conversation on an open concern', open, { type: 'add-conversation', conversation: talk }, 'open'],
    ['a second conversation is added, not replacing', talked, { type: 'add-conversation', conversation: { ...talk, heldOn: '2026-12-03' } }, 'open'],
    ['conversation on a closed concern', closed, { type: 'add-conversation', conversation: talk }, ['concern.closed']],
    ['empty conversation', open, { type: 'add-conversation', conversation: { heldOn: 'soon', withWhom: ' ', summary: '', recordedBy: 'u1' } }, ['concern.conversation-summary-required', 'concern.conversation-with-required', 'concern.conversation-date-invalid']],
    ['plan on an open concern', open, { type: 'set-plan', plan }, 'open'],
    ['plan on a closed concern', closed, { type: 'set-plan', plan }, ['concern.closed']],
    ['plan with no steps', open, { type: 'set-plan', plan: { ...plan, actions: [] } }, ['concern.plan-actions-required']],
    ['plan with a repeated step', open, { type: 'set-plan', plan: { ...plan, actions: ['pharmacy-support', 'pharmacy-support'] } }, ['concern.plan-action-repeated']],
    ['"something else" without details', open, { type: 'set-plan', plan: { ...plan, actions: ['other'], details: ' ' } }, ['concern.plan-details-required']],
    ['close twice', closed, { type: 'close' }, ['concern.already-closed']],
    ['reopen a closed concern', closed, { type: 'reopen' }, 'open'],
    ['reopen an open concern', open, { type: 'reopen' }, ['concern.already-open']],
  ])('%s', (_name, state, event, expected) => {
    const result = applyConcernEvent(state, event);
    if (typeof expected === 'string') {
      expect('state' in result && result.state.status).toBe(expected);
    } else expect(codes(result)).toEqual(expected);
  });
  it('keeps earlier conversations', () => {
    const r = applyConcernEvent(talked, { type: 'add-conversation', conversation: { ...talk, heldOn: '2026-12-03' } });
    expect('state' in r && r.state.conversations.map((c) => c.heldOn)).toEqual(['2026-12-01', '2026-12-03']);
  });
});

describe('no discharge path and no stigmatising words', () => {
  const words = [...PLAN_ACTIONS, ...Object.values(PLAN_ACTION_LABELS), ...Object.values(CONCERN_KIND_LABELS)].join(' ').toLowerCase();
  it.each(['discharge', 'dismiss', 'terminate', 'end care', 'violation', 'non-compliant', 'drug-seeking', 'abuse', 'dirty', 'clean', 'stop opioids'])('never offers or says "%s"', (w) => {
    expect(words).not.toContain(w);
  });
  it('offers a gradual taper only as "never an abrupt stop"', () => {
    expect(PLAN_ACTION_LABELS['gradual-taper-discussed']).toMatch(/never an abrupt stop/);
  });
});
