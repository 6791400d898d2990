/**
 * Evidence links in an assessment point at chronology entries of the same child that the practitioner
 * can see. Their source and verification status are always copied from the chronology entry, never
 * taken from the form, so an unverified claim stays marked unverified wherever it is repeated (seed 000).
 */
import type { Transaction } from 'kysely';
import { canSeeLabel } from '../../domain/access/policy.ts';
import type { SensitivityLabel, Viewer } from '../../domain/access/types.ts';
import type { ChildAccess } from '../children/access.ts';
import type { DB } from '../db/schema.ts';
import { AppError } from '../errors.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Server-side rules about evidence and labels, named in refusals like the domain's rules. */
export const EVIDENCE_RULES = {
  onRecord: {
    id: 'evidence-on-record',
    statement:
      'Evidence links point at entries in this child’s chronology that you can see; their source and verification come from the entry.',
  },
  labelCoversEvidence: {
    id: 'factor-label-covers-evidence',
    statement:
      'A factor that rests on labelled information (for example police intelligence) carries that label, so it is shown only to those entitled to see it.',
  },
  labelYouCanSee: {
    id: 'label-you-can-see',
    statement: 'You may only put a label you can see yourself on this child’s record.',
  },
} as const;

export function refused(rule: { id: string; statement: string }, path: string, detail: string): AppError {
  const message = `[${rule.id}] ${detail} ${rule.statement}`;
  return new AppError('validation_failed', `${path}: ${message}`, [{ path, message }]);
}

interface FoundLink {
  link: Record<string, unknown>;
  path: string;
}

/** Every object under `value` that links a chronology entry, with its path. */
export function evidenceLinksIn(value: unknown, path: string[] = []): FoundLink[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => evidenceLinksIn(v, [...path, String(i)]));
  if (!value || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  if ('chronologyEntryId' in record) return [{ link: record, path: path.join('.') }];
  return Object.entries(record).flatMap(([k, v]) => evidenceLinksIn(v, [...path, k]));
}

export interface EvidenceEntry {
  id: string;
  title: string;
  occurredAt: string;
  agency: string | null;
  source: string;
  verification: 'verified' | 'unverified' | 'disputed';
  sensitivity: SensitivityLabel;
}

/** The chronology entries with these ids on this child that the viewer may see (filtered in SQL). */
export async function visibleEntries(
  trx: Transaction<DB>,
  access: ChildAccess,
  ids: readonly string[],
): Promise<Map<string, EvidenceEntry>> {
  const wanted = [...new Set(ids)].filter((id) => UUID.test(id));
  if (wanted.length === 0 || access.labels.length === 0) return new Map();
  const rows = await trx
    .selectFrom('chronology_entries as e')
    .leftJoin('agencies as a', 'a.id', 'e.source_agency_id')
    .select([
      'e.id',
      'e.title',
      'e.occurred_at',
      'e.source',
      'e.verification',
      'e.sensitivity',
      'a.name as agency_name',
    ])
    .where('e.child_id', '=', access.childId)
    .where('e.id', 'in', wanted)
    // DANGER: this keeps labelled entries (police intelligence, health…) out of evidence for people who
    // may not see them.
    .where('e.sensitivity', 'in', access.labels)
    .execute();
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        title: r.title,
        occurredAt: new Date(r.occurred_at).toISOString(),
        agency: r.agency_name,
        source: r.source,
        verification: r.verification as EvidenceEntry['verification'],
        sensitivity: r.sensitivity as SensitivityLabel,
      },
    ]),
  );
}

/**
 * Checks every evidence link in `content` and fills in its source and verification from the chronology,
 * in place. Returns the entries, for the label check.
 */
export async function resolveEvidence(
  trx: Transaction<DB>,
  access: ChildAccess,
  content: unknown,
): Promise<Map<string, EvidenceEntry>> {
  const found = evidenceLinksIn(content);
  const ids = found.map((f) => String(f.link.chronologyEntryId));
  const entries = await visibleEntries(trx, access, ids);
  for (const { link, path } of found) {
    const entry = entries.get(String(link.chronologyEntryId));
    if (!entry) {
      throw refused(
        EVIDENCE_RULES.onRecord,
        `${path}.chronologyEntryId`,
        'There is no chronology entry with this id on this child’s record that you can see.',
      );
    }
    link.source = {
      agency: entry.agency ?? 'Agency not recorded',
      by: entry.source.slice(0, 200),
      on: entry.occurredAt.slice(0, 10),
    };
    link.verification = entry.verification;
  }
  return entries;
}

/** Every label used on an item must be one the viewer can see on this child's record. */
export function assertLabelsUsable(viewer: Viewer, access: ChildAccess, labels: Record<string, string>) {
  for (const [key, label] of Object.entries(labels)) {
    if (!canSeeLabel(viewer, label as SensitivityLabel, access.rel)) {
      throw refused(EVIDENCE_RULES.labelYouCanSee, `labels.${key}`, `You cannot see "${label}" here.`);
    }
  }
}

/** The labels of a factor's evidence other than standard: the factor must carry one of them. */
export function assertFactorLabels(
  answers: unknown,
  labels: Record<string, string>,
  entries: Map<string, EvidenceEntry>,
) {
  if (!answers || typeof answers !== 'object') return;
  for (const [promptId, answer] of Object.entries(answers as Record<string, unknown>)) {
    const factors = (answer as { factors?: unknown }).factors;
    if (!Array.isArray(factors)) continue;
    factors.forEach((factor: { id?: unknown; evidence?: unknown }, i) => {
      const restricted = new Set(
        evidenceLinksIn(factor?.evidence)
          .map((f) => entries.get(String(f.link.chronologyEntryId))?.sensitivity)
          .filter((l): l is SensitivityLabel => !!l && l !== 'standard'),
      );
      if (restricted.size === 0) return;
      const label = labels[`factor:${String(factor?.id)}`] ?? 'standard';
      if (!restricted.has(label as SensitivityLabel)) {
        throw refused(
          EVIDENCE_RULES.labelCoversEvidence,
          `answers.${promptId}.factors.${i}`,
          `This factor rests on information labelled ${[...restricted].join(' or ')}; give the factor that label.`,
        );
      }
    });
  }
}

/** Whether a stored JSON value is safe to walk (a draft may be partial). */
export const asRecord = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
