import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { maybeDateText } from '../children/record-queries.ts';
import type { AppContext } from '../context.ts';
import { authOf, signedIn } from '../http/access.ts';
import { Waiting } from '../referrals/schemas.ts';
import { myTasks } from '../referrals/tasks.ts';
import { mayScreen, screeningQueue } from '../referrals/view.ts';

/**
 * "My work": the signed-in person's children, referrals waiting for their decision and tasks.
 * Each list is computed for this viewer only.
 */
export function myWorkRoutes(app: FastifyInstance, { db }: AppContext) {
  app.withTypeProvider<ZodTypeProvider>().get('/api/my-work', {
    config: signedIn(),
    schema: {
      tags: ['my work'],
      summary:
        'The signed-in person’s children, referrals awaiting their decision, and tasks due and overdue',
      response: {
        200: z.object({
          children: z.array(
            z.object({
              id: z.string(),
              name: z.string(),
              dateOfBirth: z.string().nullable(),
              caseStatus: z.string(),
              yourRoles: z.array(z.string()),
            }),
          ),
          referralsAwaitingDecision: z.array(
            z.object({
              id: z.string(),
              receivedAt: z.string(),
              subjectName: z.string(),
              immediateDanger: z.boolean(),
              harmKinds: z.array(z.string()),
              referrerAgency: z.object({ id: z.string(), name: z.string() }),
              childId: z.string().nullable(),
              waiting: Waiting,
            }),
          ),
          tasks: z.array(
            z.object({
              id: z.string(),
              title: z.string(),
              kind: z.string(),
              dueAt: z.string().nullable(),
              overdue: z.boolean(),
              child: z.object({ id: z.string(), name: z.string() }).nullable(),
              referralId: z.string().nullable(),
            }),
          ),
        }),
      },
    },
    handler: async (request) => {
      const { viewer } = authOf(request);
      // "My children": the ones I am allocated to, by name.
      const children = await db
        .selectFrom('child_professionals as cp')
        .innerJoin('people as p', 'p.id', 'cp.child_id')
        .select([
          'p.id',
          'p.given_name',
          'p.family_name',
          'p.case_status',
          maybeDateText('p.date_of_birth').as('dob'),
          sql<string[]>`array_agg(DISTINCT cp.kind ORDER BY cp.kind)`.as('kinds'),
        ])
        .where('cp.user_id', '=', viewer.userId)
        .where('cp.ended_at', 'is', null)
        .where('p.merged_into', 'is', null)
        .groupBy(['p.id', 'p.given_name', 'p.family_name', 'p.case_status', 'p.date_of_birth'])
        .orderBy('p.family_name')
        .orderBy('p.given_name')
        .execute();
      return {
        children: children.map((c) => ({
          id: c.id,
          name: `${c.given_name} ${c.family_name}`,
          dateOfBirth: c.dob,
          caseStatus: c.case_status,
          yourRoles: c.kinds,
        })),
        referralsAwaitingDecision: mayScreen(viewer) ? await screeningQueue(db) : [],
        tasks: await myTasks(db, viewer),
      };
    },
  });
}
