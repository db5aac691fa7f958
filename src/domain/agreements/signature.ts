/**
 * Signature hashing: what exactly was signed. Source: issue 3 ("Every version is kept with who signed what and
 * when (a hash of the exact text signed)").
 *
 * Canonical form (stated so anyone can recompute the hash):
 * 1. Unicode NFC normalisation.
 * 2. Line endings CRLF and CR become LF.
 * 3. Trailing spaces and tabs at the end of each line are removed.
 * 4. Leading and trailing blank lines are removed, and the text ends with exactly one LF.
 * Everything else (inner spacing, case, punctuation, blank lines between paragraphs) is part of the text.
 * The hash is SHA-256 of the UTF-8 bytes of the canonical form, written as 64 lowercase hex digits.
 */
import { createHash } from 'node:crypto';

export const SIGNATURE_HASH_ALGORITHM = 'SHA-256 of the UTF-8 canonical text (NFC, LF line ends, no trailing spaces, one final LF)';

export function canonicalAgreementText(text: string): string {
  const lines = text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/, ''));
  while (lines.length > 0 && lines[0] === '') lines.shift();
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return `${lines.join('\n')}\n`;
}

export function agreementTextHash(text: string): string {
  return createHash('sha256').update(canonicalAgreementText(text), 'utf8').digest('hex');
}
