/**
 * Missing episodes and return interviews: the HTTP API. Each route reads schema → authorise → work →
 * present. Writes need `missing.manage` with a relationship to the child (decided per child by
 * `openChild`); a child the caller may not read is 404, as if it did not exist.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { actorOf, authOf, signedIn } from '../http/access.ts';
import { reference } from './config.ts';
import { recordEpisode, recordReturn } from './episodes.ts';
import { saveInterview } from './interviews.ts';
import { linkMention } from './links.ts';
import {
  ChildIdParams,
  ChildMissingView,
  Clock,
  DueItem,
  DueQuery,
  Episode,
  EpisodeBody,
  EpisodeParams,
  IndependenceWarning,
  Interview,
  InterviewBody,
  MentionLinkBody,
  ReturnBody,
  Stats,
  StatsQuery,
  Triggers,
} from './schemas.ts';
import { childMissing, dueInterviews, interviewStats, oneEpisode } from './views.ts';

const tags = ['missing episodes'];
const Ref = z.object({ id: z.string(), name: z.string() });
const EpisodeWithTriggers = z.object({ episode: Episode, triggers: Triggers });
const SavedInterview = z.object({
  interview: Interview,
  /** Shown to the person saving it: the offer is saved all the same. */
  warnings: z.array(IndependenceWarning),
  clock: Clock,
  episode: Episode,
});
const Option = z.object({ id: z.string(), label: z.string(), description: z.string().nullable() });

export function missingRoutes(app: FastifyInstance, { db }: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctx = (request: FastifyRequest) => ({ db, actor: actorOf(request), viewer: authOf(request).viewer });

  r.get('/api/missing/reference', {
    config: signedIn(),
    schema: {
      tags,
      summary: 'The option lists and timescales for the missing episode and return interview forms',
      response: {
        200: z.object({
          version: z.string(),
          deadline: z.object({ basis: z.string(), amount: z.number(), words: z.string() }),
          repeatRule: z.object({ episodes: z.number(), withinDays: z.number() }),
          missingFrom: z.array(Option.extend({ placement: z.boolean() })),
          protocolCategories: z.array(Option),
          policeRiskGrades: z.array(Option),
          policeRiskGradeNote: z.string(),
          howReturned: z.array(Option),
          pushFactors: z.array(Option),
          pullFactors: z.array(Option),
        }),
      },
    },
    handler: async () => reference(),
  });

  r.post('/api/missing/episodes', {
    config: signedIn(),
    schema: {
      tags,
      summary:
        'Record a missing episode for a child: it enters the chronology, makes a re-analysis due, and puts the child on the next MACE triage list for repeat episodes or harm',
      body: EpisodeBody,
      response: { 201: EpisodeWithTriggers },
    },
    handler: async (request, reply) => reply.code(201).send(await recordEpisode(ctx(request), request.body)),
  });

  r.get('/api/missing/episodes/:id', {
    config: signedIn(),
    schema: {
      tags,
      summary: 'One missing episode with its return, interviews and interview clock',
      params: EpisodeParams,
      response: { 200: z.object({ child: Ref, episode: Episode }) },
    },
    handler: async (request) => oneEpisode(ctx(request), request.params.id),
  });

  r.post('/api/missing/episodes/:id/return', {
    config: signedIn(),
    schema: {
      tags,
      summary:
        'Record when, where and how the child was found or returned (starts the return interview clock), with harm, crime and the police safe and well check',
      params: EpisodeParams,
      body: ReturnBody,
      response: { 200: EpisodeWithTriggers },
    },
    handler: async (request) => recordReturn(ctx(request), request.params.id, request.body),
  });

  r.post('/api/missing/interviews', {
    config: signedIn(),
    schema: {
      tags,
      summary:
        'Record a return interview offer, the child’s answer, a decision not to hold one, or the completed interview (warns when the offer is not independent of the placement)',
      body: InterviewBody,
      response: { 201: SavedInterview },
    },
    handler: async (request, reply) => reply.code(201).send(await saveInterview(ctx(request), request.body)),
  });

  r.put('/api/missing/interviews/:id', {
    config: signedIn(),
    schema: {
      tags,
      summary: 'Update a return interview record: accepted, declined, completed, with what it heard',
      params: EpisodeParams,
      body: InterviewBody,
      response: { 200: SavedInterview },
    },
    handler: async (request) => saveInterview(ctx(request), request.body, request.params.id),
  });

  r.post('/api/missing/mentions/:id/link', {
    config: signedIn(),
    schema: {
      tags,
      summary:
        'Record a place or person named in a return or return interview, and linked to a context record, as a graded link on the child’s network (found at, seen with, stayed at, taken to, spends time at)',
      params: EpisodeParams,
      body: MentionLinkBody,
      response: { 201: z.object({ linkId: z.string(), episode: Episode }) },
    },
    handler: async (request, reply) =>
      reply.code(201).send(await linkMention(ctx(request), request.params.id, request.body)),
  });

  r.get('/api/missing/interviews', {
    config: signedIn(),
    schema: {
      tags,
      summary:
        'Return interviews due and overdue, with their clocks, across the children you may see (scope=mine: the children you carry)',
      querystring: DueQuery,
      response: { 200: z.object({ interviews: z.array(DueItem) }) },
    },
    handler: async (request) => ({ interviews: await dueInterviews(ctx(request), request.query.scope) }),
  });

  r.get('/api/missing/children/:childId', {
    config: signedIn(),
    schema: {
      tags,
      summary:
        'A child’s missing episodes with their clocks, the pattern (for the timeline chart) and the places and people named',
      params: ChildIdParams,
      response: { 200: ChildMissingView },
    },
    handler: async (request) => childMissing(ctx(request), request.params.childId),
  });

  r.get('/api/missing/stats', {
    config: signedIn('report.read'),
    schema: {
      tags,
      summary:
        'The partnership’s share of return interviews offered within the deadline, with small numbers suppressed',
      querystring: StatsQuery,
      response: { 200: Stats },
    },
    handler: async (request) => interviewStats(db, request.query),
  });
}
