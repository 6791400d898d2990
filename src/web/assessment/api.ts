/**
 * Assessments and plans, as the web asks for them. Response types come from the server's own schemas
 * (type-only imports: nothing of the server reaches the browser bundle).
 */
import type { z } from 'zod';
import type {
  AssessmentSummary,
  AssessmentView,
  ChartView,
  ImmediateReferralView,
  ReanalysisView,
} from '../../server/assessment/schemas.ts';
import type { PlainLanguageView, PlanView } from '../../server/plans/schemas.ts';
import { type Option, request } from '../api.ts';

export type Assessment = z.infer<typeof AssessmentView>;
export type AssessmentListItem = z.infer<typeof AssessmentSummary>;
export type Reanalysis = z.infer<typeof ReanalysisView>;
export type Chart = z.infer<typeof ChartView>;
export type ImmediateReferral = z.infer<typeof ImmediateReferralView>;
export type Plan = z.infer<typeof PlanView>;
export type PlainLanguage = z.infer<typeof PlainLanguageView>;

/** An instrument version as published (see src/domain/assessment/instruments/schema.ts). */
export interface Instrument {
  id: string;
  version: string;
  title: string;
  purpose: string;
  source: string;
  continuum: { source: string; levels: { id: string; label: string; description: string }[] };
  judgementGuidance: Record<'analysis' | 'balance' | 'level' | 'harm' | 'needsToChange', string>;
  sections: {
    id: string;
    title: string;
    intro?: string;
    domain?: string;
    prompts: Prompt[];
  }[];
}

export interface Prompt {
  id: string;
  text: string;
  help?: string;
  required: boolean;
  indicatorRef?: string;
  answer:
    | { type: 'text' | 'long_text' | 'yes_no_unknown' | 'evidence_links' }
    | { type: 'choice'; options: { id: string; label: string }[] }
    | { type: 'factor_list'; kind: 'risk' | 'protective'; domain?: string; suggestedIndicatorRefs?: string[] }
    | { type: 'voice'; whose: 'child' | 'parent_carer' | 'agency' }
    | { type: 'context_refs'; kinds: string[] };
}

export interface Rule {
  id: string;
  statement: string;
  source: string;
}

export interface AssessmentReference {
  domains: Option[];
  factorKinds: Option[];
  harmStatuses: Option[];
  harmKinds: Option[];
  howExpressed: Option[];
  triggers: (Option & { source: string })[];
  chartCaption: string;
  chartYAxisTitle: string;
  indicativeLabel: string;
  assessmentRules: Rule[];
  planSections: (Option & { purpose: string; source: string })[];
  objectiveStatuses: Option[];
  planRules: Rule[];
  youngPersonRules: Rule[];
  plainHeadings: Record<string, string>;
}

export interface History {
  assessments: AssessmentListItem[];
  reanalysis: Reanalysis;
  startable: { id: string; version: string; title: string }[];
  permissions: { start: boolean };
}

export interface Comparison {
  comparison: {
    earlier: {
      id: string;
      completedAt: string;
      completedBy: string;
      instrument: { id: string; version: string };
    };
    later: {
      id: string;
      completedAt: string;
      completedBy: string;
      instrument: { id: string; version: string };
    };
    sameInstrumentVersion: boolean;
    factors: Record<
      string,
      Record<'added' | 'removed' | 'unchanged', Factor[]> & { changed: FactorChange[] }
    >;
    level: {
      from: { id: string; label: string };
      to: { id: string; label: string };
      changed: boolean;
      direction: 'more_concern' | 'less_concern' | 'same' | 'not_comparable';
    };
    harm: { from: string; to: string; changed: boolean };
    rationale: { earlier: string; later: string };
    voices: Record<'added' | 'noLongerHeard' | 'missing', { who: string; reason: string | null }[]>;
  };
  titles: Record<string, string>;
}

export interface EvidenceLink {
  chronologyEntryId: string;
  verification?: string;
  source?: { agency: string; by?: string; on?: string };
  note?: string;
}

export interface Factor {
  id: string;
  kind: string;
  domain: string;
  description: string;
  indicatorRef?: string;
  evidence: EvidenceLink[];
  label?: string;
  evidenceSummary?: string;
}

export interface FactorChange {
  before: Factor;
  after: Factor;
  changed: string[];
}

const child = (id: string) => `/api/children/${encodeURIComponent(id)}`;
const one = (id: string, assessmentId: string) =>
  `${child(id)}/assessments/${encodeURIComponent(assessmentId)}`;

export const assessmentApi = {
  reference: () => request<AssessmentReference>('GET', '/api/assessment-reference'),
  instrument: (id: string, version: string) =>
    request<{ instrument: Instrument }>(
      'GET',
      `/api/assessment-instruments/${encodeURIComponent(id)}/${encodeURIComponent(version)}`,
    ),
  history: (id: string) => request<History>('GET', `${child(id)}/assessments`),
  start: (id: string, body: { instrumentId: string; instrumentVersion: string; copyFrom?: string }) =>
    request<{ id: string; immediateReferral: ImmediateReferral }>('POST', `${child(id)}/assessments`, body),
  get: (id: string, assessmentId: string) =>
    request<{ assessment: Assessment }>('GET', one(id, assessmentId)),
  save: (id: string, assessmentId: string, body: Record<string, unknown>) =>
    request<{ assessment: Assessment }>('PUT', one(id, assessmentId), body),
  complete: (id: string, assessmentId: string) =>
    request<{ assessment: Assessment; warnings: string[]; immediateReferral: ImmediateReferral }>(
      'POST',
      `${one(id, assessmentId)}/complete`,
    ),
  signOff: (id: string, assessmentId: string, body: { decision?: string; comment?: string }) =>
    request<{ assessment: Assessment }>('POST', `${one(id, assessmentId)}/sign-off`, body),
  compare: (id: string, a: string, b: string) =>
    request<Comparison>(
      'GET',
      `${child(id)}/assessments/compare?a=${encodeURIComponent(a)}&b=${encodeURIComponent(b)}`,
    ),
  chart: (id: string) => request<Chart>('GET', `${child(id)}/assessments/chart`),
};

const plan = (id: string, planId: string) => `${child(id)}/plans/${encodeURIComponent(planId)}`;

export const planApi = {
  list: (id: string) =>
    request<{ plans: Plan[]; permissions: { create: boolean } }>('GET', `${child(id)}/plans`),
  get: (id: string, planId: string, version?: number) =>
    request<{ plan: Plan }>('GET', `${plan(id, planId)}${version ? `?version=${version}` : ''}`),
  create: (id: string, body: Record<string, unknown>) =>
    request<{ plan: Plan; advisories: { path: string; message: string }[] }>(
      'POST',
      `${child(id)}/plans`,
      body,
    ),
  update: (id: string, planId: string, body: Record<string, unknown>) =>
    request<{ plan: Plan; advisories: { path: string; message: string }[] }>('PUT', plan(id, planId), body),
  setStatus: (id: string, planId: string, objectiveId: string, body: Record<string, unknown>) =>
    request<{ plan: Plan }>(
      'POST',
      `${plan(id, planId)}/objectives/${encodeURIComponent(objectiveId)}/status`,
      body,
    ),
  agree: (id: string, planId: string) => request<{ plan: Plan }>('POST', `${plan(id, planId)}/agree`),
  plainLanguage: (id: string, planId: string) =>
    request<PlainLanguage>('GET', `${plan(id, planId)}/plain-language`),
  generate: (id: string, planId: string) =>
    request<PlainLanguage>('POST', `${plan(id, planId)}/plain-language`),
  editSection: (id: string, planId: string, docId: string, body: { key: string; text: string }) =>
    request<PlainLanguage>('PATCH', `${plan(id, planId)}/plain-language/${encodeURIComponent(docId)}`, body),
  respond: (id: string, planId: string, docId: string, body: Record<string, unknown>) =>
    request<PlainLanguage>(
      'POST',
      `${plan(id, planId)}/plain-language/${encodeURIComponent(docId)}/responses`,
      body,
    ),
};
