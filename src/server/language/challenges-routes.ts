import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.ts';
import { actorOf, authOf, signedIn } from '../http/access.ts';
import {
  challengesToDecide,
  decideChallenge,
  listNoteChallenges,
  noteWordingFindings,
  raiseChallenge,
  withdrawChallenge,
} from './challenges.ts';
import {
  ChallengeParams,
  ChallengeResponse,
  DecisionBody,
  NoteChallengeParams,
  NoteChallengesResponse,
  RaiseBody,
  ToDecideQuery,
  ToDecideResponse,
  WordingFindingsResponse,
} from './challenges-schemas.ts';

/**
 * Challenge and amend. Every route is open to any signed-in person at the door; who may do what is the
 * note's own rule, checked by the service: raising follows read access to the finalised note (a note
 * someone may not read is not there: 404), deciding follows the note's correction rule (its author, or a
 * manager in the author's agency) and is never the raiser's.
 */
export function challengeRoutes(app: FastifyInstance, { db }: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['language', 'notes'];
  const ctx = (request: FastifyRequest) => ({ db, actor: actorOf(request), viewer: authOf(request).viewer });
  const base = '/api/children/:id/notes/:noteId';

  r.get(`${base}/challenges`, {
    config: signedIn(),
    schema: {
      tags,
      summary: 'Challenges to the wording of a note, newest first, with what you may do to each',
      params: NoteChallengeParams,
      response: { 200: NoteChallengesResponse },
    },
    handler: async (request) => listNoteChallenges(ctx(request), request.params.id, request.params.noteId),
  });

  r.get(`${base}/wording`, {
    config: signedIn(),
    schema: {
      tags,
      summary:
        'The language assistant’s findings on the note’s current text (checked on view: not stored, not counted)',
      params: NoteChallengeParams,
      response: { 200: WordingFindingsResponse },
    },
    handler: async (request) => noteWordingFindings(ctx(request), request.params.id, request.params.noteId),
  });

  r.post(`${base}/challenges`, {
    config: signedIn(),
    schema: {
      tags,
      summary:
        'Challenge the wording of a finalised note’s current version: the words, why, and what to write instead',
      params: NoteChallengeParams,
      body: RaiseBody,
      response: { 201: ChallengeResponse },
    },
    handler: async (request, reply) =>
      reply.code(201).send({
        challenge: await raiseChallenge(ctx(request), request.params.id, request.params.noteId, request.body),
      }),
  });

  r.post(`${base}/challenges/:challengeId/withdraw`, {
    config: signedIn(),
    schema: {
      tags,
      summary: 'Withdraw a challenge you raised, while it is open',
      params: ChallengeParams,
      response: { 200: ChallengeResponse },
    },
    handler: async (request) => ({
      challenge: await withdrawChallenge(
        ctx(request),
        request.params.id,
        request.params.noteId,
        request.params.challengeId,
      ),
    }),
  });

  r.post(`${base}/challenges/:challengeId/decision`, {
    config: signedIn(),
    schema: {
      tags,
      summary:
        'Accept (a new version of the note with the amended wording; the original stays in the history) or decline with a reason',
      params: ChallengeParams,
      body: DecisionBody,
      response: { 200: ChallengeResponse },
    },
    handler: async (request) => ({
      challenge: await decideChallenge(
        ctx(request),
        request.params.id,
        request.params.noteId,
        request.params.challengeId,
        request.body,
      ),
    }),
  });

  r.get('/api/wording-challenges', {
    config: signedIn(),
    schema: {
      tags,
      summary:
        'Challenges you may decide: on your own notes and, for a manager, notes written in your agency (open by default)',
      querystring: ToDecideQuery,
      response: { 200: ToDecideResponse },
    },
    handler: async (request) => ({
      challenges: await challengesToDecide(ctx(request), request.query.status ?? 'open'),
    }),
  });
}
