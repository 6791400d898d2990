/**
 * "When the same person of concern or place appears in several items, the meeting shows it" (issue 5
 * item 3). Seed 004: the MACE meeting adds value through "intelligence on connections between children
 * and young people, perpetrators, locations and premises"; seed 003 §4.44: "repeat offenders,
 * locations, victims".
 *
 * Call it with the agenda as the viewer sees it (links they may not see already removed, for example
 * with `visibleItems`): a cross-reference built from a link someone may not see would tell them the
 * link exists.
 */
import type { SensitivityLabel } from '../access/types.ts';
import { CONTEXT_KINDS, type ContextKind } from './config.ts';

export interface CrossReferenceContext {
  readonly contextId: string;
  readonly kind: ContextKind;
  readonly label: string;
  readonly sensitivity?: SensitivityLabel;
}

/** The parts of an agenda item the cross-reference reads (the meeting schema's items fit). */
export interface CrossReferenceItem {
  readonly id: string;
  readonly heading: string;
  readonly kind: 'child' | 'context';
  /** For an item about a context: the context itself. */
  readonly context?: CrossReferenceContext;
  readonly linkedContexts?: readonly CrossReferenceContext[];
}

export interface SharedContext {
  readonly contextId: string;
  readonly kind: ContextKind;
  readonly label: string;
  /** The items it appears in, in agenda order: as the item's subject, or linked to it. */
  readonly items: readonly {
    readonly itemId: string;
    readonly heading: string;
    readonly as: 'subject' | 'linked';
  }[];
}

/** People and places first: they are what the seeds ask the meeting to see across children. */
const KIND_ORDER: readonly ContextKind[] = CONTEXT_KINDS;

/**
 * Every context that appears in two or more agenda items, with those items. Sorted by how many items it
 * appears in (most first), then persons of concern before places and the other kinds, then by label.
 * `kinds` narrows the list (for example to persons of concern and places).
 */
export function sharedContexts(
  agendaItems: readonly CrossReferenceItem[],
  kinds: readonly ContextKind[] = CONTEXT_KINDS,
): SharedContext[] {
  const found = new Map<
    string,
    {
      context: CrossReferenceContext;
      items: Map<string, { itemId: string; heading: string; as: 'subject' | 'linked' }>;
    }
  >();
  const note = (context: CrossReferenceContext, item: CrossReferenceItem, as: 'subject' | 'linked') => {
    if (!kinds.includes(context.kind)) return;
    let entry = found.get(context.contextId);
    if (!entry) {
      entry = { context, items: new Map() };
      found.set(context.contextId, entry);
    }
    const existing = entry.items.get(item.id);
    // An item about a context that also lists it as linked shows it once, as its subject.
    if (!existing || (existing.as === 'linked' && as === 'subject')) {
      entry.items.set(item.id, { itemId: item.id, heading: item.heading, as });
    }
  };
  for (const item of agendaItems) {
    if (item.kind === 'context' && item.context) note(item.context, item, 'subject');
    for (const linked of item.linkedContexts ?? []) note(linked, item, 'linked');
  }
  const order = new Map(agendaItems.map((item, i) => [item.id, i]));
  return [...found.values()]
    .filter((entry) => entry.items.size >= 2)
    .map(({ context, items }) => ({
      contextId: context.contextId,
      kind: context.kind,
      label: context.label,
      items: [...items.values()].sort((a, b) => (order.get(a.itemId) ?? 0) - (order.get(b.itemId) ?? 0)),
    }))
    .sort(
      (a, b) =>
        b.items.length - a.items.length ||
        KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
        a.label.localeCompare(b.label, 'en-GB'),
    );
}
