/**
 * What a viewer sees of an assessment. Factors and voices carrying a label the viewer may not see are
 * left out (as if they were never there), evidence links to chronology entries the viewer may not see
 * are dropped, and every factor keeps its verification label. Connections to context records the viewer
 * may not see are dropped with their notes (see contexts.ts). The permissions travel with the record.
 */
import { permissionsFor } from '../../domain/access/policy.ts';
import type { Viewer } from '../../domain/access/types.ts';
import {
  type Assessment,
  type AssessmentState,
  assessmentState,
  type EvidenceLink,
  evidenceSummary,
  INDICATIVE_LABEL,
  type Instrument,
  indicativeCount,
  missingVoices,
  validateAgainstInstrument,
} from '../../domain/assessment/index.ts';
import type { ChildAccess } from '../children/access.ts';
import { type VisibleContext, visibleRefsAnswer } from './contexts.ts';
import { asRecord, type EvidenceEntry } from './evidence.ts';
import { type AssessmentRow, recordOf, type SignOffView } from './store.ts';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export type Labels = Record<string, string>;

/** The key under which an item's label is stored: factors by id, voices by position. */
export const itemKey = {
  factor: (id: unknown) => `factor:${String(id)}`,
  child: () => 'voice:child',
  parent: (i: number) => `voice:parent:${i}`,
  agency: (i: number) => `voice:agency:${i}`,
};

interface Visibility {
  /** May the viewer see an item with this key? */
  may(key: string): boolean;
  label(key: string): string;
  entries: Map<string, EvidenceEntry>;
  /** The context records the viewer may see, by the id referred to. */
  contexts: Map<string, VisibleContext>;
}

function visibility(
  access: ChildAccess,
  labels: Labels,
  entries: Map<string, EvidenceEntry>,
  contexts: Map<string, VisibleContext> = new Map(),
): Visibility {
  const label = (key: string) => labels[key] ?? 'standard';
  return {
    may: (key) => (access.labels as string[]).includes(label(key)),
    label,
    entries,
    contexts,
  };
}

function visibleLinks(links: unknown, v: Visibility): EvidenceLink[] {
  if (!Array.isArray(links)) return [];
  return (links as EvidenceLink[]).filter((l) => v.entries.has(String(l?.chronologyEntryId)));
}

/** The answers, with hidden factors removed and evidence limited to visible entries. */
function visibleAnswers(answers: unknown, v: Visibility): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [promptId, raw] of Object.entries(asRecord(answers))) {
    const answer = asRecord(raw);
    if (answer.type === 'factor_list' && Array.isArray(answer.factors)) {
      out[promptId] = {
        ...answer,
        factors: (answer.factors as Record<string, unknown>[])
          .filter((f) => v.may(itemKey.factor(f?.id)))
          .map((f) => {
            const evidence = visibleLinks(f.evidence, v);
            return {
              ...f,
              evidence,
              label: v.label(itemKey.factor(f.id)),
              evidenceSummary: evidenceSummary(evidence).label,
            };
          }),
      };
    } else if (answer.type === 'evidence_links') {
      out[promptId] = { ...answer, links: visibleLinks(answer.links, v) };
    } else if (answer.type === 'context_refs') {
      // DANGER: this keeps persons of concern and places the viewer may not see out of the assessment.
      out[promptId] = visibleRefsAnswer(answer, v.contexts);
    } else {
      out[promptId] = answer;
    }
  }
  return out;
}

function visibleVoices(voices: unknown, v: Visibility) {
  if (voices === undefined || voices === null) return null;
  const all = asRecord(voices);
  const child =
    all.child && v.may(itemKey.child()) ? { ...asRecord(all.child), label: v.label(itemKey.child()) } : null;
  const list = (items: unknown, key: (i: number) => string) =>
    (Array.isArray(items) ? items : []).flatMap((item, i) =>
      v.may(key(i)) ? [{ ...asRecord(item), label: v.label(key(i)) }] : [],
    );
  return {
    child,
    parentsCarers: list(all.parentsCarers, itemKey.parent),
    agencies: list(all.agencies, itemKey.agency),
  };
}

function visibleHarm(harm: unknown, v: Visibility) {
  if (!harm || typeof harm !== 'object') return null;
  const h = asRecord(harm);
  return 'evidence' in h ? { ...h, evidence: visibleLinks(h.evidence, v) } : h;
}

/**
 * The assessment as the viewer may see it, in the domain's shape (for comparison and the chart): hidden
 * factors and voices removed, evidence limited to visible entries. Only for completed assessments.
 */
export function visibleRecord(
  row: AssessmentRow,
  access: ChildAccess,
  entries: Map<string, EvidenceEntry>,
  contexts: Map<string, VisibleContext> = new Map(),
) {
  const record = recordOf(row);
  const v = visibility(access, row.item_labels, entries, contexts);
  const voices = visibleVoices(record.voices, v);
  const strip = <T extends Record<string, unknown>>(item: T) => {
    const { label: _l, evidenceSummary: _e, ...rest } = item;
    return rest;
  };
  const answers = Object.fromEntries(
    Object.entries(visibleAnswers(record.answers, v)).map(([k, a]) => {
      const answer = asRecord(a);
      if (Array.isArray(answer.refs)) {
        const refs = answer.refs.map((r) => {
          const { name: _n, kindName: _k, ...ref } = asRecord(r);
          return ref;
        });
        return [k, { ...answer, refs }];
      }
      return [
        k,
        Array.isArray(answer.factors)
          ? { ...answer, factors: answer.factors.map((f) => strip(asRecord(f))) }
          : a,
      ];
    }),
  );
  return {
    ...record,
    answers,
    harm: visibleHarm(record.harm, v),
    voices: {
      child: voices?.child ? strip(voices.child) : { status: 'not_obtained', reason: 'Not shown' },
      parentsCarers: (voices?.parentsCarers ?? []).map(strip),
      agencies: (voices?.agencies ?? []).map(strip),
    },
  } as unknown as Assessment;
}

export function levelLabel(instrument: Instrument | undefined, level: string | null | undefined) {
  if (!level) return null;
  return instrument?.continuum.levels.find((l) => l.id === level)?.label ?? level;
}

export function stateOf(row: AssessmentRow, signOffs: readonly SignOffView[]): AssessmentState | 'draft' {
  if (row.status === 'draft') return 'draft';
  const record = recordOf(row);
  const config = { version: 'as-completed', required: row.sign_off_required === true };
  return assessmentState(
    record,
    signOffs
      .filter((s) => s.assessmentId === row.id)
      .map((s) => ({
        assessmentId: s.assessmentId,
        decision: s.decision,
        at: s.at,
        by: { userId: s.by.id, name: s.by.name },
        ...(s.comment ? { comment: s.comment } : {}),
      })) as Parameters<typeof assessmentState>[1],
    config,
  );
}

function permissions(viewer: Viewer, access: ChildAccess, row: AssessmentRow, state: string) {
  const p = permissionsFor(viewer, ['assessment.create', 'assessment.sign_off'], {
    child: access.rel,
    ...(row.completed_agency_id ? { targetAgencyId: row.completed_agency_id } : {}),
  });
  const live = !access.mergedInto;
  const mine = row.created_by === viewer.userId;
  return {
    edit: live && row.status === 'draft' && mine && p['assessment.create'],
    complete: live && row.status === 'draft' && mine && p['assessment.create'],
    signOff:
      live && state === 'awaiting_sign_off' && row.completed_by !== viewer.userId && p['assessment.sign_off'],
    startFromThis: live && row.status === 'completed' && p['assessment.create'],
  };
}

/** One line of the history list. */
export function presentSummary(
  viewer: Viewer,
  access: ChildAccess,
  row: AssessmentRow,
  instrument: Instrument | undefined,
  signOffs: readonly SignOffView[],
) {
  const state = stateOf(row, signOffs);
  return {
    id: row.id,
    instrument: { id: row.instrument_id, version: row.instrument_version, title: row.instrument_title },
    status: row.status as 'draft' | 'completed',
    state,
    level: row.level,
    levelLabel: levelLabel(instrument, row.level),
    harmStatus: row.harm_status,
    createdBy: { id: row.created_by, name: row.created_by_name },
    createdAt: iso(row.created_at) as string,
    completedAt: iso(row.completed_at),
    completedBy:
      row.completed_by && row.completed_by_name
        ? { id: row.completed_by, name: row.completed_by_name, agency: row.completed_agency_name ?? '' }
        : null,
    signOffRequired: row.sign_off_required,
    permissions: permissions(viewer, access, row, state),
  };
}

/** The whole assessment, as this viewer may see it. */
export function presentAssessment(
  viewer: Viewer,
  access: ChildAccess,
  row: AssessmentRow,
  context: {
    instrument: Instrument | undefined;
    signOffs: readonly SignOffView[];
    entries: Map<string, EvidenceEntry>;
    involvedAgencies: readonly { id: string; name: string }[];
    /** The referenced context records the viewer may see; without it, no connection is shown. */
    contexts?: Map<string, VisibleContext>;
  },
) {
  const v = visibility(access, row.item_labels, context.entries, context.contexts);
  const content = asRecord(row.content);
  const judgement = asRecord(content.judgement);
  const answers = visibleAnswers(content.answers, v);
  const voices = visibleVoices(content.voices, v);
  const completed = row.status === 'completed';
  let missing: { who: string; whose: string; reason: string | null }[] = [];
  let warnings: string[] = [];
  if (completed) {
    const record = visibleRecord(row, access, context.entries, context.contexts);
    missing = missingVoices(record.voices, context.involvedAgencies).map((m) => ({
      who: m.who,
      whose: m.whose,
      reason: m.reason,
    }));
    if (!voices?.child) missing = missing.filter((m) => m.whose !== 'child');
    if (context.instrument) warnings = validateAgainstInstrument(recordOf(row), context.instrument).warnings;
  }
  const text = (key: string) => (typeof content[key] === 'string' ? (content[key] as string) : null);
  return {
    ...presentSummary(viewer, access, row, context.instrument, context.signOffs),
    answers,
    analysis: text('analysis'),
    balance: text('balance'),
    needsToChange: text('needsToChange'),
    judgement: {
      level: typeof judgement.level === 'string' ? judgement.level : null,
      levelLabel: levelLabel(context.instrument, judgement.level as string | undefined),
      rationale: typeof judgement.rationale === 'string' ? judgement.rationale : null,
    },
    harm: visibleHarm(content.harm, v),
    voices,
    missingVoices: missing,
    planLinks: Array.isArray(content.planLinks) ? content.planLinks : [],
    evidence: Object.fromEntries(
      [...context.entries.values()].map((e) => [
        e.id,
        {
          title: e.title,
          occurredAt: e.occurredAt,
          verification: e.verification,
          sensitivity: e.sensitivity,
        },
      ]),
    ),
    // Shown, if at all, only with its label and apart from the judgement; nothing reads it.
    indicative: {
      label: INDICATIVE_LABEL,
      count: indicativeCount({ answers } as Pick<Assessment, 'answers'>).count,
    },
    warnings,
    signOffs: context.signOffs.filter((s) => s.assessmentId === row.id),
    copiedFrom: row.copied_from,
    updatedAt: iso(row.updated_at) as string,
  };
}
