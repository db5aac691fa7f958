/** GET and PUT /clinic/coverage-settings: the clinic's coverage settings, the defaults and what is changed. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { CLINIC_COVERAGE_RANGES } from '../../domain/coverage/clinic-settings';
import { NCD_INITIAL_ANCHORS, NCD_YEAR_WINDOWS } from '../../domain/coverage/settings';
import type { AppContext } from '../context';
import { errorResponses, etag, StringEnum } from '../schemas';
import { requireIfMatch } from './coverage.http';
import { readCoverageSettings, saveCoverageSettings } from './coverage-settings.service';

const IfMatch = Type.Object({ 'if-match': Type.Optional(Type.String()) });
const whole = (name: keyof typeof CLINIC_COVERAGE_RANGES, description: string) => Type.Optional(Type.Integer({ minimum: CLINIC_COVERAGE_RANGES[name].min, maximum: CLINIC_COVERAGE_RANGES[name].max, description }));
const CoverageSettingsBody = Type.Object(
  {
    ncdYearWindow: Type.Optional(StringEnum(NCD_YEAR_WINDOWS, { description: 'NCD 30.3.3: how "annually" is read' })),
    ncdInitialAnchor: Type.Optional(StringEnum(NCD_INITIAL_ANCHORS, { description: 'NCD 30.3.3: what starts the 90 days of the first 12 visits' })),
    warnAtRemainingVisits: whole('warnAtRemainingVisits', 'Warn when this many covered visits (or fewer) remain'),
    authEndWarningDays: whole('authEndWarningDays', 'Warn this many days (or fewer) before an authorisation ends'),
    bundlingWindowDays: whole('bundlingWindowDays', 'Suggest bundling visits at most this many days apart'),
  },
  { additionalProperties: false, description: 'The whole set: a key left out takes its reference default' },
);
const Loose = Type.Object({}, { additionalProperties: true });

export const coverageSettingsRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['Coverage'];

  app.get(
    '/clinic/coverage-settings',
    { schema: { tags, summary: "The clinic's coverage settings in effect, the reference defaults and which are changed (ETag: the version)", response: { 200: Loose, ...errorResponses } } },
    async (request, reply) => {
      const view = await readCoverageSettings(ctx, request);
      void reply.header('etag', etag(view.version));
      return view;
    },
  );

  app.put(
    '/clinic/coverage-settings',
    { schema: { tags, summary: 'Change the coverage settings (clinic lead or administrator; If-Match: the version, W/"0" when none stored)', headers: IfMatch, body: CoverageSettingsBody, response: { 200: Loose, ...errorResponses } } },
    async (request, reply) => {
      const expected = requireIfMatch(request);
      const view = await saveCoverageSettings(ctx, request, expected, request.body);
      void reply.header('etag', etag(view.version));
      return view;
    },
  );
};
