/**
 * Connections in an assessment are references to context records (persons of concern, places, peer
 * groups, online spaces, vehicles, businesses). A reference is only ever accepted to a record the
 * author can see, and a record is only ever shown to a reader who may see it: both questions are asked
 * in SQL with the contexts capability's own visibility conditions (src/server/contexts/visibility.ts),
 * so an assessment can never become a way round them.
 *
 * A reference the reader may not see is dropped from what they receive, with its note: no name, no
 * kind, no gap and no count. Saying "one connection you cannot see" under "Persons of concern" would
 * itself tell a reader without police-intelligence rights that police hold intelligence on a person
 * connected to this child, which the contexts views never reveal either.
 */
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Viewer } from '../../domain/access/types.ts';
import type { Instrument } from '../../domain/assessment/index.ts';
import { CONTEXT_KIND_INFO, type ContextKind } from '../../domain/contexts/kinds.ts';
import { contextVisible } from '../contexts/visibility.ts';
import type { DB } from '../db/schema.ts';
import { refused } from './evidence.ts';

type Db = Kysely<DB> | Transaction<DB>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Server-side rules about context references, named in refusals like the domain's rules. */
export const CONTEXT_REF_RULES = {
  youCanSee: {
    id: 'context-you-can-see',
    statement:
      'A connection links a context record (a person of concern, place, peer group, online space, vehicle or business) that exists and that you can see.',
  },
  kindOfPrompt: {
    id: 'answer-matches-prompt',
    statement: 'Each connection is a record of a kind the prompt links.',
  },
} as const;

/** A context record as an assessment shows it: only ever one the reader may see. */
export interface VisibleContext {
  /** The live record: the record itself, or the record it was merged into. */
  id: string;
  kind: ContextKind;
  name: string;
}

/**
 * The context records among these ids that the viewer may see, keyed by the id asked for. A record
 * merged into another is answered by the record it was merged into, when the viewer may see that.
 */
export async function visibleContexts(
  db: Db,
  viewer: Viewer,
  ids: readonly string[],
): Promise<Map<string, VisibleContext>> {
  const wanted = [...new Set(ids)].filter((id) => UUID.test(id));
  if (wanted.length === 0) return new Map();
  const { rows } = await sql<{ asked: string; id: string; kind: ContextKind; name: string }>`
    SELECT r.id AS asked, c.id, c.kind, c.display_name AS name
    FROM contexts r JOIN contexts c ON c.id = COALESCE(r.merged_into, r.id)
    WHERE r.id = ANY(${wanted}::uuid[]) AND ${contextVisible(viewer, 'c')}`.execute(db);
  return new Map(rows.map((r) => [r.asked, { id: r.id, kind: r.kind, name: r.name }]));
}

interface FoundRefs {
  promptId: string;
  answer: Record<string, unknown>;
  refs: unknown[];
}

const rec = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

/** Every `context_refs` answer in a draft's answers. */
function refAnswers(answers: unknown): FoundRefs[] {
  return Object.entries(rec(answers)).flatMap(([promptId, raw]) => {
    const answer = rec(raw);
    if (answer.type !== 'context_refs') return [];
    return [{ promptId, answer, refs: Array.isArray(answer.refs) ? answer.refs : [] }];
  });
}

/** The context ids an assessment's answers refer to. */
export function contextIdsIn(answers: unknown): string[] {
  return refAnswers(answers).flatMap((a) => a.refs.map((r) => String(rec(r).contextId ?? '')));
}

/**
 * Checks every context reference in `content.answers` against what the author may see, and rewrites
 * each in place as the domain stores it: `{contextId, kind, note?}`, the kind taken from the record (never
 * from the form), a merged record replaced by the record it was merged into, the presenter's `name`
 * taken off. An unknown or invisible id is refused, naming its field, with the same words for both, so
 * the refusal never tells the author that a record they may not see exists. With `instrument`, a
 * record of a kind the prompt does not link is refused too.
 */
export async function resolveContextRefs(
  db: Db,
  viewer: Viewer,
  content: Record<string, unknown>,
  instrument?: Instrument,
): Promise<string[]> {
  const found = refAnswers(content.answers);
  if (found.length === 0) return [];
  const visible = await visibleContexts(
    db,
    viewer,
    found.flatMap((a) => a.refs.map((r) => String(rec(r).contextId ?? ''))),
  );
  const prompts = new Map(instrument?.sections.flatMap((s) => s.prompts.map((p) => [p.id, p] as const)));
  const ids: string[] = [];
  for (const { promptId, answer, refs } of found) {
    const spec = prompts.get(promptId)?.answer;
    answer.refs = refs.map((raw, i) => {
      const ref = rec(raw);
      const path = `answers.${promptId}.refs.${i}.contextId`;
      const context = visible.get(String(ref.contextId ?? ''));
      if (!context) {
        throw refused(
          CONTEXT_REF_RULES.youCanSee,
          path,
          'There is no context record with this id that you can see.',
        );
      }
      if (spec?.type === 'context_refs' && !(spec.kinds as readonly string[]).includes(context.kind)) {
        throw refused(
          CONTEXT_REF_RULES.kindOfPrompt,
          `answers.${promptId}.refs.${i}.kind`,
          `This prompt links ${spec.kinds.map((k) => CONTEXT_KIND_INFO[k].name.toLowerCase()).join(' or ')} records, not a ${CONTEXT_KIND_INFO[context.kind].name.toLowerCase()}.`,
        );
      }
      ids.push(context.id);
      const note = typeof ref.note === 'string' ? ref.note.trim() : '';
      return { contextId: context.id, kind: context.kind, ...(note ? { note } : {}) };
    });
  }
  return ids;
}

/**
 * A `context_refs` answer as this reader may see it: references to records they may not see are left
 * out, with their notes; the others carry the record's current name and kind, for the reader to follow.
 */
export function visibleRefsAnswer(answer: Record<string, unknown>, contexts: Map<string, VisibleContext>) {
  const refs = (Array.isArray(answer.refs) ? answer.refs : []).flatMap((raw) => {
    const ref = rec(raw);
    const context = contexts.get(String(ref.contextId ?? ''));
    if (!context) return [];
    return [
      {
        contextId: context.id,
        kind: context.kind,
        name: context.name,
        kindName: CONTEXT_KIND_INFO[context.kind].name,
        ...(typeof ref.note === 'string' && ref.note ? { note: ref.note } : {}),
      },
    ];
  });
  return { ...answer, refs };
}
