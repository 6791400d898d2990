/**
 * The contexts API's request and response shapes. Records and links are the domain's own schemas
 * (checked in the service, so each refusal names its rule); responses are declared here and strip
 * anything a presenter did not choose.
 */
import { z } from 'zod';
import {
  CONTEXT_KINDS,
  contextRecordSchema,
  INTELLIGENCE_ASSESSMENTS,
  linkSchema,
  SOURCE_EVALUATIONS,
} from '../../domain/contexts/index.ts';
import { IsoDate, Uuid } from '../children/schemas.ts';

// ---- Requests -------------------------------------------------------------------------------------

export const IdParams = z.strictObject({ id: Uuid });
export const ActionParams = z.strictObject({ id: Uuid, actionId: Uuid });

/** A context record, and optionally its first link to a child (the link's `from` and `to` are filled in). */
export const ContextBody = z.union([
  contextRecordSchema,
  z.object({ link: z.object({ childId: Uuid }).loose() }).loose(),
]);
export const LinkBody = linkSchema;

export const SearchQuery = z.strictObject({
  q: z.string().trim().min(2, { message: 'must be at least 2 characters' }).max(200),
  kind: z.enum(CONTEXT_KINDS).optional(),
});
/** `exclude`: the record being changed, so it is not proposed as a match for itself. */
export const MatchQuery = z.strictObject({ exclude: Uuid.optional() });
export const ReadQuery = z.strictObject({
  /** Also the links no longer in the default view (past review, suspected false, withdrawn). */
  outOfView: z.enum(['true', 'false']).optional(),
});

const kindsParam = z
  .string()
  .transform((s) => s.split(',').filter(Boolean))
  .pipe(z.array(z.enum(['child', ...CONTEXT_KINDS])).min(1, { message: 'choose at least one kind' }));

export const NetworkQuery = z.strictObject({
  /** The child or context at the centre. */
  centre: Uuid,
  steps: z.coerce.number().int().min(1).max(3).default(2),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  /** Comma-separated: child, person_of_concern, place, peer_group, online_space, vehicle, business. */
  kinds: kindsParam.optional(),
  minSource: z.enum(SOURCE_EVALUATIONS).optional(),
  minIntelligence: z.enum(INTELLIGENCE_ASSESSMENTS).optional(),
  /** Also the links that have dropped out of the default view (past their review date, unconfirmed). */
  outOfView: z.enum(['true', 'false']).optional(),
});

export const GroupsQuery = z.strictObject({
  from: IsoDate,
  to: IsoDate,
  minSource: z.enum(SOURCE_EVALUATIONS).optional(),
  minIntelligence: z.enum(INTELLIGENCE_ASSESSMENTS).optional(),
  throughContextLinks: z.enum(['true', 'false']).optional(),
});

export const SightingBody = z.strictObject({
  lastSeen: IsoDate,
  reviewDate: IsoDate.optional(),
  note: z.string().trim().min(1).max(4000).optional(),
});
export const CorroborationBody = z.strictObject({
  agencyId: Uuid,
  /** Defaults to the signed-in person. */
  authorId: Uuid.optional(),
  on: IsoDate,
  note: z.string().trim().min(1).max(2000).optional(),
});
export const WithdrawBody = z.strictObject({ reason: z.string().trim().min(3).max(2000) });

export const ProposeMergeBody = z.strictObject({
  keepId: Uuid,
  mergeId: Uuid,
  reason: z.string().trim().min(3).max(2000).optional(),
  /** Needed when the same pair was rejected before. */
  newInformation: z.string().trim().min(3).max(2000).optional(),
});
export const DecideMergeBody = z.strictObject({
  decision: z.enum(['confirm', 'reject']),
  reason: z.string().trim().min(3).max(2000).optional(),
});
export const UndoMergeBody = z.strictObject({ reason: z.string().trim().min(3).max(2000) });
export const MergesQuery = z.strictObject({
  status: z.enum(['proposed', 'confirmed', 'rejected']).optional(),
});

export const AssessmentBody = z.strictObject({
  text: z.string().trim().max(20000).nullable(),
  maceReason: z.string().trim().min(3).max(4000).nullable(),
});
export const ActionBody = z.strictObject({
  action: z.string().trim().min(3).max(2000),
  ownerName: z.string().trim().min(1).max(200),
  ownerUserId: Uuid.optional(),
  agencyId: Uuid,
  dueDate: IsoDate,
});
export const ActionStatusBody = z.strictObject({ status: z.enum(['open', 'done', 'no_longer_needed']) });

// ---- Responses ------------------------------------------------------------------------------------

const Ref = z.object({ id: z.string(), name: z.string() });
const End = z.object({ kind: z.string(), kindName: z.string(), id: z.string(), name: z.string() });

export const Link = z.object({
  id: z.string(),
  scope: z.enum(['child_context', 'context_context']),
  from: End,
  to: End,
  nature: z.string(),
  natureLabel: z.string(),
  inverseLabel: z.string(),
  natureDescription: z.string(),
  reads: z.string(),
  firstSeen: z.string(),
  lastSeen: z.string(),
  reviewDate: z.string(),
  source: z.object({ agency: Ref, author: Ref, reference: z.string().nullable() }),
  grading: z.object({
    source: z.string(),
    intelligence: z.string(),
    handling: z.string(),
    handlingConditions: z.string().nullable(),
    code: z.string(),
    explanation: z.string(),
  }),
  sensitivity: z.string(),
  confirmed: z.boolean(),
  corroborations: z.array(
    z.object({ on: z.string(), agency: Ref, author: Ref, note: z.string().nullable() }),
  ),
  note: z.string().nullable(),
  withdrawn: z.object({ on: z.string(), reason: z.string(), by: z.string().nullable() }).nullable(),
  view: z.object({
    inDefaultView: z.boolean(),
    reviewDue: z.boolean(),
    reason: z.string(),
    explanation: z.string(),
  }),
});

export const Match = z.object({
  id: z.string(),
  name: z.string(),
  contextKind: z.string(),
  score: z.number(),
  strength: z.enum(['likely', 'possible']),
  reasons: z.array(z.string()),
});

export const Merge = z.object({
  id: z.string(),
  kind: z.string(),
  keep: Ref,
  merge: Ref,
  score: z.number(),
  reasons: z.array(z.string()),
  status: z.enum(['proposed', 'confirmed', 'rejected']),
  proposedBy: z.string(),
  proposedAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionReason: z.string().nullable(),
  undone: z.object({ at: z.string(), by: z.string(), reason: z.string() }).nullable(),
});

export const DisruptionSummary = z.object({
  id: z.string(),
  measure: z.string(),
  measureName: z.string(),
  status: z.string(),
  statusName: z.string(),
  target: Ref.nullable(),
  expiresOn: z.string().nullable(),
  ownerName: z.string(),
});

export const Context = z.object({
  id: z.string(),
  kind: z.string(),
  name: z.string(),
  sensitivity: z.string(),
  /** Safeguarding first: ['child', 'person_of_concern'] for a person of concern who is a child. */
  roles: z.array(z.string()),
  childRecord: z
    .union([
      z.object({ readable: z.literal(true), id: z.string(), name: z.string() }),
      z.object({ readable: z.literal(false) }),
    ])
    .nullable(),
  warnings: z.array(z.object({ rule: z.string(), message: z.string() })),
  details: z.record(z.string(), z.unknown()),
  mergedInto: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string(),
  createdAgency: z.string(),
  links: z.array(Link),
  assessment: z.object({
    text: z.string().nullable(),
    updatedAt: z.string().nullable(),
    updatedBy: z.string().nullable(),
    maceReason: z.string().nullable(),
    maceNominatedAt: z.string().nullable(),
  }),
  actions: z.array(
    z.object({
      id: z.string(),
      action: z.string(),
      ownerName: z.string(),
      ownerUserId: z.string().nullable(),
      agency: Ref,
      dueDate: z.string(),
      status: z.string(),
      overdue: z.boolean(),
    }),
  ),
  disruptions: z.array(DisruptionSummary),
  merges: z.array(Merge),
  permissions: z.object({
    edit: z.boolean(),
    addLink: z.boolean(),
    manageAssessment: z.boolean(),
    proposeMerge: z.boolean(),
    decideMerges: z.boolean(),
    recordDisruption: z.boolean(),
  }),
});

export const ContextWithMatches = z.object({ context: Context, matches: z.array(Match) });

export const ContextSummary = z.object({
  id: z.string(),
  kind: z.string(),
  name: z.string(),
  sensitivity: z.string(),
});

export const Network = z.object({
  centre: z.object({ id: z.string(), kind: z.string() }),
  steps: z.number(),
  nodes: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      kindName: z.string(),
      name: z.string(),
      depth: z.number(),
      isCentre: z.boolean(),
      childFirst: z.boolean(),
    }),
  ),
  links: z.array(Link),
  truncated: z.boolean(),
});

const GroupContext = z.object({
  id: z.string(),
  kind: z.string(),
  kindName: z.string(),
  name: z.string(),
  childIds: z.array(z.string()),
  openActions: z.number(),
  onMaceAgenda: z.boolean(),
});

export const Groups = z.object({
  period: z.object({ from: z.string(), to: z.string() }),
  minimumGrade: z.object({
    source: z.string(),
    intelligence: z.string(),
    explanation: z.string(),
    example: z.string(),
  }),
  groups: z.array(
    z.object({
      children: z.array(
        z.object({
          id: z.string(),
          name: z.string(),
          levelOfConcern: z.string().nullable(),
          harmStatus: z.string().nullable(),
          assessedOn: z.string().nullable(),
          openActions: z.number(),
        }),
      ),
      sharedContexts: z.array(GroupContext),
      contexts: z.array(GroupContext),
      linkIds: z.array(z.string()),
    }),
  ),
  mostLinked: z.object({
    caveat: z.object({ text: z.string(), source: z.string() }),
    items: z.array(
      z.object({
        id: z.string(),
        kind: z.string(),
        kindName: z.string(),
        name: z.string(),
        children: z.number(),
        sourceAgencies: z.array(z.object({ id: z.string(), name: z.string(), links: z.number() })),
      }),
    ),
  }),
});
