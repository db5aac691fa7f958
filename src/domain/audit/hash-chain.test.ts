import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { AuditEventInput, ChainedAuditEvent, ChainHead } from './hash-chain';
import {
  GENESIS_HASH,
  GENESIS_HEAD,
  canonicalAuditPayload,
  chainAuditEvents,
  computeAuditHash,
  verifyAuditChain,
} from './hash-chain';

const buildEvent = (overrides: Partial<AuditEventInput> = {}): AuditEventInput => ({
  orgId: 'org-1',
  patientId: 'patient-1',
  actorType: 'user',
  actorId: 'user-1',
  actorName: 'Dana Rivera',
  action: 'read',
  resourceType: 'Patient',
  resourceId: 'patient-1',
  reason: null,
  ip: '203.0.113.7',
  userAgent: 'Mozilla/5.0',
  requestId: 'req-1',
  occurredAt: '2025-03-10T12:00:00.000Z',
  ...overrides,
});

const inputs: AuditEventInput[] = [
  buildEvent(),
  buildEvent({ action: 'update', requestId: 'req-2', occurredAt: '2025-03-10T12:01:00.000Z' }),
  buildEvent({ actorType: 'api-token', actorId: 'token-1', actorName: null, action: 'search', resourceId: null }),
  buildEvent({ action: 'break-glass', reason: 'Seen in the emergency department, unconscious', patientId: 'patient-2' }),
  buildEvent({ actorType: 'anonymous', actorId: null, actorName: null, orgId: null, patientId: null, action: 'login', resourceType: 'Session' }),
];
const { events: chain, head: fullHead } = chainAuditEvents(GENESIS_HEAD, inputs);

describe('GENESIS_HASH', () => {
  it('is 64 zeros', () => {
    expect(GENESIS_HASH).toBe('0000000000000000000000000000000000000000000000000000000000000000');
  });
});

describe('canonicalAuditPayload', () => {
  it('is sorted JSON with every field present and no whitespace', () => {
    expect(canonicalAuditPayload(7, buildEvent())).toBe(
      '{"action":"read","actorId":"user-1","actorName":"Dana Rivera","actorType":"user","ip":"203.0.113.7",' +
        '"occurredAt":"2025-03-10T12:00:00.000Z","orgId":"org-1","patientId":"patient-1","reason":null,' +
        '"requestId":"req-1","resourceId":"patient-1","resourceType":"Patient","seq":7,"userAgent":"Mozilla/5.0"}',
    );
  });

  it('does not depend on the order of keys in the event', () => {
    const event = buildEvent();
    const reversed = Object.fromEntries(Object.entries(event).reverse()) as unknown as AuditEventInput;
    expect(Object.keys(reversed)[0]).toBe('occurredAt');
    expect(canonicalAuditPayload(1, reversed)).toBe(canonicalAuditPayload(1, event));
  });

  it('writes absent fields as null and ignores properties that are not hashed', () => {
    const sparse = { actorType: 'system', action: 'verify', resourceType: 'AuditLog', occurredAt: '2025-03-10T00:00:00Z' };
    const withExtras = { ...sparse, hash: 'x', prevHash: 'y', seq: 99, id: 'row-1' };
    const expected =
      '{"action":"verify","actorId":null,"actorName":null,"actorType":"system","ip":null,' +
      '"occurredAt":"2025-03-10T00:00:00Z","orgId":null,"patientId":null,"reason":null,"requestId":null,' +
      '"resourceId":null,"resourceType":"AuditLog","seq":1,"userAgent":null}';
    expect(canonicalAuditPayload(1, sparse as unknown as AuditEventInput)).toBe(expected);
    expect(canonicalAuditPayload(1, withExtras as unknown as AuditEventInput)).toBe(expected);
  });

  it.each([0, -1, 1.5, Number.NaN])('throws for seq %s (a programmer error)', (seq) => {
    expect(() => canonicalAuditPayload(seq, buildEvent())).toThrow(RangeError);
  });
});

describe('computeAuditHash', () => {
  it('is sha256 hex of prevHash, a newline and the canonical payload', () => {
    const expected = createHash('sha256')
      .update(`${GENESIS_HASH}\n${canonicalAuditPayload(1, buildEvent())}`)
      .digest('hex');
    expect(computeAuditHash(GENESIS_HASH, 1, buildEvent())).toBe(expected);
    expect(expected).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('chainAuditEvents', () => {
  it('numbers events from the head and links each to the one before', () => {
    expect(chain.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(chain[0]?.prevHash).toBe(GENESIS_HASH);
    for (let i = 1; i < chain.length; i += 1) expect(chain[i]?.prevHash).toBe(chain[i - 1]?.hash);
    expect(chain[2]?.hash).toBe(computeAuditHash(chain[1]?.hash ?? '', 3, inputs[2] as AuditEventInput));
    expect(fullHead).toEqual({ lastSeq: 5, lastHash: chain[4]?.hash });
    expect(new Set(chain.map((e) => e.hash)).size).toBe(5);
  });

  it('continues an existing chain exactly as one pass would', () => {
    const first = chainAuditEvents(GENESIS_HEAD, inputs.slice(0, 2));
    const second = chainAuditEvents(first.head, inputs.slice(2));
    expect([...first.events, ...second.events]).toEqual(chain);
    expect(second.head).toEqual(fullHead);
  });

  it('returns the same head for no events', () => {
    expect(chainAuditEvents(fullHead, [])).toEqual({ events: [], head: fullHead });
  });
});

describe('verifyAuditChain', () => {
  it('verifies an intact chain', () => {
    expect(verifyAuditChain(chain, GENESIS_HEAD)).toEqual({ ok: true, checked: 5, firstBroken: null, head: fullHead });
  });

  it('verifies an empty page as ok with the start head', () => {
    expect(verifyAuditChain([], fullHead)).toEqual({ ok: true, checked: 0, firstBroken: null, head: fullHead });
  });

  const fieldChanges: [keyof AuditEventInput, string | null][] = [
    ['orgId', 'org-2'],
    ['patientId', 'patient-9'],
    ['actorType', 'system'],
    ['actorId', 'user-2'],
    ['actorName', 'Someone Else'],
    ['action', 'delete'],
    ['resourceType', 'Task'],
    ['resourceId', 'task-1'],
    ['reason', 'edited afterwards'],
    ['ip', '198.51.100.1'],
    ['userAgent', 'curl/8'],
    ['requestId', 'req-999'],
    ['occurredAt', '2025-03-10T12:00:00.001Z'],
  ];
  const cases = fieldChanges.flatMap(([field, value]) => [0, 2, 4].map((index) => [field, value, index] as const));

  it.each(cases)('detects a change to %s (to %j) of event index %i as hash-mismatch at its seq', (field, value, index) => {
    const tampered: ChainedAuditEvent[] = chain.map((e, i) => (i === index ? { ...e, [field]: value } : { ...e }));
    expect(tampered[index]?.[field]).not.toBe(chain[index]?.[field]);
    expect(verifyAuditChain(tampered, GENESIS_HEAD)).toEqual({
      ok: false,
      checked: index,
      firstBroken: { seq: index + 1, problem: 'hash-mismatch' },
      head: index === 0 ? GENESIS_HEAD : { lastSeq: index, lastHash: chain[index - 1]?.hash },
    });
  });

  it('detects a changed null field (reason set where there was none)', () => {
    const tampered = chain.map((e) => ({ ...e }));
    (tampered[1] as ChainedAuditEvent).reason = '';
    expect(verifyAuditChain(tampered, GENESIS_HEAD).firstBroken).toEqual({ seq: 2, problem: 'hash-mismatch' });
  });

  it('detects a replaced stored hash at that event', () => {
    const tampered = chain.map((e, i) => (i === 3 ? { ...e, hash: 'f'.repeat(64) } : e));
    expect(verifyAuditChain(tampered, GENESIS_HEAD).firstBroken).toEqual({ seq: 4, problem: 'hash-mismatch' });
  });

  it('detects a removed event as a sequence gap', () => {
    const removed = chain.filter((e) => e.seq !== 3);
    expect(verifyAuditChain(removed, GENESIS_HEAD)).toEqual({
      ok: false,
      checked: 2,
      firstBroken: { seq: 4, problem: 'sequence-gap' },
      head: { lastSeq: 2, lastHash: chain[1]?.hash },
    });
  });

  it('detects a removed event even when the later seq numbers are rewritten to close the gap', () => {
    // Remove event 3 and renumber 4 and 5 down: seq is continuous but the links no longer match.
    const renumbered = chain.filter((e) => e.seq !== 3).map((e) => (e.seq > 3 ? { ...e, seq: e.seq - 1 } : e));
    expect(verifyAuditChain(renumbered, GENESIS_HEAD).firstBroken).toEqual({ seq: 3, problem: 'prev-hash-mismatch' });
  });

  it('detects a duplicated event as a sequence gap', () => {
    const duplicated = [...chain.slice(0, 3), chain[2] as ChainedAuditEvent, ...chain.slice(3)];
    expect(verifyAuditChain(duplicated, GENESIS_HEAD).firstBroken).toEqual({ seq: 3, problem: 'sequence-gap' });
  });

  it('detects two events swapped and renumbered as prev-hash-mismatch', () => {
    const at = (i: number): ChainedAuditEvent => chain[i] as ChainedAuditEvent;
    const reordered = [at(0), at(1), { ...at(3), seq: 3 }, { ...at(2), seq: 4 }, at(4)];
    expect(verifyAuditChain(reordered, GENESIS_HEAD).firstBroken).toEqual({ seq: 3, problem: 'prev-hash-mismatch' });
  });

  it('detects an event relinked to a forged predecessor even when its own hash is recomputed', () => {
    const forgedPrev = 'a'.repeat(64);
    const tampered = chain.map((e) =>
      e.seq === 4 ? { ...e, prevHash: forgedPrev, hash: computeAuditHash(forgedPrev, 4, e) } : e,
    );
    expect(verifyAuditChain(tampered, GENESIS_HEAD).firstBroken).toEqual({ seq: 4, problem: 'prev-hash-mismatch' });
  });

  it('detects a wrong start head as prev-hash-mismatch on the first event', () => {
    expect(verifyAuditChain(chain.slice(2), { lastSeq: 2, lastHash: chain[0]?.hash ?? '' }).firstBroken).toEqual({
      seq: 3,
      problem: 'prev-hash-mismatch',
    });
  });

  it.each([1, 2, 3, 4])('verifying in two pages split after %i events equals one pass', (split) => {
    const first = verifyAuditChain(chain.slice(0, split), GENESIS_HEAD);
    const second = verifyAuditChain(chain.slice(split), first.head);
    expect(first).toEqual({ ok: true, checked: split, firstBroken: null, head: { lastSeq: split, lastHash: chain[split - 1]?.hash } });
    expect(second).toEqual({ ok: true, checked: 5 - split, firstBroken: null, head: fullHead });
  });

  it('reports a break in the second page at the same seq as one pass', () => {
    const tampered = chain.map((e) => (e.seq === 4 ? { ...e, action: 'delete' } : e));
    const first = verifyAuditChain(tampered.slice(0, 2), GENESIS_HEAD);
    const second = verifyAuditChain(tampered.slice(2), first.head);
    expect(second.firstBroken).toEqual(verifyAuditChain(tampered, GENESIS_HEAD).firstBroken);
    expect(second.firstBroken).toEqual({ seq: 4, problem: 'hash-mismatch' });
    expect(first.checked + second.checked).toBe(3);
  });

  it('stops reading at the first broken link (streams lazily)', () => {
    let read = 0;
    const tampered = chain.map((e) => (e.seq === 2 ? { ...e, ip: null } : e));
    function* stream(): Generator<ChainedAuditEvent> {
      for (const e of tampered) {
        read += 1;
        yield e;
      }
    }
    expect(verifyAuditChain(stream(), GENESIS_HEAD).firstBroken).toEqual({ seq: 2, problem: 'hash-mismatch' });
    expect(read).toBe(2);
  });

  it('accepts a start head it was given without changing it', () => {
    const start: ChainHead = { lastSeq: 3, lastHash: chain[2]?.hash ?? '' };
    verifyAuditChain(chain.slice(3), start);
    expect(start).toEqual({ lastSeq: 3, lastHash: chain[2]?.hash });
  });
});
