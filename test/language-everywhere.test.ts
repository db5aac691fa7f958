/**
 * "Everywhere" (issue 3, PRODUCT.md capability 8): Painpath's own UI text, demo data, seed notes, docs and
 * code follow the person-first language table. This scans whole directories, so a feature merged later is
 * covered without being listed here, and fails with file:line, the words found and the alternative.
 *
 * Not scanned, on purpose: the term table and checker themselves (src/domain/language, src/server/language)
 * and docs/language.md, which must name the terms to explain them; test files (they type listed terms to
 * prove the checker finds them). A line that must quote a term (a citation) can carry the marker
 * `language-scan: allow` — none needs it today.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLanguage } from '../src/domain/language/terms';

const ROOT = path.resolve(__dirname, '..');
const SCANNED_DIRS = ['src/web', 'src/db/seed', 'src/server', 'src/domain', 'src/fhir', 'docs', 'scripts'];
const SCANNED_FILES = ['README.md'];
const EXTENSIONS = /\.(ts|tsx|html|css|md|json|txt)$/;
const EXCLUDED = [/^src\/domain\/language\//, /^src\/server\/language\//, /^docs\/language\.md$/, /\.test\.tsx?$/];
const ALLOW_MARKER = 'language-scan: allow';

function filesUnder(dir: string): string[] {
  const abs = path.join(ROOT, dir);
  let entries: string[];
  try {
    entries = readdirSync(abs);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const rel = `${dir}/${name}`;
    return statSync(path.join(ROOT, rel)).isDirectory() ? filesUnder(rel) : [rel];
  });
}

export function scannedFiles(): string[] {
  return [...SCANNED_DIRS.flatMap(filesUnder), ...SCANNED_FILES]
    .filter((f) => EXTENSIONS.test(f) && !EXCLUDED.some((re) => re.test(f)))
    .sort();
}

function findings(file: string): string[] {
  let text: string;
  try {
    text = readFileSync(path.join(ROOT, file), 'utf8');
  } catch {
    return [];
  }
  const lineStarts = [0];
  for (let i = 0; i < text.length; i += 1) if (text[i] === '\n') lineStarts.push(i + 1);
  const lines = text.split('\n');
  return checkLanguage(text).hits.flatMap((h) => {
    const line = lineStarts.findLastIndex((start) => start <= h.start);
    return lines[line]?.includes(ALLOW_MARKER) === true ? [] : [`${file}:${line + 1}: "${h.text}" → ${h.suggestion}`];
  });
}

describe('person-first language in Painpath itself', () => {
  const files = scannedFiles();

  it('scans the web app, demo data, server and domain messages, and docs', () => {
    for (const dir of ['src/web/', 'src/db/seed/', 'docs/', 'src/server/']) expect(files.some((f) => f.startsWith(dir))).toBe(true);
    expect(files).not.toContain('src/domain/language/term-table.ts');
  });

  it('finds a listed term if one is written (the scan can fail)', () => {
    expect(checkLanguage('const label = "Patient refuses";').hits).toHaveLength(1);
  });

  it('no listed term in any scanned file', () => {
    expect(files.flatMap(findings)).toEqual([]);
  });
});
