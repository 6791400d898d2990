import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { decide } from '../../domain/access/policy.ts';
import { checkText } from '../../domain/language/index.ts';
import { auditAlone } from '../audit/audit.ts';
import type { AppContext } from '../context.ts';
import { AppError, invalid } from '../errors.ts';
import { actorOf, authOf, signedIn } from '../http/access.ts';
import { challengeRoutes } from './challenges-routes.ts';
import { countAccepted, countFlagged, countingUnitOf, languageStats } from './counts.ts';
import { withKeys } from './findings.ts';
import { addRule, currentLexicon, describeLexicon, setRuleDisabled } from './lexicon.ts';
import {
  AcceptedBody,
  AddRuleBody,
  CheckBody,
  CheckResponse,
  DisabledBody,
  LexiconResponse,
  RuleChangeResponse,
  RuleParams,
  StatsQuery,
  StatsResponse,
} from './schemas.ts';

/**
 * The victim-blaming language assistant: checking text as it is written, the partnership's lexicon,
 * and aggregate counts for training.
 */
export function languageRoutes(app: FastifyInstance, context: AppContext) {
  const { db } = context;
  // Challenge and amend: challenges to the wording of finalised records.
  challengeRoutes(app, context);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['language'];

  r.post('/api/language/check', {
    // Anyone who writes may check their words. The text is checked in memory and never stored or
    // logged; only counters (rule, team, week) are kept.
    config: signedIn(),
    schema: {
      tags,
      summary: 'Check free text for victim-blaming language (the text is not stored)',
      body: CheckBody,
      response: { 200: CheckResponse },
    },
    handler: async (request) => {
      const { text, childAge, seen } = request.body;
      const lexicon = await currentLexicon(db);
      const result = checkText(text, { lexicon, ...(childAge !== undefined ? { childAge } : {}) });
      const findings = withKeys(result.findings);
      const already = new Set(seen ?? []);
      const fresh = findings.filter((f) => !already.has(f.key)).map((f) => f.ruleId);
      await countFlagged(db, countingUnitOf(authOf(request).user), fresh);
      return { lexiconVersion: result.lexiconVersion, findings };
    },
  });

  r.post('/api/language/suggestions/accepted', {
    config: signedIn(),
    schema: {
      tags,
      summary: 'Count a suggestion taken up (counted by team and week, never by person)',
      body: AcceptedBody,
      response: { 204: z.null() },
    },
    handler: async (request, reply) => {
      const lexicon = await currentLexicon(db);
      if (!lexicon.rules.some((rule) => rule.id === request.body.ruleId)) {
        throw invalid('ruleId', 'is not a rule in the lexicon in force');
      }
      await countAccepted(db, countingUnitOf(authOf(request).user), request.body.ruleId);
      return reply.code(204).send(null);
    },
  });

  r.get('/api/language/lexicon', {
    config: signedIn(),
    schema: {
      tags,
      summary: 'The rules of the partnership’s lexicon, with their sources, and the version in force',
      response: { 200: LexiconResponse },
    },
    handler: async () => describeLexicon(db),
  });

  r.put('/api/language/lexicon/rules/:id/disabled', {
    config: signedIn('agency.manage'),
    schema: {
      tags,
      summary: 'Switch a rule off or back on for the partnership, with the reason (administrators)',
      params: RuleParams,
      body: DisabledBody,
      response: { 200: RuleChangeResponse },
    },
    handler: async (request) => setRuleDisabled(db, actorOf(request), request.params.id, request.body),
  });

  r.post('/api/language/lexicon/rules', {
    config: signedIn('agency.manage'),
    schema: {
      tags,
      summary: 'Add a partnership rule, in the shape of the base rules, with examples (administrators)',
      body: AddRuleBody,
      response: { 201: RuleChangeResponse },
    },
    handler: async (request, reply) =>
      reply.code(201).send(await addRule(db, actorOf(request), request.body)),
  });

  r.get('/api/language/stats', {
    // Two ways in, so the check is here rather than in the route's single action: managers, analysts
    // and MACE chairs through the problem profile, administrators through running the partnership.
    config: signedIn(),
    schema: {
      tags,
      summary: 'Counts of flagged words and suggestions taken up, by team, week and rule (never by person)',
      querystring: StatsQuery,
      response: { 200: StatsResponse },
    },
    handler: async (request) => {
      const { viewer } = authOf(request);
      if (!decide(viewer, 'report.read').allowed && !decide(viewer, 'user.manage').allowed) {
        await auditAlone(db, actorOf(request), {
          action: 'access.denied',
          outcome: 'denied',
          details: { attempted: 'report.read', route: request.routeOptions.url ?? '' },
        });
        throw new AppError('forbidden', 'You do not have permission to see language statistics.');
      }
      return languageStats(db, await currentLexicon(db), request.query);
    },
  });
}
