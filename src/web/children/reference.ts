import { type Option, request } from '../api.ts';
import { type Loaded, useApiData } from '../components/data.ts';

export interface Indicator {
  id: string;
  group: string;
  text: string;
  evidenceNote: string;
  source: string;
}

export interface ScreeningDecisionOption {
  value: string;
  label: string;
  description: string;
  setsStatus: string | null;
  requiresAdvice: boolean;
  tasks: { kind: string; title: string; dueInWorkingDays: number }[];
}

/** `GET /api/reference/case-record`: every option list and guide the referral and record forms use. */
export interface CaseReference {
  indicatorGuide: { version: string; title: string; usage: string; groups: Option[]; items: Indicator[] };
  immediateDanger: { title: string; steps: string[] };
  harmKinds: Option[];
  screeningDecisions: ScreeningDecisionOption[];
  statutoryStatuses: Option[];
  closureReasons: Option[];
  keepOpenOption: { value: string; label: string; explanation: string };
  noteTypes: Option[];
  verificationStatuses: Option[];
  flagKinds: Option[];
  exchangeGainers: string[];
  flagSettings: string[];
  harmStatuses: Option[];
  personRoles: Option[];
  careStatuses: Option[];
  professionalKinds: Option[];
  timescales: { version: string; screeningDecisionWorkingDays: number };
}

let cached: Promise<CaseReference> | null = null;

function load(): Promise<CaseReference> {
  cached ??= request<CaseReference>('GET', '/api/reference/case-record').catch((error: unknown) => {
    cached = null;
    throw error;
  });
  return cached;
}

/** The case-record reference data, loaded once per visit (it is versioned configuration, not personal data). */
export function useCaseReference(): Loaded<CaseReference> {
  return useApiData(load, []);
}
