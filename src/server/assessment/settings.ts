/**
 * The partnership's configuration of assessment: whether (and when) a manager signs off an assessment,
 * and the re-analysis cadence and triggers. Both are data with a version, validated by the domain's
 * schemas; with nothing stored, the domain's defaults apply.
 */
import type { Kysely, Transaction } from 'kysely';
import {
  DEFAULT_REANALYSIS_CONFIG,
  DEFAULT_SIGN_OFF_CONFIG,
  type ReanalysisConfig,
  reanalysisConfigSchema,
  type SignOffConfig,
  signOffConfigSchema,
} from '../../domain/assessment/index.ts';
import { problemsFromZod } from '../../domain/assessment/rules.ts';
import { appendAudit } from '../audit/audit.ts';
import type { AuditActor } from '../audit/events.ts';
import type { DB } from '../db/schema.ts';
import { AppError } from '../errors.ts';

type Db = Kysely<DB> | Transaction<DB>;

export interface AssessmentSettings {
  signOff: SignOffConfig;
  reanalysis: ReanalysisConfig;
  changedAt: string | null;
}

export async function loadSettings(db: Db): Promise<AssessmentSettings> {
  const row = await db
    .selectFrom('assessment_settings')
    .select(['sign_off', 'reanalysis', 'changed_at'])
    .executeTakeFirst();
  return {
    signOff: row?.sign_off ? signOffConfigSchema.parse(row.sign_off) : DEFAULT_SIGN_OFF_CONFIG,
    reanalysis: row?.reanalysis ? reanalysisConfigSchema.parse(row.reanalysis) : DEFAULT_REANALYSIS_CONFIG,
    changedAt: row ? new Date(row.changed_at).toISOString() : null,
  };
}

/** Replaces either part of the configuration; each part is checked by its schema before anything is stored. */
export async function saveSettings(
  db: Kysely<DB>,
  actor: AuditActor,
  userId: string,
  input: { signOff?: unknown; reanalysis?: unknown },
): Promise<AssessmentSettings> {
  const fields: string[] = [];
  const errors: { path: string; message: string }[] = [];
  let signOff: SignOffConfig | undefined;
  let reanalysis: ReanalysisConfig | undefined;
  if (input.signOff !== undefined) {
    const parsed = signOffConfigSchema.safeParse(input.signOff);
    if (parsed.success) signOff = parsed.data;
    else errors.push(...problemsFromZod(parsed.error).map((p) => ({ ...p, path: `signOff.${p.path}` })));
    fields.push('signOff');
  }
  if (input.reanalysis !== undefined) {
    const parsed = reanalysisConfigSchema.safeParse(input.reanalysis);
    if (parsed.success) reanalysis = parsed.data;
    else errors.push(...problemsFromZod(parsed.error).map((p) => ({ ...p, path: `reanalysis.${p.path}` })));
    fields.push('reanalysis');
  }
  if (errors.length > 0) {
    throw new AppError(
      'validation_failed',
      errors.map((e) => `${e.path}: ${e.message}`).join('; '),
      errors.map((e) => ({ path: e.path, message: e.message })),
    );
  }
  await db.transaction().execute(async (trx) => {
    const current = await loadSettings(trx);
    const next = { signOff: signOff ?? current.signOff, reanalysis: reanalysis ?? current.reanalysis };
    await trx
      .insertInto('assessment_settings')
      .values({
        id: true,
        sign_off: JSON.stringify(next.signOff),
        reanalysis: JSON.stringify(next.reanalysis),
        changed_by: userId,
      })
      .onConflict((oc) =>
        oc.column('id').doUpdateSet({
          sign_off: JSON.stringify(next.signOff),
          reanalysis: JSON.stringify(next.reanalysis),
          changed_by: userId,
          changed_at: new Date(),
        }),
      )
      .execute();
    await appendAudit(trx, actor, {
      action: 'assessment.settings_changed',
      recordType: 'assessment_settings',
      fields,
      details: { signOffVersion: next.signOff.version, reanalysisVersion: next.reanalysis.version },
    });
  });
  return loadSettings(db);
}
