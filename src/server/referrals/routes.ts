import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IMMEDIATE_DANGER_GUIDANCE } from '../../domain/referrals/decisions.ts';
import { MatchResult, Uuid } from '../children/schemas.ts';
import type { AppContext } from '../context.ts';
import { actorOf, authOf, signedIn } from '../http/access.ts';
import { decideReferral } from './decision.ts';
import { createReferral } from './intake.ts';
import { linkReferral, matchesForReferral } from './linking.ts';
import {
  CreateReferralBody,
  DecisionBody,
  LinkChildBody,
  QueueItem,
  ReferralParams,
  ReferralView,
} from './schemas.ts';
import { completeTask } from './tasks.ts';
import { myReferrals, readReferral, screeningQueue } from './view.ts';

const tags = ['referrals'];
const Guidance = z.object({ title: z.string(), steps: z.array(z.string()) });
const One = z.object({ referral: ReferralView });

export function referralRoutes(app: FastifyInstance, { db }: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctx = (request: FastifyRequest) => ({ db, actor: actorOf(request), viewer: authOf(request).viewer });

  r.post('/api/referrals', {
    config: signedIn('referral.create'),
    schema: {
      tags,
      summary: 'Make a referral: narrative first, indicator prompts optional, never a score',
      description: `Any signed-in person of any agency may refer. When immediateDanger is true the response carries what to do now (${IMMEDIATE_DANGER_GUIDANCE.title}).`,
      body: CreateReferralBody,
      response: { 201: z.object({ referral: ReferralView, whatToDoNow: Guidance.nullable() }) },
    },
    handler: async (request, reply) => {
      const { id, whatToDoNow } = await createReferral(ctx(request), request.body);
      const referral = await readReferral(ctx(request), id);
      return reply.code(201).send({
        referral,
        whatToDoNow: whatToDoNow ? { title: whatToDoNow.title, steps: [...whatToDoNow.steps] } : null,
      });
    },
  });

  r.get('/api/referrals/mine', {
    config: signedIn('referral.read_own_outcome'),
    schema: {
      tags,
      summary: 'Referrals I made, with their status and outcome',
      response: { 200: z.object({ referrals: z.array(ReferralView) }) },
    },
    handler: async (request) => ({ referrals: await myReferrals(ctx(request)) }),
  });

  r.get('/api/referrals/queue', {
    config: signedIn('referral.screen'),
    schema: {
      tags,
      summary:
        'The front door’s screening queue: waiting referrals, immediate danger first, with time waited against the timescale',
      response: { 200: z.object({ referrals: z.array(QueueItem) }) },
    },
    handler: async () => ({ referrals: await screeningQueue(db) }),
  });

  r.get('/api/referrals/:id', {
    config: signedIn(),
    schema: {
      tags,
      summary:
        'One referral: the screener’s view for the front door, the referrer’s view (status and outcome) for its referrer',
      params: ReferralParams,
      response: { 200: One },
    },
    handler: async (request) => ({ referral: await readReferral(ctx(request), request.params.id) }),
  });

  r.get('/api/referrals/:id/matches', {
    config: signedIn('referral.screen'),
    schema: {
      tags,
      summary: 'Likely existing records for the child described in the referral',
      params: ReferralParams,
      response: { 200: z.object({ matches: z.array(MatchResult) }) },
    },
    handler: async (request) => ({ matches: await matchesForReferral(ctx(request), request.params.id) }),
  });

  r.post('/api/referrals/:id/child', {
    config: signedIn('referral.screen'),
    schema: {
      tags,
      summary:
        'Link the referral to an existing child’s record (childId) or a new one made from the referral (create)',
      params: ReferralParams,
      body: LinkChildBody,
      response: { 200: One },
    },
    handler: async (request) => {
      await linkReferral(ctx(request), request.params.id, request.body);
      return { referral: await readReferral(ctx(request), request.params.id) };
    },
  });

  r.post('/api/referrals/:id/decision', {
    config: signedIn('referral.screen'),
    schema: {
      tags,
      summary:
        'Record the screening decision with its reasons; sets the statutory status and creates the follow-on tasks',
      params: ReferralParams,
      body: DecisionBody,
      response: { 200: One },
    },
    handler: async (request) => {
      await decideReferral(ctx(request), request.params.id, request.body);
      return { referral: await readReferral(ctx(request), request.params.id) };
    },
  });

  r.post('/api/tasks/:id/complete', {
    config: signedIn(),
    schema: {
      tags: ['my work'],
      summary: 'Mark one of my tasks as done',
      params: z.strictObject({ id: Uuid }),
      response: { 204: z.null() },
    },
    handler: async (request, reply) => {
      await completeTask(ctx(request), request.params.id);
      return reply.code(204).send(null);
    },
  });
}
