import type { SensitivityLabel } from '../access/types.ts';
import { type ActionStatus, OPEN_ACTION_STATUSES } from './action-schema.ts';
import {
  formatLocalDate,
  formatLondonDate,
  type LocalDate,
  listInWords,
  londonDate,
  londonDaysBetween,
  plural,
} from './common.ts';
import {
  CONTEXT_KIND_NAMES,
  type ContextKind,
  labelOf,
  MEETINGS_CONFIG,
  type MeetingsConfig,
  type TriageRule,
} from './config.ts';

// ---------------------------------------------------------------------------------------------------
// Input: what the records say
// ---------------------------------------------------------------------------------------------------

export interface RaisedBy {
  readonly agencyId?: string;
  readonly agencyName: string;
  readonly raisedAt: Date;
  readonly note?: string;
}

export type ConnectionKind = ContextKind | 'child';

export interface TriageChild {
  readonly childId: string;
  /** How the child is named on the list. */
  readonly name: string;
  readonly maceRiskAssessment?: { readonly latestAt: Date | null; readonly previousAt?: Date | null } | null;
  /** Every level of concern recorded, in any order. */
  readonly levelOfConcern?: readonly {
    readonly level: string;
    readonly recordedAt: Date;
    readonly id?: string;
  }[];
  readonly missingEpisodes?: readonly { readonly id: string; readonly reportedAt: Date }[];
  /** Links to persons of concern, places, peer groups … and other children. */
  readonly connections?: readonly {
    readonly id: string;
    readonly kind: ConnectionKind;
    readonly label: string;
    readonly firstRecordedAt: Date;
    readonly sensitivity?: SensitivityLabel;
  }[];
  readonly actions?: readonly {
    readonly id: string;
    readonly dueDate: LocalDate;
    readonly status: ActionStatus;
  }[];
  /** An agency asking for the child to be considered at triage. */
  readonly raisedBy?: readonly RaisedBy[];
}

export interface TriageContext {
  readonly contextId: string;
  readonly kind: ContextKind;
  readonly label: string;
  readonly sensitivity?: SensitivityLabel;
  readonly raisedBy?: readonly RaisedBy[];
  readonly links?: readonly { readonly childId: string; readonly linkedAt: Date }[];
}

export interface TriageInput {
  readonly children: readonly TriageChild[];
  readonly contexts?: readonly TriageContext[];
}

// ---------------------------------------------------------------------------------------------------
// Output: the list
// ---------------------------------------------------------------------------------------------------

export interface TriageReason {
  readonly rule: TriageRule;
  readonly message: string;
  /** The records behind the reason (assessments, episodes, connections, actions, links). */
  readonly recordIds: readonly string[];
}

export type TriageSubject =
  | { readonly kind: 'child'; readonly childId: string; readonly name: string }
  | {
      readonly kind: 'context';
      readonly contextId: string;
      readonly contextKind: ContextKind;
      readonly label: string;
      readonly sensitivity: SensitivityLabel;
    };

export interface TriageItem {
  readonly subject: TriageSubject;
  readonly reasons: readonly TriageReason[];
  /** For a child: the level of concern now recorded, if any. */
  readonly levelOfConcern?: { readonly id: string; readonly label: string } | null;
  /** For a context: the children on this list it is linked to. */
  readonly linkedChildIds?: readonly string[];
}

export interface TriageList {
  readonly since: Date;
  readonly now: Date;
  readonly configVersion: string;
  readonly children: readonly TriageItem[];
  readonly contexts: readonly TriageItem[];
}

// ---------------------------------------------------------------------------------------------------
// Rules
// ---------------------------------------------------------------------------------------------------

type Rules = MeetingsConfig['triage']['rules'];

/** Recorded since the last triage (at or after it; an instant on the triage itself may not have been seen). */
function sinceLast(at: Date, since: Date, now: Date): boolean {
  return at.getTime() >= since.getTime() && at.getTime() <= now.getTime();
}

function raisedReason(raised: readonly RaisedBy[] | undefined, since: Date, now: Date): TriageReason | null {
  const recent = (raised ?? []).filter((r) => sinceLast(r.raisedAt, since, now));
  if (recent.length === 0) return null;
  const sorted = [...recent].sort((a, b) => a.raisedAt.getTime() - b.raisedAt.getTime());
  const who =
    sorted.length === 1
      ? `${sorted[0]?.agencyName} on ${formatLondonDate(sorted[0]?.raisedAt as Date)}`
      : listInWords(sorted.map((r) => `${r.agencyName} (${formatLondonDate(r.raisedAt)})`));
  return { rule: 'raised_by_agency', message: `Raised for triage by ${who}`, recordIds: [] };
}

function childReasons(child: TriageChild, since: Date, now: Date, config: MeetingsConfig): TriageReason[] {
  const rules: Rules = config.triage.rules;
  const levels = config.triage.levelsOfConcern;
  const reasons: TriageReason[] = [];

  const ra = child.maceRiskAssessment;
  if (rules.mace_risk_assessment.enabled && ra?.latestAt && sinceLast(ra.latestAt, since, now)) {
    reasons.push({
      rule: 'mace_risk_assessment',
      message: ra.previousAt
        ? `MACE risk assessment changed on ${formatLondonDate(ra.latestAt)} (previous version ` +
          `${formatLondonDate(ra.previousAt)})`
        : `MACE risk assessment completed for the first time on ${formatLondonDate(ra.latestAt)}`,
      recordIds: [],
    });
  }

  if (rules.level_of_concern.enabled) {
    const history = [...(child.levelOfConcern ?? [])]
      .filter((l) => l.recordedAt.getTime() <= now.getTime())
      .sort((a, b) => a.recordedAt.getTime() - b.recordedAt.getTime());
    const changes: string[] = [];
    const ids: string[] = [];
    history.forEach((entry, i) => {
      if (!sinceLast(entry.recordedAt, since, now)) return;
      const before = history[i - 1];
      if (before && before.level === entry.level) return;
      const to = labelOf(levels, entry.level);
      changes.push(
        before
          ? `from ${labelOf(levels, before.level)} to ${to} on ${formatLondonDate(entry.recordedAt)}`
          : `first recorded as ${to} on ${formatLondonDate(entry.recordedAt)}`,
      );
      if (entry.id) ids.push(entry.id);
    });
    if (changes.length === 1) {
      const only = changes[0] as string;
      reasons.push({
        rule: 'level_of_concern',
        message: only.startsWith('first') ? `Level of concern ${only}` : `Level of concern changed ${only}`,
        recordIds: ids,
      });
    } else if (changes.length > 1) {
      reasons.push({
        rule: 'level_of_concern',
        message: `Level of concern changed ${changes.length} times since the last triage: ${changes.join('; ')}`,
        recordIds: ids,
      });
    }
  }

  const missing = rules.missing_episodes;
  if (missing.enabled) {
    const inWindow = (child.missingEpisodes ?? [])
      .filter(
        (e) =>
          e.reportedAt.getTime() <= now.getTime() &&
          londonDaysBetween(e.reportedAt, now) <= missing.withinDays,
      )
      .sort((a, b) => a.reportedAt.getTime() - b.reportedAt.getTime());
    const anyNew = inWindow.some((e) => sinceLast(e.reportedAt, since, now));
    if (inWindow.length >= missing.episodes && (anyNew || !missing.requireEpisodeSinceLastTriage)) {
      reasons.push({
        rule: 'missing_episodes',
        message:
          `Went missing ${plural(inWindow.length, 'time')} in ${missing.withinDays} days ` +
          `(${inWindow.map((e) => formatLondonDate(e.reportedAt)).join(', ')})`,
        recordIds: inWindow.map((e) => e.id),
      });
    }
  }

  const connections = rules.new_connections;
  if (connections.enabled) {
    const fresh = (child.connections ?? []).filter((c) => sinceLast(c.firstRecordedAt, since, now));
    if (fresh.length >= connections.minimum) {
      // Counted by kind: names stay in the records, where their labels decide who sees them.
      const counts = new Map<ConnectionKind, number>();
      for (const c of fresh) counts.set(c.kind, (counts.get(c.kind) ?? 0) + 1);
      const kinds = [...counts.entries()].map(([kind, n]) =>
        kind === 'child'
          ? plural(n, 'other child', 'other children')
          : plural(n, CONTEXT_KIND_NAMES[kind].toLowerCase()),
      );
      reasons.push({
        rule: 'new_connections',
        message: `${plural(fresh.length, 'new connection')} since the last triage (${listInWords(kinds)})`,
        recordIds: fresh.map((c) => c.id),
      });
    }
  }

  const overdueRule = rules.overdue_actions;
  if (overdueRule.enabled) {
    const today = londonDate(now);
    const late = (child.actions ?? [])
      .filter((a) => OPEN_ACTION_STATUSES.includes(a.status) && a.dueDate < today)
      .sort((a, b) => a.dueDate.localeCompare(b.dueDate));
    if (late.length >= overdueRule.minimum) {
      const oldest = formatLocalDate((late[0] as { dueDate: LocalDate }).dueDate);
      reasons.push({
        rule: 'overdue_actions',
        message:
          late.length === 1
            ? `1 action overdue (due on ${oldest})`
            : `${late.length} actions overdue (the oldest was due on ${oldest})`,
        recordIds: late.map((a) => a.id),
      });
    }
  }

  if (rules.raised_by_agency.enabled) {
    const raised = raisedReason(child.raisedBy, since, now);
    if (raised) reasons.push(raised);
  }
  return reasons;
}

function contextReasons(
  context: TriageContext,
  since: Date,
  now: Date,
  childrenOnList: ReadonlySet<string>,
  config: MeetingsConfig,
): { reasons: TriageReason[]; linkedOnList: string[] } {
  const rules: Rules = config.triage.rules;
  const reasons: TriageReason[] = [];
  if (rules.raised_by_agency.enabled) {
    const raised = raisedReason(context.raisedBy, since, now);
    if (raised) reasons.push(raised);
  }
  const links = (context.links ?? []).filter((l) => l.linkedAt.getTime() <= now.getTime());
  const newChildren = [
    ...new Set(links.filter((l) => sinceLast(l.linkedAt, since, now)).map((l) => l.childId)),
  ];
  if (rules.new_links.enabled && newChildren.length >= rules.new_links.minimum) {
    reasons.push({
      rule: 'new_links',
      message: `Linked to ${plural(newChildren.length, 'more child', 'more children')} since the last triage`,
      recordIds: newChildren,
    });
  }
  const linkedOnList = [...new Set(links.map((l) => l.childId))].filter((id) => childrenOnList.has(id));
  if (rules.linked_children_on_list.enabled && linkedOnList.length >= rules.linked_children_on_list.minimum) {
    reasons.push({
      rule: 'linked_children_on_list',
      message: `Linked to ${linkedOnList.length} children on this triage list`,
      recordIds: linkedOnList,
    });
  }
  return { reasons, linkedOnList };
}

/**
 * The triage list: every child and context with at least one reason, each with all of its reasons.
 * `since` is when the last triage was held; `now` is when the list is built.
 */
export function buildTriageList(
  input: TriageInput,
  since: Date,
  now: Date,
  config: MeetingsConfig = MEETINGS_CONFIG,
): TriageList {
  const levels = config.triage.levelsOfConcern;
  const rank = (id: string | undefined) => (id === undefined ? -1 : levels.findIndex((l) => l.id === id));

  const children: TriageItem[] = [];
  for (const child of input.children) {
    const reasons = childReasons(child, since, now, config);
    if (reasons.length === 0) continue;
    const current = [...(child.levelOfConcern ?? [])]
      .filter((l) => l.recordedAt.getTime() <= now.getTime())
      .sort((a, b) => b.recordedAt.getTime() - a.recordedAt.getTime())[0];
    children.push({
      subject: { kind: 'child', childId: child.childId, name: child.name },
      reasons,
      levelOfConcern: current ? { id: current.level, label: labelOf(levels, current.level) } : null,
    });
  }
  children.sort(
    (a, b) =>
      rank(b.levelOfConcern?.id) - rank(a.levelOfConcern?.id) ||
      b.reasons.length - a.reasons.length ||
      subjectName(a).localeCompare(subjectName(b), 'en-GB'),
  );

  const onList = new Set(children.map((c) => (c.subject.kind === 'child' ? c.subject.childId : '')));
  const contexts: TriageItem[] = [];
  for (const context of input.contexts ?? []) {
    const { reasons, linkedOnList } = contextReasons(context, since, now, onList, config);
    if (reasons.length === 0) continue;
    contexts.push({
      subject: {
        kind: 'context',
        contextId: context.contextId,
        contextKind: context.kind,
        label: context.label,
        sensitivity: context.sensitivity ?? 'standard',
      },
      reasons,
      linkedChildIds: linkedOnList,
    });
  }
  contexts.sort(
    (a, b) =>
      (b.linkedChildIds?.length ?? 0) - (a.linkedChildIds?.length ?? 0) ||
      b.reasons.length - a.reasons.length ||
      subjectName(a).localeCompare(subjectName(b), 'en-GB'),
  );

  return { since, now, configVersion: config.version, children, contexts };
}

function subjectName(item: TriageItem): string {
  return item.subject.kind === 'child' ? item.subject.name : item.subject.label;
}

// The triage decisions schema lives beside this file; re-exported here because it is part of triage.
export {
  childrenForMace,
  type TriageDecisionInput,
  type TriageDecisionRecord,
  triageDecisionSchema,
  undecidedItems,
} from './triage-decisions.ts';
