/**
 * Everything a user can ask to do, as a closed list. Routes and the web client name actions from this
 * list; a string that is not on it is denied by the policy.
 *
 * Adding an action here is a compile error in `rules.ts` until someone decides who may do it: the grant
 * table is `satisfies Record<Action, …>`, so no action can slip through without a rule.
 */

export const ACTIONS = [
  // Platform administration
  'agency.read',
  'agency.manage',
  'team.read',
  'team.manage',
  'user.read',
  'user.manage',
  'user.reset_mfa',
  'audit.read',
  'audit.verify',
  'access_matrix.read',
  // Children and referrals
  'child.search',
  'child.create',
  'child.read',
  'child.update',
  'child.merge',
  'referral.create',
  'referral.read_own_outcome',
  'referral.screen',
  'note.create',
  'note.finalise',
  'case.allocate',
  'case.close.request',
  'case.close.approve',
  'chronology.export',
  // Assessment and planning
  'assessment.create',
  'assessment.sign_off',
  'plan.manage',
  // Meetings
  'meeting.manage',
  'meeting.attend',
  // Contexts and disruption
  'context.read',
  'context.manage',
  'disruption.manage',
  // Missing episodes
  'missing.manage',
  // Reporting and information governance
  'report.read',
  'sar.export',
  'break_glass',
] as const;
export type Action = (typeof ACTIONS)[number];

export const ACTION_GROUPS = [
  'platform',
  'children',
  'assessment',
  'meetings',
  'contexts',
  'missing',
  'governance',
] as const;
export type ActionGroup = (typeof ACTION_GROUPS)[number];

export const ACTION_GROUP_NAMES = {
  platform: 'Platform administration',
  children: 'Children and referrals',
  assessment: 'Assessment and planning',
  meetings: 'Meetings',
  contexts: 'Contexts and disruption',
  missing: 'Missing episodes',
  governance: 'Reporting and information governance',
} as const satisfies Record<ActionGroup, string>;

export interface ActionInfo {
  readonly group: ActionGroup;
  /** Plain English, for the access matrix and for audit screens. */
  readonly description: string;
  /**
   * The action is about one child's record. The policy then refuses to decide without the viewer's
   * relationship to that child: a check that forgot to load the relationship must fail, not pass.
   */
  readonly concernsChild: boolean;
}

export const ACTION_INFO = {
  'agency.read': { group: 'platform', description: "See the partnership's agencies", concernsChild: false },
  'agency.manage': { group: 'platform', description: 'Add and change agencies', concernsChild: false },
  'team.read': { group: 'platform', description: 'See teams and their members', concernsChild: false },
  'team.manage': {
    group: 'platform',
    description: 'Create teams and change membership',
    concernsChild: false,
  },
  'user.read': { group: 'platform', description: 'See user accounts', concernsChild: false },
  'user.manage': {
    group: 'platform',
    description: 'Create, change and disable accounts and their roles',
    concernsChild: false,
  },
  'user.reset_mfa': { group: 'platform', description: "Reset a user's second factor", concernsChild: false },
  'audit.read': { group: 'platform', description: 'Read the audit trail', concernsChild: false },
  'audit.verify': {
    group: 'platform',
    description: 'Check the audit trail has not been tampered with',
    concernsChild: false,
  },
  'access_matrix.read': { group: 'platform', description: 'Read this access matrix', concernsChild: false },

  'child.search': {
    group: 'children',
    description: "Search children's records (results limited to the records the viewer may read)",
    concernsChild: false,
  },
  'child.create': { group: 'children', description: "Create a child's record", concernsChild: false },
  'child.read': { group: 'children', description: "Read a child's record", concernsChild: true },
  'child.update': {
    group: 'children',
    description: "Change a child's identity and details",
    concernsChild: true,
  },
  'child.merge': {
    group: 'children',
    description: 'Merge two records of the same child',
    concernsChild: true,
  },
  'referral.create': { group: 'children', description: 'Make a referral', concernsChild: false },
  'referral.read_own_outcome': {
    group: 'children',
    description: "See the outcome of one's own referral",
    concernsChild: false,
  },
  'referral.screen': {
    group: 'children',
    description: 'Screen a referral and record the decision',
    concernsChild: false,
  },
  'note.create': { group: 'children', description: 'Write a case note', concernsChild: true },
  'note.finalise': { group: 'children', description: "Finalise one's own case note", concernsChild: true },
  'case.allocate': {
    group: 'children',
    description: 'Allocate a lead worker or co-worker',
    concernsChild: true,
  },
  'case.close.request': {
    group: 'children',
    description: 'Ask for a case to be closed',
    concernsChild: true,
  },
  'case.close.approve': {
    group: 'children',
    description: 'Approve the closure of a case',
    concernsChild: true,
  },
  'chronology.export': {
    group: 'children',
    description: "Export a child's chronology (PDF/CSV)",
    concernsChild: true,
  },

  'assessment.create': {
    group: 'assessment',
    description: 'Start or edit an assessment (RAF, MACE risk assessment)',
    concernsChild: true,
  },
  'assessment.sign_off': { group: 'assessment', description: 'Sign off an assessment', concernsChild: true },
  'plan.manage': {
    group: 'assessment',
    description: 'Write and change the plan (safety, disruption, support)',
    concernsChild: true,
  },

  'meeting.manage': {
    group: 'meetings',
    description: 'Convene and run a strategy or MACE meeting: agenda, minutes, actions',
    concernsChild: false,
  },
  'meeting.attend': {
    group: 'meetings',
    description: 'See the meeting and its shareable minutes as a member',
    concernsChild: false,
  },

  'context.read': {
    group: 'contexts',
    description: 'See persons of concern, places, peer groups, online spaces, vehicles',
    concernsChild: false,
  },
  'context.manage': { group: 'contexts', description: 'Record and link contexts', concernsChild: false },
  'disruption.manage': {
    group: 'contexts',
    description: 'Record disruption activity (orders, notices, referrals)',
    concernsChild: false,
  },

  'missing.manage': {
    group: 'missing',
    description: 'Record missing episodes and return home interviews',
    concernsChild: true,
  },

  'report.read': {
    group: 'governance',
    description: 'Read the aggregated problem profile (no individual records)',
    concernsChild: false,
  },
  'sar.export': {
    group: 'governance',
    description: 'Export a subject access request bundle',
    concernsChild: true,
  },
  break_glass: {
    group: 'governance',
    description: "Open a child's record in an emergency, with a recorded reason",
    concernsChild: true,
  },
} as const satisfies Record<Action, ActionInfo>;

const ACTION_SET: ReadonlySet<string> = new Set(ACTIONS);

export function isAction(value: unknown): value is Action {
  return typeof value === 'string' && ACTION_SET.has(value);
}
