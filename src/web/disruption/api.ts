/**
 * Disruption, as the web asks for it. Response types come from the server's own schemas (type-only
 * imports); request bodies are what the server's schemas accept.
 */
import type { z } from 'zod';
import type {
  DisruptionBody,
  Disruption as DisruptionSchema,
  Eligibility as EligibilitySchema,
  Work as WorkSchema,
} from '../../server/disruption/schemas.ts';
import { request } from '../api.ts';

export type DisruptionView = z.infer<typeof DisruptionSchema>;
export type EligibilityView = z.infer<typeof EligibilitySchema>;
export type WorkView = z.infer<typeof WorkSchema>;
export type DisruptionInput = z.input<typeof DisruptionBody>;

export interface MeasureInfo {
  id: string;
  name: string;
  shortName: string;
  category: string;
  purpose: string;
  against: string[];
  applicants: string[];
  hasConditions: boolean;
  recordsBreaches: boolean;
  namedChildren: string;
  typicalDuration: string;
  rules: { id: string; kind: string; message: string; source: string }[];
}

export interface DisruptionReference {
  rulesVersion: string;
  measures: MeasureInfo[];
  applicants: { id: string; name: string }[];
  statuses: { id: string; name: string }[];
  policeRanks: string[];
  permissions: { record: boolean };
}

const enc = encodeURIComponent;

export const disruptionApi = {
  reference: () => request<DisruptionReference>('GET', '/api/disruption/reference'),
  work: () => request<WorkView>('GET', '/api/disruptions/work'),
  eligibility: (body: DisruptionInput) =>
    request<{ eligibility: EligibilityView }>('POST', '/api/disruption/eligibility', body),
  create: (body: DisruptionInput) =>
    request<{ disruption: DisruptionView }>('POST', '/api/disruptions', body),
  get: (id: string) => request<{ disruption: DisruptionView }>('GET', `/api/disruptions/${enc(id)}`),
  setStatus: (id: string, body: { to: string; on?: string; expiresOn?: string; outcome?: string }) =>
    request<{ disruption: DisruptionView }>('POST', `/api/disruptions/${enc(id)}/status`, body),
  recordBreach: (id: string, body: { date?: string; description: string; response?: string }) =>
    request<{ disruption: DisruptionView }>('POST', `/api/disruptions/${enc(id)}/breaches`, body),
  respond: (id: string, breachId: string, response: string) =>
    request<{ disruption: DisruptionView }>(
      'PATCH',
      `/api/disruptions/${enc(id)}/breaches/${enc(breachId)}`,
      { response },
    ),
};
