/** Reading the child's plan; every read is audited and shows only what the viewer may see. */
import { permissionsFor } from '../../domain/access/policy.ts';
import { appendAudit } from '../audit/audit.ts';
import { openChild, transact } from '../children/access.ts';
import type { Ctx } from '../children/record.ts';
import { notFound } from '../errors.ts';
import { presentPlan } from './presenter.ts';
import { loadPlanRow, loadVersion, loadVersionList } from './store.ts';

export async function readPlans({ db, actor, viewer }: Ctx, childId: string) {
  return transact(db, actor, async (trx) => {
    const access = await openChild(trx, viewer, childId);
    const row = await loadPlanRow(trx, childId);
    await appendAudit(trx, actor, {
      action: 'plan.list_read',
      recordType: 'child',
      recordId: childId,
      childId,
      details: { planIds: row ? [row.id] : [] },
    });
    const p = permissionsFor(viewer, ['plan.manage'], { child: access.rel });
    const plans = row
      ? [
          presentPlan(
            viewer,
            access,
            row,
            await loadVersion(trx, row.id, row.version),
            await loadVersionList(trx, row.id),
          ),
        ]
      : [];
    return { plans, permissions: { create: !access.mergedInto && !row && p['plan.manage'] } };
  });
}

/** The plan, at its current version or an earlier one. */
export async function readPlan(
  { db, actor, viewer }: Ctx,
  childId: string,
  planId: string,
  version?: number,
) {
  return transact(db, actor, async (trx) => {
    const access = await openChild(trx, viewer, childId);
    const row = await loadPlanRow(trx, childId, planId);
    if (!row || (version !== undefined && (version < 1 || version > row.version))) throw notFound('plan');
    await appendAudit(trx, actor, {
      action: 'plan.read',
      recordType: 'plan',
      recordId: planId,
      childId,
      details: { version: version ?? row.version },
    });
    return presentPlan(
      viewer,
      access,
      row,
      await loadVersion(trx, planId, version ?? row.version),
      await loadVersionList(trx, planId),
    );
  });
}
