/**
 * The assessment API: instruments as published, the partnership's assessment settings, a child's
 * assessments (start, save, complete, sign off, history, one, compare, chart) and re-analysis. The MACE
 * risk assessment uses the same routes with its own instrument.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ASSESSMENT_DOMAIN_NAMES,
  ASSESSMENT_HARM_STATUS_NAMES,
  ASSESSMENT_RULES,
  CHART_CAPTION,
  CHART_Y_AXIS_TITLE,
  compareVersions,
  FACTOR_KIND_NAMES,
  HARM_KIND_NAMES,
  HOW_EXPRESSED_NAMES,
  INDICATIVE_LABEL,
  REANALYSIS_TRIGGER_INFO,
  reanalysisConfigSchema,
  signOffConfigSchema,
} from '../../domain/assessment/index.ts';
import {
  OBJECTIVE_STATUS_NAMES,
  PLAIN_HEADINGS,
  PLAN_RULES,
  PLAN_SECTION_INFO,
  YOUNG_PERSON_RULES,
} from '../../domain/plans/index.ts';
import { ChildParams } from '../children/schemas.ts';
import type { AppContext } from '../context.ts';
import { notFound } from '../errors.ts';
import { actorOf, authOf, signedIn } from '../http/access.ts';
import { storedInstruments, syncInstruments } from './instruments.ts';
import { assessmentHistory, childReanalysis, compareTwo, levelChart, readAssessment } from './reads.ts';
import {
  AssessmentParams,
  AssessmentSummary,
  AssessmentView,
  ChartView,
  CompareQuery,
  DraftBody,
  ImmediateReferralView,
  InstrumentSummary,
  ReanalysisView,
  SignOffBody,
  StartBody,
} from './schemas.ts';
import {
  type AssessCtx,
  completeAssessment,
  saveDraft,
  signOffAssessment,
  startAssessment,
} from './service.ts';
import { loadSettings, saveSettings } from './settings.ts';

const tags = ['assessment'];
const options = (names: Record<string, string>) =>
  Object.entries(names).map(([value, label]) => ({ value, label }));
const Option = z.object({ value: z.string(), label: z.string() });
const RuleView = z.object({ id: z.string(), statement: z.string(), source: z.string() });
const loose = z.record(z.string(), z.unknown());

function presentReferral(r: Awaited<ReturnType<typeof startAssessment>>['immediateReferral']) {
  if (!r) return null;
  return {
    runsAlongside: [...r.check.runsAlongside],
    onQualifyingPlan: r.check.onQualifyingPlan,
    task: r.task,
  };
}

export function assessmentRoutes(app: FastifyInstance, { db }: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // The instruments Lantern ships are published into the database before the server takes requests.
  app.addHook('onReady', async () => {
    await syncInstruments(db);
  });
  const ctx = (request: FastifyRequest): AssessCtx => {
    const { user, viewer } = authOf(request);
    return {
      db,
      actor: actorOf(request),
      viewer,
      user: { id: user.id, name: user.name, agency: { id: user.agency.id, name: user.agency.name } },
    };
  };

  r.get('/api/assessment-instruments', {
    config: signedIn(),
    schema: {
      tags,
      summary: 'The published assessment instruments, every version (assessments pin the version they used)',
      response: { 200: z.object({ instruments: z.array(InstrumentSummary) }) },
    },
    handler: async () => {
      const list = (await storedInstruments(db)).list();
      const latest = (id: string) =>
        list.filter((i) => i.id === id).sort((a, b) => compareVersions(b.version, a.version))[0]?.version;
      return {
        instruments: list.map((i) => ({
          id: i.id,
          version: i.version,
          title: i.title,
          purpose: i.purpose,
          latest: latest(i.id) === i.version,
        })),
      };
    },
  });

  r.get('/api/assessment-instruments/:instrumentId/:version', {
    config: signedIn(),
    schema: {
      tags,
      summary: 'One instrument version as published: sections, prompts, answer types and its continuum',
      params: z.strictObject({ instrumentId: z.string().max(100), version: z.string().max(20) }),
      response: { 200: z.object({ instrument: loose }) },
    },
    handler: async (request) => {
      const instrument = (await storedInstruments(db)).get(
        request.params.instrumentId,
        request.params.version,
      );
      if (!instrument) throw notFound('instrument version');
      return { instrument: instrument as unknown as Record<string, unknown> };
    },
  });

  r.get('/api/assessment-reference', {
    config: signedIn(),
    schema: {
      tags,
      summary:
        'The words of assessment and planning: domains, harm, plan sections, statuses, triggers and the rules with their sources',
      response: {
        200: z.object({
          domains: z.array(Option),
          factorKinds: z.array(Option),
          harmStatuses: z.array(Option),
          harmKinds: z.array(Option),
          howExpressed: z.array(Option),
          triggers: z.array(Option.extend({ source: z.string() })),
          chartCaption: z.string(),
          chartYAxisTitle: z.string(),
          indicativeLabel: z.string(),
          assessmentRules: z.array(RuleView),
          planSections: z.array(Option.extend({ purpose: z.string(), source: z.string() })),
          objectiveStatuses: z.array(Option),
          planRules: z.array(RuleView),
          youngPersonRules: z.array(RuleView),
          plainHeadings: z.record(z.string(), z.string()),
        }),
      },
    },
    handler: async () => ({
      domains: options(ASSESSMENT_DOMAIN_NAMES),
      factorKinds: options(FACTOR_KIND_NAMES),
      harmStatuses: options(ASSESSMENT_HARM_STATUS_NAMES),
      harmKinds: options(HARM_KIND_NAMES),
      howExpressed: options(HOW_EXPRESSED_NAMES),
      triggers: Object.entries(REANALYSIS_TRIGGER_INFO).map(([value, t]) => ({ value, ...t })),
      chartCaption: CHART_CAPTION,
      chartYAxisTitle: CHART_Y_AXIS_TITLE,
      indicativeLabel: INDICATIVE_LABEL,
      assessmentRules: Object.values(ASSESSMENT_RULES).map((rule) => ({ ...rule })),
      planSections: Object.entries(PLAN_SECTION_INFO).map(([value, s]) => ({ value, label: s.title, ...s })),
      objectiveStatuses: options(OBJECTIVE_STATUS_NAMES),
      planRules: Object.values(PLAN_RULES).map((rule) => ({ ...rule })),
      youngPersonRules: Object.values(YOUNG_PERSON_RULES).map((rule) => ({ ...rule })),
      plainHeadings: { ...PLAIN_HEADINGS },
    }),
  });

  r.get('/api/assessment-settings', {
    config: signedIn(),
    schema: {
      tags,
      summary:
        'The partnership’s assessment configuration: manager sign-off, and re-analysis cadence and triggers',
      response: { 200: z.object({ signOff: loose, reanalysis: loose, changedAt: z.string().nullable() }) },
    },
    handler: async () => loadSettings(db),
  });

  r.put('/api/assessment-settings', {
    config: signedIn('agency.manage'),
    schema: {
      tags,
      summary: 'Change the sign-off configuration or the re-analysis cadence and triggers (administrators)',
      body: z.strictObject({
        signOff: signOffConfigSchema.optional(),
        reanalysis: reanalysisConfigSchema.optional(),
      }),
      response: { 200: z.object({ signOff: loose, reanalysis: loose, changedAt: z.string().nullable() }) },
    },
    handler: async (request) => {
      const { user } = authOf(request);
      return saveSettings(db, actorOf(request), user.id, request.body);
    },
  });

  r.get('/api/children/:id/assessments', {
    config: signedIn(),
    schema: {
      tags,
      summary: 'The child’s assessments, newest first (every one is kept), and whether a re-analysis is due',
      params: ChildParams,
      response: {
        200: z.object({
          assessments: z.array(AssessmentSummary),
          reanalysis: ReanalysisView,
          startable: z.array(z.object({ id: z.string(), version: z.string(), title: z.string() })),
          permissions: z.object({ start: z.boolean() }),
        }),
      },
    },
    handler: async (request) => assessmentHistory(ctx(request), request.params.id),
  });

  r.post('/api/children/:id/assessments', {
    config: signedIn(),
    schema: {
      tags,
      summary:
        'Start an assessment (RAF or MACE risk assessment) as a draft against a published instrument version; a MACE assessment of a child with no statutory plan creates the immediate referral task',
      params: ChildParams,
      body: StartBody,
      response: { 201: z.object({ id: z.string(), immediateReferral: ImmediateReferralView }) },
    },
    handler: async (request, reply) => {
      const result = await startAssessment(ctx(request), request.params.id, request.body);
      return reply
        .code(201)
        .send({ id: result.id, immediateReferral: presentReferral(result.immediateReferral) });
    },
  });

  r.get('/api/children/:id/assessments/chart', {
    config: signedIn(),
    schema: {
      tags,
      summary:
        'The level of concern over time: each point a practitioner’s judgement, captioned "Professional judgement, not a score"',
      params: ChildParams,
      response: { 200: ChartView },
    },
    handler: async (request) => {
      const series = await levelChart(ctx(request), request.params.id);
      return {
        ...series,
        yAxis: [...series.yAxis],
        points: [...series.points],
        notPlotted: [...series.notPlotted],
      };
    },
  });

  r.get('/api/children/:id/assessments/compare', {
    config: signedIn(),
    schema: {
      tags,
      summary: 'Two completed assessments side by side: factors by domain, level and rationale, harm, voices',
      params: ChildParams,
      querystring: CompareQuery,
      response: { 200: z.object({ comparison: loose, titles: z.record(z.string(), z.string()) }) },
    },
    handler: async (request) => {
      const result = await compareTwo(ctx(request), request.params.id, request.query.a, request.query.b);
      return { comparison: result.comparison as unknown as Record<string, unknown>, titles: result.titles };
    },
  });

  r.get('/api/children/:id/assessments/:assessmentId', {
    config: signedIn(),
    schema: {
      tags,
      summary: 'One assessment, as you may see it, with what you may do with it',
      params: AssessmentParams,
      response: { 200: z.object({ assessment: AssessmentView }) },
    },
    handler: async (request) => ({
      assessment: await readAssessment(ctx(request), request.params.id, request.params.assessmentId),
    }),
  });

  r.put('/api/children/:id/assessments/:assessmentId', {
    config: signedIn(),
    schema: {
      tags,
      summary: 'Save your draft assessment (replaces its answers and judgement so far)',
      params: AssessmentParams,
      body: DraftBody,
      response: { 200: z.object({ assessment: AssessmentView }) },
    },
    handler: async (request) => {
      await saveDraft(ctx(request), request.params.id, request.params.assessmentId, request.body);
      return {
        assessment: await readAssessment(ctx(request), request.params.id, request.params.assessmentId),
      };
    },
  });

  r.post('/api/children/:id/assessments/:assessmentId/complete', {
    config: signedIn(),
    schema: {
      tags,
      summary:
        'Complete your draft: checked against the instrument version it pins; a refusal names each rule (a level needs a rationale, nothing is scored)',
      params: AssessmentParams,
      response: {
        200: z.object({
          assessment: AssessmentView,
          warnings: z.array(z.string()),
          immediateReferral: ImmediateReferralView,
        }),
      },
    },
    handler: async (request) => {
      const result = await completeAssessment(ctx(request), request.params.id, request.params.assessmentId);
      return {
        assessment: await readAssessment(ctx(request), request.params.id, request.params.assessmentId),
        warnings: result.warnings,
        immediateReferral: presentReferral(result.immediateReferral),
      };
    },
  });

  r.post('/api/children/:id/assessments/:assessmentId/sign-off', {
    config: signedIn(),
    schema: {
      tags,
      summary:
        'A manager signs off a completed assessment, or returns it saying what is needed (where configured)',
      params: AssessmentParams,
      body: SignOffBody,
      response: { 200: z.object({ assessment: AssessmentView }) },
    },
    handler: async (request) => {
      await signOffAssessment(ctx(request), request.params.id, request.params.assessmentId, request.body);
      return {
        assessment: await readAssessment(ctx(request), request.params.id, request.params.assessmentId),
      };
    },
  });

  r.get('/api/children/:id/reanalysis', {
    config: signedIn(),
    schema: {
      tags,
      summary:
        'Whether the child’s risk analysis is due again, and why (events since the last analysis, review cadence)',
      params: ChildParams,
      response: { 200: ReanalysisView },
    },
    handler: async (request) => childReanalysis(ctx(request), request.params.id),
  });
}
