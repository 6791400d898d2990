/**
 * The partnership's lexicon: the base rules shipped with Lantern, minus the ones the partnership has
 * switched off, plus its own — changed without code, each change audited.
 *
 * The database holds the changes and the version they produce. Every check reads that version (one
 * row, by primary key) and uses the lexicon built for it; the built lexicon is kept in process memory
 * only as a cache keyed by that version, so a change made through one app server is applied by every
 * other at its next check.
 */
import type { Kysely, Transaction } from 'kysely';
import {
  baseLexicon,
  buildLexicon,
  checkText,
  FAMILY_TITLES,
  type Lexicon,
  LexiconError,
  lexiconSchema,
  type Rule,
  ruleSchema,
} from '../../domain/language/index.ts';
import { appendAudit } from '../audit/audit.ts';
import type { AuditActor, AuditDetailValue, AuditEvent } from '../audit/events.ts';
import type { DB } from '../db/schema.ts';
import { AppError, invalid, notFound } from '../errors.ts';

interface ChangeRow {
  rule_id: string;
  rule: unknown;
  disabled: boolean;
  reason: string | null;
  changed_at: Date | string;
}

// The version stored while the partnership has changed nothing yet.
const UNCHANGED = 'base';
const CACHE_LIMIT = 16;
const cache = new Map<string, Lexicon>();

function remember(key: string, lexicon: Lexicon): void {
  cache.delete(key);
  cache.set(key, lexicon);
  // Maps iterate in insertion order and every use re-inserts: drop the version used least recently.
  while (cache.size > CACHE_LIMIT) {
    const oldest = cache.keys().next().value;
    if (oldest === undefined) break;
    cache.delete(oldest);
  }
}

/** The lexicon in force now, as every app server sees it. */
export async function currentLexicon(db: Kysely<DB>): Promise<Lexicon> {
  const state = await db.selectFrom('language_lexicon_state').select('version').executeTakeFirst();
  const key = state?.version ?? UNCHANGED;
  const hit = cache.get(key);
  if (hit) {
    remember(key, hit);
    return hit;
  }
  return db.transaction().execute(async (trx) => {
    // FOR SHARE: a change being written now waits for this read, or this read waits for it, so the
    // version and the rules built for it are always from the same moment.
    const locked = await trx
      .selectFrom('language_lexicon_state')
      .select('version')
      .forShare()
      .executeTakeFirst();
    const lexicon = buildFrom(await loadChanges(trx));
    remember(locked?.version ?? UNCHANGED, lexicon);
    return lexicon;
  });
}

async function loadChanges(db: Kysely<DB> | Transaction<DB>): Promise<ChangeRow[]> {
  return db
    .selectFrom('language_rule_changes')
    .select(['rule_id', 'rule', 'disabled', 'reason', 'changed_at'])
    .orderBy('changed_at')
    .orderBy('rule_id')
    .execute();
}

const BASE_IDS: ReadonlySet<string> = new Set(baseLexicon.rules.map((r) => r.id));

function localRuleOf(row: ChangeRow): Rule | null {
  if (row.rule === null || row.rule === undefined) return null;
  const value = typeof row.rule === 'string' ? JSON.parse(row.rule) : row.rule;
  const parsed = ruleSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** Whether a stored local rule still runs against this release's base word sets. */
function stillValid(rule: Rule): boolean {
  try {
    buildLexicon(baseLexicon, { added: [rule] });
    return true;
  } catch (error) {
    if (error instanceof LexiconError) return false;
    throw error;
  }
}

/**
 * The lexicon the changes produce. Checking must never stop working because of stored data, so
 * anything a later release of Lantern no longer recognises is left out rather than refused: a base
 * rule that no longer exists, a local rule whose pattern uses a word set that has gone. (New changes
 * are validated strictly before they are stored.)
 */
function buildFrom(rows: readonly ChangeRow[]): Lexicon {
  const disabled = rows
    .filter((r) => r.rule === null && r.disabled && BASE_IDS.has(r.rule_id))
    .map((r) => r.rule_id);
  const added = rows
    .filter((r) => r.rule !== null && !r.disabled && !BASE_IDS.has(r.rule_id))
    .map(localRuleOf)
    .filter((rule): rule is Rule => rule !== null && stillValid(rule));
  return buildLexicon(baseLexicon, { disabled, added });
}

// ---- Presenting the rules -----------------------------------------------------------------------

export type LexiconRuleView = ReturnType<typeof presentRule>;

function presentRule(rule: Rule, origin: 'base' | 'local', change: ChangeRow | undefined) {
  return {
    id: rule.id,
    family: rule.family,
    familyTitle: FAMILY_TITLES[rule.family],
    severity: rule.severity,
    message: rule.message,
    suggestions: [...rule.suggestions],
    source: rule.source,
    patterns: [...rule.patterns],
    negation: rule.negation,
    examples: { flagged: [...rule.examples.flagged], clean: [...rule.examples.clean] },
    origin,
    enabled: !change?.disabled,
    change: change
      ? {
          disabled: change.disabled,
          reason: change.reason,
          changedAt: new Date(change.changed_at).toISOString(),
        }
      : null,
  };
}

function presentAll(rows: readonly ChangeRow[]): LexiconRuleView[] {
  const byId = new Map(rows.map((r) => [r.rule_id, r]));
  const base = baseLexicon.rules.map((rule) => presentRule(rule, 'base', byId.get(rule.id)));
  const local = rows.flatMap((row) => {
    const rule = localRuleOf(row);
    return rule ? [presentRule(rule, 'local', row)] : [];
  });
  return [...base, ...local];
}

/** Every rule, base and local, with whether it is in force, and the version in force. */
export async function describeLexicon(db: Kysely<DB>) {
  const lexicon = await currentLexicon(db);
  const rows = await loadChanges(db);
  return { version: lexicon.version, baseVersion: baseLexicon.version, rules: presentAll(rows) };
}

// ---- Changing the rules -------------------------------------------------------------------------

interface Change {
  ruleId: string;
  /** The audit entry for the change; the versions before and after are added to its details. */
  event: Omit<AuditEvent, 'details'> & { details: Record<string, AuditDetailValue> };
}

/**
 * Runs one change: serialised with every other change by locking the version row, checked by building
 * the lexicon it produces, written with the new version and its audit entry in one transaction.
 */
async function change(
  db: Kysely<DB>,
  actor: AuditActor,
  write: (trx: Transaction<DB>, rows: ChangeRow[]) => Promise<Change>,
) {
  return db.transaction().execute(async (trx) => {
    const state = await trx
      .selectFrom('language_lexicon_state')
      .select('version')
      .forUpdate()
      .executeTakeFirstOrThrow();
    const { ruleId, event } = await write(trx, await loadChanges(trx));
    const rows = await loadChanges(trx);
    let lexicon: Lexicon;
    try {
      lexicon = buildFrom(rows);
    } catch (error) {
      if (error instanceof LexiconError) throw new AppError('validation_failed', error.message);
      throw error;
    }
    await trx
      .updateTable('language_lexicon_state')
      .set({ version: lexicon.version, changed_at: new Date() })
      .execute();
    await appendAudit(trx, actor, {
      ...event,
      details: {
        ...event.details,
        lexiconVersion: lexicon.version,
        previousVersion: state.version ?? baseLexicon.version,
      },
    });
    const view = presentAll(rows).find((r) => r.id === ruleId);
    if (!view) throw notFound('rule');
    return { version: lexicon.version, rule: view };
  });
}

/** Switches a base or local rule off (or back on), with the reason. */
export async function setRuleDisabled(
  db: Kysely<DB>,
  actor: AuditActor,
  ruleId: string,
  input: { disabled: boolean; reason: string },
) {
  return change(db, actor, async (trx, rows) => {
    const existing = rows.find((r) => r.rule_id === ruleId);
    if (!BASE_IDS.has(ruleId) && !existing) throw notFound('rule');
    const values = {
      disabled: input.disabled,
      reason: input.reason,
      changed_by: actor.userId,
      changed_at: new Date(),
    };
    if (existing) {
      await trx.updateTable('language_rule_changes').set(values).where('rule_id', '=', ruleId).execute();
    } else {
      await trx
        .insertInto('language_rule_changes')
        .values({ rule_id: ruleId, rule: null, ...values })
        .execute();
    }
    return {
      ruleId,
      event: {
        action: input.disabled ? 'language.rule_disabled' : 'language.rule_enabled',
        recordType: 'language_rule',
        recordId: ruleId,
        fields: ['disabled', 'reason'],
        reason: input.reason,
        details: { origin: existing?.rule ? 'local' : 'base' },
      },
    };
  });
}

/** Adds the partnership's own rule, refusing anything the matcher could not run as the writer meant. */
export async function addRule(db: Kysely<DB>, actor: AuditActor, rule: Rule) {
  checkPatterns(rule);
  return change(db, actor, async (trx, rows) => {
    const taken = BASE_IDS.has(rule.id)
      ? `Lantern already has a rule called ${rule.id}; choose another id`
      : rows.some((r) => r.rule_id === rule.id)
        ? `this partnership already has a rule called ${rule.id}`
        : null;
    if (taken) throw new AppError('conflict', `id: ${taken}`, [{ path: 'id', message: taken }]);
    checkExamples(rule, buildFrom(rows));
    await trx
      .insertInto('language_rule_changes')
      .values({
        rule_id: rule.id,
        rule: JSON.stringify(rule),
        disabled: false,
        reason: null,
        changed_by: actor.userId,
      })
      .execute();
    return {
      ruleId: rule.id,
      event: {
        action: 'language.rule_added',
        recordType: 'language_rule',
        recordId: rule.id,
        fields: Object.keys(rule),
        details: { origin: 'local', family: rule.family, severity: rule.severity },
      },
    };
  });
}

/** Patterns are checked against the base word sets, so a typo is named rather than never matching. */
function checkPatterns(rule: Rule): void {
  const parsed = lexiconSchema.safeParse({
    version: baseLexicon.version,
    sets: baseLexicon.sets,
    rules: [rule],
  });
  if (parsed.success) return;
  const issue = parsed.error.issues[0];
  if (!issue) return;
  // Issues about the one rule come with the path ['rules', 0, ...]: report the part inside the rule.
  const path = issue.path.slice(2).join('.') || 'patterns';
  throw invalid(path, issue.message);
}

/**
 * The rule's own examples must behave as it says: each "flagged" sentence is flagged by this rule in
 * the partnership's lexicon, and no "clean" sentence is. Otherwise the rule would not do what its
 * author believes, or another rule already covers the phrase.
 */
function checkExamples(rule: Rule, current: Lexicon): void {
  const withRule = buildLexicon(current, { added: [rule] });
  rule.examples.flagged.forEach((sentence, i) => {
    if (!checkText(sentence, { lexicon: withRule }).findings.some((f) => f.ruleId === rule.id)) {
      throw invalid(`examples.flagged.${i}`, 'is not flagged by this rule: check the patterns and context');
    }
  });
  rule.examples.clean.forEach((sentence, i) => {
    if (checkText(sentence, { lexicon: withRule }).findings.some((f) => f.ruleId === rule.id)) {
      throw invalid(`examples.clean.${i}`, 'is flagged by this rule: add context or change the patterns');
    }
  });
}
