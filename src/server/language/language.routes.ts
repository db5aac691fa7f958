/**
 * Person-first language: the stateless check (`POST /language/check`, open to anyone; uses the clinic's
 * terms when the caller is signed in or sends an API token), the reference table, the clinic's own terms
 * (clinic lead and administrator edit; all staff read, because the browser checks as you type) and the
 * flagged-term summary for the quality dashboard.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { tidyClinicTerms, validateClinicTerms, type ClinicTerm } from '../../domain/language/clinic-terms';
import { fleschKincaidGrade } from '../../domain/language/readability';
import { TERM_ROWS } from '../../domain/language/term-table';
import { checkLanguage, compileTerms, REFERENCE_TERMS } from '../../domain/language/terms';
import { appendAuditEvents } from '../../db/repositories/audit.repository';
import { flagSummary, getClinicTermList, saveClinicTermList, type ClinicTermList } from '../../db/repositories/language.repository';
import { auditFrom, requireStaff, requireUser } from '../auth/actor';
import type { AppContext } from '../context';
import { validationDetails } from '../error-handler';
import { AppError } from '../errors';
import { errorResponses, etag, parseIfMatch } from '../schemas';
import {
  CheckBody,
  CheckResponse,
  ClinicTermsBody,
  ClinicTermsResponse,
  FlagSummaryQuery,
  FlagSummaryResponse,
  ReferenceTermsResponse,
} from './language.schema';
import { termsForClinic } from './language.service';

const LEAD_ROLES = ['clinic_lead', 'administrator'] as const;

function presentList(list: ClinicTermList) {
  return {
    terms: list.terms,
    version: list.version,
    termsVersion: compileTerms(list.terms, list.version).version,
    updatedAt: list.updatedAt?.toISOString() ?? null,
  };
}

/** Schema errors and the domain's own checks together, so every bad field is listed at once. */
function throwIfInvalid(request: FastifyRequest, terms: ClinicTerm[] | undefined): void {
  const ve = request.validationError as (Error & { validation?: unknown[]; validationContext?: string }) | undefined;
  if (ve && ve.validationContext !== 'body') throw ve;
  const details = ve ? validationDetails('body', (ve.validation ?? []) as never[]) : [];
  if (terms !== undefined && Array.isArray(terms)) {
    const typed = terms.filter((t) => typeof t === 'object' && t !== null && typeof t.phrase === 'string' && typeof t.suggestion === 'string');
    if (typed.length === terms.length) {
      const seen = new Set(details.map((d) => d.path));
      for (const issue of validateClinicTerms(terms)) {
        const path = `body.${(issue.path ?? '').replace(/\[(\d+)\]/g, '.$1')}`;
        if (!seen.has(path)) details.push({ path, message: issue.message, code: issue.code });
      }
    }
  }
  if (details.length > 0) throw new AppError('validation', 'validation', `The request has ${details.length} invalid field${details.length === 1 ? '' : 's'}.`, details);
}

export const languageRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['Language'];

  app.post(
    '/language/check',
    {
      config: { rateLimit: { max: 600, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Check free text for stigmatising terms and offer person-first alternatives (stateless; nothing is stored)',
        description: 'Uses the reference table (clinical-facts §9) plus your clinic\'s own terms when you are signed in. Also returns the Flesch–Kincaid reading grade.',
        security: [],
        body: CheckBody,
        response: { 200: CheckResponse, ...errorResponses },
      },
    },
    async (request) => {
      const terms = request.actor ? await termsForClinic(ctx.db, request.actor.orgId) : REFERENCE_TERMS;
      const result = checkLanguage(request.body.text, terms);
      const { issues: _issues, ...readability } = fleschKincaidGrade(request.body.text);
      return { hits: result.hits, termsVersion: result.termsVersion, readability };
    },
  );

  app.get('/language/terms', { schema: { tags, summary: 'The reference table of stigmatising terms and person-first alternatives', security: [], response: { 200: ReferenceTermsResponse, ...errorResponses } } }, async () => ({
    version: REFERENCE_TERMS.version,
    rows: TERM_ROWS.map((r) => ({ ...r })),
  }));

  app.get('/language/clinic-terms', { schema: { tags, summary: "Your clinic's own terms (ETag = list version)", response: { 200: ClinicTermsResponse, ...errorResponses } } }, async (request, reply) => {
    const actor = requireStaff(request);
    const list = await getClinicTermList(ctx.db, actor.orgId);
    void reply.header('etag', etag(list.version));
    return presentList(list);
  });

  app.put(
    '/language/clinic-terms',
    {
      attachValidation: true,
      schema: {
        tags,
        summary: "Replace your clinic's own terms (clinic lead; If-Match with the version you edited, W/\"0\" for the first list)",
        headers: Type.Object({ 'if-match': Type.Optional(Type.String()) }),
        body: ClinicTermsBody,
        response: { 200: ClinicTermsResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = requireUser(request, LEAD_ROLES);
      const body = request.body as { terms?: ClinicTerm[] } | undefined;
      throwIfInvalid(request, body?.terms);
      const expected = parseIfMatch(request.headers['if-match']);
      if (expected === undefined) {
        throw new AppError('precondition-required', 'conflict.if-match-required', 'Send the If-Match header with the version you edited.', [{ path: 'headers.if-match', message: 'is required' }]);
      }
      const terms = tidyClinicTerms(request.body.terms);
      const asOf = ctx.clock();
      const saved = await ctx.db.transaction(async (tx) => {
        const list = await saveClinicTermList(tx, { orgId: actor.orgId, terms, expectedVersion: expected, updatedBy: actor.userId, asOf });
        if (list === null) {
          const current = await getClinicTermList(tx, actor.orgId);
          throw new AppError('precondition-failed', 'conflict.stale-version', 'Someone else changed the clinic terms first. Reload to see their change.', [], { currentVersion: current.version });
        }
        await appendAuditEvents(tx, [auditFrom(request, asOf, { action: 'update', resourceType: 'LanguageTermList', resourceId: actor.orgId, reason: `version ${list.version}; ${terms.length} terms` })]);
        return list;
      });
      void reply.header('etag', etag(saved.version));
      return presentList(saved);
    },
  );

  app.get(
    '/language/flags/summary',
    { schema: { tags, summary: 'How many saved free-text fields held a listed term (quality dashboard)', querystring: FlagSummaryQuery, response: { 200: FlagSummaryResponse, ...errorResponses } } },
    async (request) => {
      const actor = requireUser(request, LEAD_ROLES);
      const summary = await flagSummary(ctx.db, actor.orgId, new Date(`${request.query.since}T00:00:00Z`));
      await ctx.audit.record(auditFrom(request, ctx.clock(), { action: 'read', resourceType: 'LanguageFlagSummary', resourceId: actor.orgId, reason: `since ${request.query.since}` }));
      return { since: request.query.since, ...summary };
    },
  );
};
