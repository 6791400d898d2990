import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.ts';
import { actorOf, authOf, signedIn } from '../http/access.ts';
import {
  challengesToDecide,
  decideChallenge,
  listChallenges,
  type RecordRef,
  raiseChallenge,
  withdrawChallenge,
  wordingFindings,
} from './challenges.ts';
import {
  ChallengeResponse,
  ChallengesResponse,
  challengeParams,
  DecisionBody,
  FieldQuery,
  RaiseBody,
  recordParams,
  ToDecideQuery,
  ToDecideResponse,
  WordingFindingsResponse,
} from './challenges-schemas.ts';
import { RECORD_PATHS, RECORD_TYPE_NAMES, WORDING_RECORD_TYPES } from './records.ts';

/**
 * Challenge and amend, with the same five routes for each kind of finalised record, under the record's own
 * path: `/api/children/:id/notes/:noteId`, `…/referrals/:referralId`, `…/assessments/:assessmentId` and
 * `…/meetings/:meetingId` (the shareable minutes of a held meeting, about this child).
 *
 * Every route is open to any signed-in person at the door; who may do what is the record's own rule,
 * checked by the service: raising follows read access to the record (a record someone may not read is not
 * there: 404), deciding follows its correction rule (its author, or a manager in the author's agency) and
 * is never the raiser's.
 */
export function challengeRoutes(app: FastifyInstance, { db }: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctx = (request: FastifyRequest) => ({ db, actor: actorOf(request), viewer: authOf(request).viewer });

  for (const type of WORDING_RECORD_TYPES) {
    const { segment, param } = RECORD_PATHS[type];
    const name = RECORD_TYPE_NAMES[type];
    const base = `/api/children/:id/${segment}/:${param}`;
    const tags = ['language', segment];
    const ref = (request: FastifyRequest): RecordRef => {
      const params = request.params as Record<string, string>;
      return { type, childId: params.id as string, recordId: params[param] as string };
    };
    const Params = recordParams(param);
    const ChallengeParams = challengeParams(param);

    r.get(`${base}/challenges`, {
      config: signedIn(),
      schema: {
        tags,
        summary: `Challenges to the wording of a ${name}, newest first, with what you may do to each, its texts and their wording’s history`,
        params: Params,
        response: { 200: ChallengesResponse },
      },
      handler: async (request) => listChallenges(ctx(request), ref(request)),
    });

    r.get(`${base}/wording`, {
      config: signedIn(),
      schema: {
        tags,
        summary: `The language assistant’s findings on a text of a ${name} as it is now (checked on view: not stored, not counted)`,
        params: Params,
        querystring: FieldQuery,
        response: { 200: WordingFindingsResponse },
      },
      handler: async (request) => wordingFindings(ctx(request), ref(request), request.query.field),
    });

    r.post(`${base}/challenges`, {
      config: signedIn(),
      schema: {
        tags,
        summary: `Challenge the wording of a finalised ${name}’s current version: the words, why, and what to write instead`,
        params: Params,
        body: RaiseBody,
        response: { 201: ChallengeResponse },
      },
      handler: async (request, reply) =>
        reply.code(201).send({ challenge: await raiseChallenge(ctx(request), ref(request), request.body) }),
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
          ref(request),
          (request.params as { challengeId: string }).challengeId,
        ),
      }),
    });

    r.post(`${base}/challenges/:challengeId/decision`, {
      config: signedIn(),
      schema: {
        tags,
        summary: `Accept (a new version of the ${name}’s text with the amended wording; the original stays in the history) or decline with a reason`,
        params: ChallengeParams,
        body: DecisionBody,
        response: { 200: ChallengeResponse },
      },
      handler: async (request) => ({
        challenge: await decideChallenge(
          ctx(request),
          ref(request),
          (request.params as { challengeId: string }).challengeId,
          request.body,
        ),
      }),
    });
  }

  r.get('/api/wording-challenges', {
    config: signedIn(),
    schema: {
      tags: ['language'],
      summary:
        'Challenges you may decide: on records you wrote and, for a manager, records written in your agency (open by default)',
      querystring: ToDecideQuery,
      response: { 200: ToDecideResponse },
    },
    handler: async (request) => ({
      challenges: await challengesToDecide(ctx(request), request.query.status ?? 'open'),
    }),
  });
}
