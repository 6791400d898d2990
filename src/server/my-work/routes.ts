import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { reanalysesDueFor } from '../assessment/reanalysis.ts';
import { maybeDateText } from '../children/record-queries.ts';
import type { AppContext } from '../context.ts';
import { disruptionWorkFor } from '../disruption/work.ts';
import { actorOf, authOf, signedIn } from '../http/access.ts';
import { meetingWorkFor } from '../mace/tracker.ts';
import { dueInterviews } from '../missing/views.ts';
import { Waiting } from '../referrals/schemas.ts';
import { myTasks } from '../referrals/tasks.ts';
import { mayScreen, screeningQueue } from '../referrals/view.ts';

const Ref = z.object({ id: z.string(), name: z.string() });

const ReanalysisDue = z.object({
  child: Ref,
  /** When the earliest reason to analyse again falls due. */
  dueAt: z.string().nullable(),
  overdue: z.boolean(),
  lastAnalysis: z.object({ id: z.string(), completedAt: z.string() }).nullable(),
  /** Why it is due, limited to what this viewer may see on the child's record. */
  reasons: z.array(z.object({ label: z.string(), at: z.string(), dueBy: z.string() })),
});

/**
 * "My work": the signed-in person's children, referrals waiting for their decision, tasks, re-analyses,
 * disruption, meetings and return interviews. Each list is computed for this viewer only, by the
 * capability's own function, which applies the access policy (see each function for how).
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
          /**
           * Risk analyses due again (`reanalysesDueFor`): `mine` for the children I am allocated to, due and
           * overdue; `team`, for a manager, the overdue ones of children allocated to their teams' members.
           */
          reanalyses: z.object({
            managesTeams: z.boolean(),
            mine: z.array(ReanalysisDue),
            team: z.array(ReanalysisDue),
          }),
          /** Disruption I own or that protects a child I work with (`disruptionWorkFor`). */
          disruption: z.object({
            windowDays: z.number(),
            expiring: z.array(
              z.object({
                id: z.string(),
                measureName: z.string(),
                statusName: z.string(),
                target: Ref.nullable(),
                expiresOn: z.string(),
                daysLeft: z.number(),
                overdue: z.boolean(),
                why: z.array(z.string()),
              }),
            ),
            breachesAwaitingResponse: z.array(
              z.object({
                disruptionId: z.string(),
                breachId: z.string(),
                measureName: z.string(),
                date: z.string(),
              }),
            ),
          }),
          /** Meetings I am invited to that have not ended, and meeting actions I own (`meetingWorkFor`). */
          meetings: z.object({
            invited: z.array(
              z.object({ id: z.string(), title: z.string(), type: z.string(), startsAt: z.string() }),
            ),
            actions: z.array(
              z.object({
                id: z.string(),
                title: z.string(),
                dueDate: z.string(),
                overdue: z.boolean(),
                meeting: Ref,
              }),
            ),
          }),
          /**
           * Return interviews waiting for an offer or a decision, for the children I am lead worker or
           * co-worker for (the missing capability's `dueInterviews`, scope `mine`), most overdue first.
           */
          returnInterviews: z.array(
            z.object({
              episodeId: z.string(),
              child: Ref,
              returnedAt: z.string(),
              state: z.enum(['due', 'overdue']),
              dueAt: z.string().nullable(),
              summary: z.string(),
            }),
          ),
        }),
      },
    },
    handler: async (request) => {
      const { viewer } = authOf(request);
      const now = new Date();
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
        reanalyses: await reanalysesOf(db, viewer, now),
        disruption: await disruptionOf(db, viewer),
        meetings: await meetingsOf(db, viewer),
        returnInterviews: await returnInterviewsOf({ db, actor: actorOf(request), viewer }),
      };
    },
  });
}

type Viewer = ReturnType<typeof authOf>['viewer'];
type Db = AppContext['db'];

async function reanalysesOf(db: Db, viewer: Viewer, now: Date) {
  const managesTeams = viewer.roles.includes('manager') && viewer.teamIds.length > 0;
  const due = await reanalysesDueFor(db, viewer, now);
  const item = (d: (typeof due)[number]) => ({
    child: d.child,
    dueAt: d.dueAt,
    overdue: d.overdue,
    lastAnalysis: d.lastAnalysis ? { id: d.lastAnalysis.id, completedAt: d.lastAnalysis.completedAt } : null,
    reasons: d.reasons.map((r) => ({ label: r.label, at: r.at, dueBy: r.dueBy })),
  });
  // Overdue first, then the soonest deadline (reanalysesDueFor already orders by deadline).
  const byUrgency = (a: { overdue: boolean }, b: { overdue: boolean }) =>
    Number(b.overdue) - Number(a.overdue);
  return {
    managesTeams,
    mine: due
      .filter((d) => d.via === 'allocated')
      .map(item)
      .sort(byUrgency),
    team: due.filter((d) => d.via === 'team' && d.overdue).map(item),
  };
}

async function disruptionOf(db: Db, viewer: Viewer) {
  // The target comes named only where the viewer may see it (`targetColumns` in the disruption queries).
  const work = await disruptionWorkFor(db, viewer);
  return {
    windowDays: work.days,
    expiring: work.expiring.map((e) => ({
      id: e.disruption.id,
      measureName: e.disruption.measureName,
      statusName: e.disruption.statusName,
      target: e.disruption.target,
      expiresOn: e.expiresOn,
      daysLeft: e.daysLeft,
      overdue: e.overdue,
      why: e.why,
    })),
    breachesAwaitingResponse: work.breachesAwaitingResponse.map((b) => ({
      disruptionId: b.disruptionId,
      breachId: b.breachId,
      measureName: b.measureName,
      date: b.date,
    })),
  };
}

async function meetingsOf(db: Db, viewer: Viewer) {
  const work = await meetingWorkFor(db, viewer);
  return {
    invited: work.meetings.map((m) => ({ id: m.id, title: m.title, type: m.type, startsAt: m.startsAt })),
    // Overdue first, then by due date.
    actions: work.actions
      .map((a) => ({
        id: a.id,
        title: a.title,
        dueDate: a.dueDate,
        overdue: a.overdue,
        meeting: { id: a.meetingId, name: a.meetingTitle },
      }))
      .sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.dueDate.localeCompare(b.dueDate)),
  };
}

async function returnInterviewsOf(ctx: Parameters<typeof dueInterviews>[0]) {
  const due = await dueInterviews(ctx, 'mine');
  return due.flatMap((d) =>
    d.clock.state === 'due' || d.clock.state === 'overdue'
      ? [
          {
            episodeId: d.episodeId,
            child: d.child,
            returnedAt: d.returnedAt,
            state: d.clock.state,
            dueAt: d.clock.dueAt,
            summary: d.clock.summary,
          },
        ]
      : [],
  );
}
