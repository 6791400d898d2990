/**
 * The MACE group view: children connected through the persons of concern, places and peer groups they
 * share, and the contexts linked to the most children in a period.
 *
 * Seed 004 asks the MACE tool to let "groups of children's risk assessments … be viewed collectively",
 * cross-referencing "groups of children/perpetrators" and "identifying emerging themes and hot spots".
 * Seed 001 §6 warns that counts of this kind are self-confirming: they show where agencies looked.
 * So `mostLinked` never returns a count without the caveat, and with the agencies behind each count.
 */
import { type IsoDate, toIsoDate } from './dates.ts';
import { atLeast, type MinimumGrade } from './grading.ts';
import { type ContextKind, findLinkNature } from './kinds.ts';
import { isInDefaultView, LINK_CONFIG, type Link, type LinkConfig } from './link.ts';

export interface Period {
  from: IsoDate;
  to: IsoDate;
}

export interface GraphOptions {
  /** Only links seen at some time in this period. */
  period: Period;
  /** Only links graded at least this well. Default: source 2 (untested) and intelligence C. */
  minimumGrade?: MinimumGrade;
  /** Which kinds of context join children. Default: persons of concern, places and peer groups. */
  contextKinds?: readonly ContextKind[];
  /** Also follow links between contexts (a driver and their vehicle; a business and its premises). */
  throughContextLinks?: boolean;
  /** When given, links that have dropped out of the default view on this date are left out. */
  now?: Date | IsoDate;
  linkConfig?: LinkConfig;
}

export const DEFAULT_MINIMUM_GRADE: MinimumGrade = { source: '2', intelligence: 'C' };
export const DEFAULT_GROUP_CONTEXT_KINDS: readonly ContextKind[] = [
  'person_of_concern',
  'place',
  'peer_group',
];

/** Why seed 001 says counts by place or person must be read with care. Always returned with the counts. */
export const MOST_LINKED_CAVEAT = {
  text:
    'These counts show where agencies have looked and recorded, not where harm is. Exploitation should be ' +
    'assumed to happen in every area. A place or person with more links may simply have had more attention, ' +
    'and moving resources towards it will raise its count further while counts fall where resources were ' +
    'taken away. Read each count with the agencies that recorded it.',
  source:
    'Seed 001 §6, "Problem profiling": limitations of hotspot mapping (Coy et al 2017; Beckett 2013); research notes on seed 001, §5.5',
} as const;

function usable(link: Link, options: GraphOptions): boolean {
  const { period } = options;
  if (link.withdrawn) return false;
  // Suspected to be false: never a connection.
  if (link.grading.intelligence === 'E') return false;
  if (!atLeast(link.grading, options.minimumGrade ?? DEFAULT_MINIMUM_GRADE)) return false;
  if (link.lastSeen < period.from || link.firstSeen > period.to) return false;
  if (options.now && !isInDefaultView(link, toIsoDate(options.now), options.linkConfig ?? LINK_CONFIG))
    return false;
  const kinds = options.contextKinds ?? DEFAULT_GROUP_CONTEXT_KINDS;
  if (link.scope === 'child_context') {
    return (
      kinds.includes(link.to.kind) && findLinkNature(link.nature, 'child_context')?.connectsChildren === true
    );
  }
  return (
    options.throughContextLinks === true &&
    link.from.kind !== 'child' &&
    kinds.includes(link.from.kind) &&
    kinds.includes(link.to.kind) &&
    findLinkNature(link.nature, 'context_context')?.connectsChildren === true
  );
}

class UnionFind {
  private readonly parent = new Map<string, string>();
  find(x: string): string {
    let root = x;
    let p = this.parent.get(root);
    while (p !== undefined && p !== root) {
      root = p;
      p = this.parent.get(root);
    }
    // Path compression keeps later finds short.
    let node = x;
    while (node !== root) {
      const next = this.parent.get(node) as string;
      this.parent.set(node, root);
      node = next;
    }
    if (!this.parent.has(root)) this.parent.set(root, root);
    return root;
  }
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    // The smaller key becomes the root, so results do not depend on the order of the links.
    if (ra === rb) return;
    if (ra < rb) this.parent.set(rb, ra);
    else this.parent.set(ra, rb);
  }
}

export interface ContextRef {
  kind: ContextKind;
  id: string;
}

export interface GroupContext extends ContextRef {
  /** Children in this group linked directly to this context. */
  childIds: string[];
}

export interface ChildGroup {
  childIds: string[];
  /** Contexts linked directly to two or more of the group's children. */
  sharedContexts: GroupContext[];
  /** Every context in the group, shared or not. */
  contexts: GroupContext[];
  /** Ids of the links that make the group, for showing the evidence. */
  linkIds: string[];
}

const contextKey = (c: ContextRef) => `${c.kind}:${c.id}`;

/**
 * Connected groups of children: two children are in one group when they are linked (directly, or
 * through links between contexts when `throughContextLinks` is set) to a shared person of concern,
 * place or peer group within the period, by links graded at least `minimumGrade`. Groups of fewer than
 * `minChildren` children (default 2) are not returned. Largest groups first.
 */
export function detectGroups(
  links: readonly Link[],
  options: GraphOptions & { minChildren?: number },
): ChildGroup[] {
  const uf = new UnionFind();
  const used = links.filter((l) => usable(l, options));
  for (const l of used) {
    const from = l.from.kind === 'child' ? `child:${l.from.id}` : contextKey(l.from as ContextRef);
    uf.union(from, contextKey(l.to));
  }
  const groups = new Map<
    string,
    { children: Set<string>; contexts: Map<string, GroupContext>; linkIds: Set<string> }
  >();
  const groupOf = (key: string) => {
    const root = uf.find(key);
    let g = groups.get(root);
    if (!g) {
      g = { children: new Set(), contexts: new Map(), linkIds: new Set() };
      groups.set(root, g);
    }
    return g;
  };
  for (const l of used) {
    const g = groupOf(contextKey(l.to));
    if (l.id) g.linkIds.add(l.id);
    const ctx = g.contexts.get(contextKey(l.to)) ?? { kind: l.to.kind, id: l.to.id, childIds: [] };
    g.contexts.set(contextKey(l.to), ctx);
    if (l.from.kind === 'child') {
      g.children.add(l.from.id);
      if (!ctx.childIds.includes(l.from.id)) ctx.childIds.push(l.from.id);
    } else {
      const key = contextKey(l.from as ContextRef);
      if (!g.contexts.has(key)) g.contexts.set(key, { kind: l.from.kind, id: l.from.id, childIds: [] });
    }
  }
  const minChildren = options.minChildren ?? 2;
  const byCount = (a: GroupContext, b: GroupContext) =>
    b.childIds.length - a.childIds.length || contextKey(a).localeCompare(contextKey(b));
  return [...groups.values()]
    .filter((g) => g.children.size >= minChildren)
    .map((g) => {
      const contexts = [...g.contexts.values()]
        .map((c) => ({ ...c, childIds: [...c.childIds].sort() }))
        .sort(byCount);
      return {
        childIds: [...g.children].sort(),
        sharedContexts: contexts.filter((c) => c.childIds.length >= 2),
        contexts,
        linkIds: [...g.linkIds].sort(),
      };
    })
    .sort(
      (a, b) =>
        b.childIds.length - a.childIds.length || (a.childIds[0] ?? '').localeCompare(b.childIds[0] ?? ''),
    );
}

export interface MostLinkedItem extends ContextRef {
  children: number;
  childIds: string[];
  /** How many of the links each agency recorded: shows whose attention produced the count. */
  sourceAgencies: Record<string, number>;
}

export interface MostLinkedResult {
  period: Period;
  caveat: typeof MOST_LINKED_CAVEAT;
  items: MostLinkedItem[];
}

/**
 * The contexts linked to the most children in the period (places and persons of concern by default),
 * with the caveat that counts reflect where agencies looked, and the agencies behind each count.
 */
export function mostLinked(
  links: readonly Link[],
  period: Period,
  options: Omit<GraphOptions, 'period' | 'throughContextLinks'> & { limit?: number } = {},
): MostLinkedResult {
  const kinds = options.contextKinds ?? (['place', 'person_of_concern'] as const);
  const counts = new Map<string, MostLinkedItem>();
  for (const l of links) {
    if (l.from.kind !== 'child') continue;
    if (!usable(l, { ...options, period, contextKinds: kinds })) continue;
    const key = contextKey(l.to);
    const item = counts.get(key) ?? {
      kind: l.to.kind,
      id: l.to.id,
      children: 0,
      childIds: [],
      sourceAgencies: {},
    };
    counts.set(key, item);
    if (!item.childIds.includes(l.from.id)) {
      item.childIds.push(l.from.id);
      item.children++;
    }
    item.sourceAgencies[l.source.agencyId] = (item.sourceAgencies[l.source.agencyId] ?? 0) + 1;
  }
  const items = [...counts.values()]
    .map((i) => ({ ...i, childIds: [...i.childIds].sort() }))
    .sort((a, b) => b.children - a.children || contextKey(a).localeCompare(contextKey(b)))
    .slice(0, options.limit ?? 10);
  return { period, caveat: MOST_LINKED_CAVEAT, items };
}
