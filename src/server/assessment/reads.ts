/**
 * Reading assessments: the history, one assessment, two side by side, and the level-over-time chart.
 * Every read of a child's assessments is audited, and what is returned is only what the viewer may see.
 */
import type { Transaction } from 'kysely';
import { permissionsFor } from '../../domain/access/policy.ts';
import {
  type Assessment,
  compareAssessments,
  compareVersions,
  levelChartSeries,
} from '../../domain/assessment/index.ts';
import { appendAudit } from '../audit/audit.ts';
import { type ChildAccess, openChild, transact } from '../children/access.ts';
import type { Ctx } from '../children/record.ts';
import { loadProfessionals } from '../children/record-queries.ts';
import type { DB } from '../db/schema.ts';
import { AppError, notFound } from '../errors.ts';
import { contextIdsIn, visibleContexts } from './contexts.ts';
import { asRecord, evidenceLinksIn, visibleEntries } from './evidence.ts';
import { storedInstruments } from './instruments.ts';
import { presentAssessment, presentSummary, visibleRecord } from './presenter.ts';
import { reanalysisFor } from './reanalysis.ts';
import { type AssessmentRow, loadAssessmentRows, loadSignOffs } from './store.ts';

async function entriesFor(trx: Transaction<DB>, access: ChildAccess, rows: readonly AssessmentRow[]) {
  const ids = rows.flatMap((r) => evidenceLinksIn(r.content).map((f) => String(f.link.chronologyEntryId)));
  return visibleEntries(trx, access, ids);
}

/** The context records these assessments refer to that the viewer may see (decided in SQL). */
async function contextsFor(trx: Transaction<DB>, viewer: Ctx['viewer'], rows: readonly AssessmentRow[]) {
  return visibleContexts(
    trx,
    viewer,
    rows.flatMap((r) => contextIdsIn(asRecord(r.content).answers)),
  );
}

export async function assessmentHistory({ db, actor, viewer }: Ctx, childId: string) {
  return transact(db, actor, async (trx) => {
    const access = await openChild(trx, viewer, childId);
    const rows = await loadAssessmentRows(trx, childId);
    const registry = await storedInstruments(trx);
    const signOffs = await loadSignOffs(
      trx,
      rows.map((r) => r.id),
    );
    const reanalysis = await reanalysisFor(trx, childId, access.labels);
    await appendAudit(trx, actor, {
      action: 'assessment.history_read',
      recordType: 'child',
      recordId: childId,
      childId,
      fields: ['assessments'],
      details: { assessmentIds: rows.map((r) => r.id) },
    });
    const newest = new Map<string, { id: string; version: string; title: string }>();
    for (const i of registry.list()) {
      const known = newest.get(i.id);
      if (!known || compareVersions(i.version, known.version) > 0)
        newest.set(i.id, { id: i.id, version: i.version, title: i.title });
    }
    const p = permissionsFor(viewer, ['assessment.create', 'plan.manage'], { child: access.rel });
    return {
      assessments: rows
        .map((r) =>
          presentSummary(viewer, access, r, registry.get(r.instrument_id, r.instrument_version), signOffs),
        )
        .sort((x, y) => (y.completedAt ?? y.createdAt).localeCompare(x.completedAt ?? x.createdAt)),
      reanalysis,
      startable: [...newest.values()],
      permissions: { start: !access.mergedInto && p['assessment.create'] },
    };
  });
}

export async function readAssessment({ db, actor, viewer }: Ctx, childId: string, id: string) {
  return transact(db, actor, async (trx) => {
    const access = await openChild(trx, viewer, childId);
    const [row] = await loadAssessmentRows(trx, childId, [id]);
    if (!row) throw notFound('assessment');
    const registry = await storedInstruments(trx);
    const professionals = await loadProfessionals(trx, childId);
    const involved = new Map(
      professionals.map((p) => [p.agency_id, { id: p.agency_id, name: p.agency_name }]),
    );
    await appendAudit(trx, actor, {
      action: 'assessment.read',
      recordType: 'assessment',
      recordId: id,
      childId,
    });
    return presentAssessment(viewer, access, row, {
      instrument: registry.get(row.instrument_id, row.instrument_version),
      signOffs: await loadSignOffs(trx, [id]),
      entries: await entriesFor(trx, access, [row]),
      involvedAgencies: [...involved.values()],
      contexts: await contextsFor(trx, viewer, [row]),
    });
  });
}

export async function compareTwo({ db, actor, viewer }: Ctx, childId: string, a: string, b: string) {
  if (a === b) {
    throw new AppError('validation_failed', 'b: choose two different assessments to compare', [
      { path: 'b', message: 'choose two different assessments to compare' },
    ]);
  }
  return transact(db, actor, async (trx) => {
    const access = await openChild(trx, viewer, childId);
    const rows = await loadAssessmentRows(trx, childId, [a, b]);
    if (rows.length !== 2) throw notFound('assessment');
    const draft = rows.find((r) => r.status !== 'completed');
    if (draft) {
      const path = draft.id === a ? 'a' : 'b';
      throw new AppError('validation_failed', `${path}: only completed assessments can be compared`, [
        { path, message: 'only completed assessments can be compared' },
      ]);
    }
    const registry = await storedInstruments(trx);
    const entries = await entriesFor(trx, access, rows);
    const contexts = await contextsFor(trx, viewer, rows);
    const [first, second] = rows.map((r) => visibleRecord(r, access, entries, contexts)) as [
      Assessment,
      Assessment,
    ];
    await appendAudit(trx, actor, {
      action: 'assessment.compared',
      recordType: 'child',
      recordId: childId,
      childId,
      details: { assessmentIds: [a, b] },
    });
    const titles = Object.fromEntries(rows.map((r) => [r.id, r.instrument_title]));
    return { comparison: compareAssessments(first, second, registry.get), titles };
  });
}

export async function levelChart({ db, actor, viewer }: Ctx, childId: string) {
  return transact(db, actor, async (trx) => {
    const access = await openChild(trx, viewer, childId);
    const rows = (await loadAssessmentRows(trx, childId)).filter((r) => r.status === 'completed');
    const registry = await storedInstruments(trx);
    const entries = await entriesFor(trx, access, rows);
    await appendAudit(trx, actor, {
      action: 'assessment.chart_read',
      recordType: 'child',
      recordId: childId,
      childId,
      fields: ['level', 'harm', 'rationale'],
    });
    return levelChartSeries(
      rows.map((r) => visibleRecord(r, access, entries)),
      registry.get,
    );
  });
}

export async function childReanalysis({ db, actor, viewer }: Ctx, childId: string) {
  return transact(db, actor, async (trx) => {
    const access = await openChild(trx, viewer, childId);
    const view = await reanalysisFor(trx, childId, access.labels);
    await appendAudit(trx, actor, {
      action: 'assessment.reanalysis_read',
      recordType: 'child',
      recordId: childId,
      childId,
    });
    return view;
  });
}
