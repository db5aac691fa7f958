/** Streams the stored audit log page by page through the pure chain verifier. */
import { GENESIS_HASH, verifyAuditChain, type ChainVerification } from '../../domain/audit/hash-chain';
import type { DbOrTx } from '../../db/client';
import { readAuditPage, readChainHead } from '../../db/repositories/audit.repository';

export interface StoredChainVerification {
  ok: boolean;
  checked: number;
  firstBroken: ChainVerification['firstBroken'];
  /** Whether the recorded head (last seq and hash) matches the last verified event: catches a truncated tail. */
  headMatches: boolean;
}

export async function verifyStoredChain(db: DbOrTx, pageSize = 5000): Promise<StoredChainVerification> {
  const recordedHead = await readChainHead(db);
  let head = { lastSeq: 0, lastHash: GENESIS_HASH };
  let checked = 0;
  for (;;) {
    const page = await readAuditPage(db, head.lastSeq, pageSize);
    if (page.length === 0) break;
    const result = verifyAuditChain(page, head);
    checked += result.checked;
    if (!result.ok) return { ok: false, checked, firstBroken: result.firstBroken, headMatches: false };
    head = result.head;
    if (head.lastSeq >= recordedHead.lastSeq) break;
  }
  const headMatches = head.lastSeq === recordedHead.lastSeq && head.lastHash === recordedHead.lastHash;
  return {
    ok: headMatches,
    checked,
    firstBroken: headMatches ? null : { seq: head.lastSeq + 1, problem: 'sequence-gap' },
    headMatches,
  };
}
