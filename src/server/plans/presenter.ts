/**
 * The plan as a viewer may see it: objectives with a label the viewer may not see are left out, each
 * objective says its status in words, and the permissions travel with the plan.
 */
import { permissionsFor } from '../../domain/access/policy.ts';
import type { Viewer } from '../../domain/access/types.ts';
import { ASSESSMENT_HARM_STATUS_NAMES, harmIsSuspectedOrKnown } from '../../domain/assessment/index.ts';
import {
  OBJECTIVE_STATUS_NAMES,
  PLAN_SECTION_INFO,
  PLAN_SECTIONS,
  type Plan,
} from '../../domain/plans/index.ts';
import type { ChildAccess } from '../children/access.ts';
import type { loadVersionList, PlanRow } from './store.ts';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export function presentPlan(
  viewer: Viewer,
  access: ChildAccess,
  row: PlanRow,
  current: { plan: Plan; labels: Record<string, string> },
  versions: Awaited<ReturnType<typeof loadVersionList>>,
) {
  const { plan, labels } = current;
  const may = (id: string) => (access.labels as string[]).includes(labels[id] ?? 'standard');
  const p = permissionsFor(viewer, ['plan.manage'], { child: access.rel });
  const manage = !access.mergedInto && p['plan.manage'];
  return {
    id: plan.id,
    childId: plan.childId,
    version: plan.version,
    harmStatus: plan.harmStatus,
    harmStatusName: ASSESSMENT_HARM_STATUS_NAMES[plan.harmStatus],
    disruptionRequired: harmIsSuspectedOrKnown(plan.harmStatus),
    assessmentId: plan.assessmentId ?? null,
    reviewDate: plan.reviewDate,
    howWeWillKnow: plan.howWeWillKnow ?? null,
    sections: PLAN_SECTIONS.map((key) => ({
      key,
      title: PLAN_SECTION_INFO[key].title,
      purpose: PLAN_SECTION_INFO[key].purpose,
      notes: plan.sections[key].notes ?? null,
      objectives: plan.sections[key].objectives
        .filter((o) => may(o.id))
        .map((o) => ({
          ...o,
          label: labels[o.id] ?? 'standard',
          statusName: OBJECTIVE_STATUS_NAMES[o.status.status],
        })),
    })),
    agreed:
      row.agreed_version !== null && row.agreed_at !== null
        ? {
            version: row.agreed_version,
            at: iso(row.agreed_at) as string,
            by: { id: row.agreed_by ?? '', name: row.agreed_by_name ?? '' },
          }
        : null,
    changedSinceAgreed: row.agreed_version !== null && row.agreed_version < row.version,
    updatedAt: iso(row.updated_at) as string,
    updatedBy: { id: row.updated_by, name: row.updated_by_name },
    versions,
    permissions: {
      edit: manage,
      updateStatus: manage,
      agree: manage && row.agreed_version !== row.version,
      plainLanguage: manage,
    },
  };
}
