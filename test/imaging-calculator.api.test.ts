/**
 * The stateless imaging-in-context calculator: POST /api/v1/calculators/imaging-context (Brinjikji 2015).
 * No sign-in, nothing stored, every bad field listed, documented in OpenAPI.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from './support/app';
import { detailPaths, expectError } from './support/http';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

const URL = '/api/v1/calculators/imaging-context';

function ok<T>(res: LightMyRequestResponse, status = 200): T {
  expect(res.statusCode, res.body).toBe(status);
  return res.json<T>();
}

async function rowCounts(): Promise<Record<string, number>> {
  const tables = await t.ctx.database.sql.executeSql("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename", []);
  const counts: Record<string, number> = {};
  for (const row of tables.rows) {
    const name = String(row.tablename);
    const r = await t.ctx.database.sql.executeSql(`SELECT count(*)::int AS n FROM "${name}"`, []);
    counts[name] = Number(r.rows[0]?.n);
  }
  return counts;
}

interface Result {
  finding: string;
  prevalencePercent: number;
  method: string;
  certainty: string;
  patientWording: string;
  reportWording: string;
  pointsUsed: { age: number; percent: number }[];
  issues: { code: string }[];
}

describe('POST /api/v1/calculators/imaging-context', () => {
  it('answers without sign-in, for each finding, with the age rule and source, and stores nothing', async () => {
    const before = await rowCounts();
    const body = ok<{ age: number; ageRule: string; source: string; tableVersion: string; results: Result[] }>(
      await t.app.inject({ method: 'POST', url: URL, payload: { age: 45, findings: ['disc-bulge', 'disc-degeneration', 'annular-fissure'] } }),
    );
    expect(body.age).toBe(45);
    expect(body.tableVersion).toBe('brinjikji-2015');
    expect(body.source).toContain('AJNR 2015;36(4):811-816');
    expect(body.ageRule).toContain('straight line between the two nearest decades');
    expect(body.results.map((r) => [r.finding, r.prevalencePercent, r.method, r.certainty])).toEqual([
      ['disc-bulge', 55, 'interpolated', 'S'],
      ['disc-degeneration', 74, 'interpolated', 'S'],
      ['annular-fissure', 23, 'interpolated', 'S'], // 22.5 rounds half up
    ]);
    expect(body.results[0]?.pointsUsed).toEqual([
      { age: 40, percent: 50, certainty: 'S', noSourceData: false },
      { age: 50, percent: 60, certainty: 'S', noSourceData: false },
    ]);
    expect(body.results[0]?.patientWording).toContain('About 55 in 100 people aged 45 who have no back pain');
    expect(await rowCounts()).toEqual(before);
  });

  it('gives the tabulated figure and its certainty at a decade, and says when the age is outside 20–80', async () => {
    const at80 = ok<{ results: Result[] }>(await t.app.inject({ method: 'POST', url: URL, payload: { age: 80, findings: ['disc-degeneration'] } }));
    expect(at80.results[0]).toMatchObject({ prevalencePercent: 96, method: 'tabulated', certainty: 'V', issues: [] });
    const at90 = ok<{ results: Result[] }>(await t.app.inject({ method: 'POST', url: URL, payload: { age: 90, findings: ['spondylolisthesis'] } }));
    expect(at90.results[0]).toMatchObject({ prevalencePercent: 50, method: 'clamped-above', issues: [{ code: 'imaging.age-clamped-above' }] });
  });

  it('lists every bad field at once with its path', async () => {
    const err = expectError(await t.app.inject({ method: 'POST', url: URL, payload: { age: 40.5, findings: ['disc-bulge', 'bone-spur'], patientId: 'x' } }), 400, 'validation');
    expect(detailPaths(err).sort()).toEqual(['body.age', 'body.findings.1', 'body.patientId']);
    const dup = expectError(await t.app.inject({ method: 'POST', url: URL, payload: { age: 150, findings: ['disc-bulge', 'disc-bulge'] } }), 400, 'validation');
    expect(detailPaths(dup).sort()).toEqual(['body.age', 'body.findings']);
    expect(dup.details.find((d) => d.path === 'body.findings')?.message).toBe('must not repeat an item');
    const empty = expectError(await t.app.inject({ method: 'POST', url: URL, payload: { age: 30, findings: [] } }), 400, 'validation');
    expect(detailPaths(empty)).toEqual(['body.findings']);
    const missing = expectError(await t.app.inject({ method: 'POST', url: URL, payload: { findings: ['disc-bulge'] } }), 400, 'validation');
    expect(detailPaths(missing)).toEqual(['body.age']);
  });

  it('is documented in OpenAPI with its body schema and no security requirement', async () => {
    const doc = ok<{ paths: Record<string, { post?: { security?: unknown[]; tags?: string[]; requestBody?: { content: Record<string, { schema: { additionalProperties?: boolean; properties?: Record<string, unknown> } }> } } }> }>(
      await t.app.inject({ method: 'GET', url: '/api/openapi.json' }),
    );
    const op = doc.paths[URL]?.post;
    expect(op?.tags).toEqual(['Calculators']);
    expect(op?.security).toEqual([]);
    const schema = op?.requestBody?.content['application/json']?.schema;
    expect(schema?.additionalProperties).toBe(false);
    expect(Object.keys(schema?.properties ?? {})).toEqual(['age', 'findings']);
  });
});
