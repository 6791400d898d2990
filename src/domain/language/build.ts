/**
 * A partnership's own lexicon: the base rules minus the ones it disables, plus its own, without
 * touching code. The result carries its own version ("1.0.0+local.3f9a12c0"), derived from its
 * content, so every finding says exactly which rules produced it.
 */
import { z } from 'zod';
import { type Lexicon, lexiconSchema, type Rule, ruleSchema } from './lexicon.schema.ts';
import { deepFreeze } from './lexicon.ts';

export interface LocalRules {
  /** Base rule ids to switch off. An unknown id is an error: a typo must not leave a rule running. */
  disabled?: readonly string[];
  /** Rules to add. A rule may reuse the id of a disabled base rule to replace it. */
  added?: readonly Rule[];
  /** Extra word sets for added rules. Base sets cannot be redefined. */
  sets?: Readonly<Record<string, readonly string[]>>;
}

export class LexiconError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LexiconError';
  }
}

export function buildLexicon(base: Lexicon, local: LocalRules = {}): Lexicon {
  const disabled = new Set(local.disabled ?? []);
  const known = new Set(base.rules.map((r) => r.id));
  const unknown = [...disabled].filter((id) => !known.has(id));
  if (unknown.length > 0) throw new LexiconError(`cannot disable unknown rule(s): ${unknown.join(', ')}`);

  const added = (local.added ?? []).map((rule, i) => {
    const parsed = ruleSchema.safeParse(rule);
    if (!parsed.success) {
      throw new LexiconError(`added rule ${i} (${rule.id ?? 'no id'}): ${z.prettifyError(parsed.error)}`);
    }
    return parsed.data;
  });
  for (const rule of added) {
    if (known.has(rule.id) && !disabled.has(rule.id)) {
      throw new LexiconError(
        `added rule ${rule.id} clashes with a base rule: disable the base rule to replace it`,
      );
    }
  }
  const clashingSets = Object.keys(local.sets ?? {}).filter((name) => name in base.sets);
  if (clashingSets.length > 0)
    throw new LexiconError(`cannot redefine base word set(s): ${clashingSets.join(', ')}`);

  const sets = { ...base.sets, ...copySets(local.sets ?? {}) };
  const rules = [...base.rules.filter((r) => !disabled.has(r.id)), ...added];
  const core = base.version.split('+')[0] ?? base.version;
  const version =
    disabled.size === 0 && added.length === 0 && Object.keys(local.sets ?? {}).length === 0
      ? base.version
      : `${core}+local.${contentHash({ sets, rules })}`;

  const parsed = lexiconSchema.safeParse({ version, sets, rules });
  if (!parsed.success) throw new LexiconError(z.prettifyError(parsed.error));
  return deepFreeze(parsed.data);
}

function copySets(sets: Readonly<Record<string, readonly string[]>>): Record<string, string[]> {
  return Object.fromEntries(Object.entries(sets).map(([name, words]) => [name, [...words]]));
}

/** FNV-1a over a canonical JSON form: stable across runs and machines, no platform crypto needed. */
export function contentHash(value: unknown): string {
  const text = canonicalJson(value);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
