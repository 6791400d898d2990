/**
 * Contexts, links, the network and group views, and merges, as the web asks for them. Response types
 * come from the server's own schemas (type-only imports: nothing of the server reaches the browser).
 */
import type { z } from 'zod';
import type { Reference as ReferenceSchema } from '../../server/contexts/reference.ts';
import type {
  Context as ContextSchema,
  ContextSummary as ContextSummarySchema,
  Groups as GroupsSchema,
  Link as LinkSchema,
  Match as MatchSchema,
  Merge as MergeSchema,
  Network as NetworkSchema,
} from '../../server/contexts/schemas.ts';
import { request } from '../api.ts';

export type ContextView = z.infer<typeof ContextSchema>;
export type ContextSummary = z.infer<typeof ContextSummarySchema>;
export type LinkView = z.infer<typeof LinkSchema>;
export type MatchView = z.infer<typeof MatchSchema>;
export type MergeView = z.infer<typeof MergeSchema>;
export type NetworkView = z.infer<typeof NetworkSchema>;
export type GroupsView = z.infer<typeof GroupsSchema>;
export type ContextReference = z.infer<typeof ReferenceSchema>;

export interface NetworkFilters {
  steps: string;
  from: string;
  to: string;
  kinds: string[];
  minSource: string;
  minIntelligence: string;
  outOfView: boolean;
}

const enc = encodeURIComponent;

function query(params: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  const text = search.toString();
  return text ? `?${text}` : '';
}

let referencePromise: Promise<ContextReference> | null = null;

export const contextsApi = {
  reference: () => {
    referencePromise ??= request<ContextReference>('GET', '/api/contexts/reference').catch((error) => {
      referencePromise = null;
      throw error;
    });
    return referencePromise;
  },
  search: (q: string, kind?: string) =>
    request<{ contexts: ContextSummary[] }>('GET', `/api/contexts${query({ q, kind })}`),
  create: (body: Record<string, unknown>) =>
    request<{ context: ContextView; matches: MatchView[] }>('POST', '/api/contexts', body),
  get: (id: string, outOfView = false) =>
    request<{ context: ContextView }>('GET', `/api/contexts/${enc(id)}${outOfView ? '?outOfView=true' : ''}`),
  update: (id: string, body: Record<string, unknown>) =>
    request<{ context: ContextView; matches: MatchView[] }>('PUT', `/api/contexts/${enc(id)}`, body),
  matches: (body: Record<string, unknown>, exclude?: string) =>
    request<{ matches: MatchView[] }>('POST', `/api/contexts/matches${query({ exclude })}`, body),
  saveAssessment: (id: string, body: { text: string | null; maceReason: string | null }) =>
    request<{ context: ContextView }>('PUT', `/api/contexts/${enc(id)}/assessment`, body),
  addAction: (id: string, body: Record<string, unknown>) =>
    request<{ context: ContextView }>('POST', `/api/contexts/${enc(id)}/actions`, body),
  setActionStatus: (id: string, actionId: string, status: string) =>
    request<{ context: ContextView }>('PATCH', `/api/contexts/${enc(id)}/actions/${enc(actionId)}`, {
      status,
    }),

  createLink: (body: Record<string, unknown>) => request<{ link: LinkView }>('POST', '/api/links', body),
  link: (id: string) => request<{ link: LinkView }>('GET', `/api/links/${enc(id)}`),
  sighting: (id: string, body: { lastSeen: string }) =>
    request<{ link: LinkView }>('POST', `/api/links/${enc(id)}/sightings`, body),
  corroborate: (id: string, body: Record<string, unknown>) =>
    request<{ link: LinkView }>('POST', `/api/links/${enc(id)}/corroborations`, body),
  withdraw: (id: string, reason: string) =>
    request<{ link: LinkView }>('POST', `/api/links/${enc(id)}/withdraw`, { reason }),

  network: (centre: string, f: NetworkFilters) =>
    request<NetworkView>(
      'GET',
      `/api/network${query({
        centre,
        steps: f.steps,
        from: f.from || undefined,
        to: f.to || undefined,
        kinds: f.kinds.join(',') || undefined,
        minSource: f.minSource || undefined,
        minIntelligence: f.minIntelligence || undefined,
        outOfView: f.outOfView ? 'true' : undefined,
      })}`,
    ),
  groups: (params: { from: string; to: string; minSource?: string; minIntelligence?: string }) =>
    request<GroupsView>('GET', `/api/contexts/groups${query(params)}`),

  merges: (status?: string) =>
    request<{ merges: MergeView[] }>('GET', `/api/contexts/merges${query({ status })}`),
  proposeMerge: (body: { keepId: string; mergeId: string; reason?: string; newInformation?: string }) =>
    request<{ merge: MergeView }>('POST', '/api/contexts/merges', body),
  decideMerge: (id: string, body: { decision: 'confirm' | 'reject'; reason?: string }) =>
    request<{ merge: MergeView }>('POST', `/api/contexts/merges/${enc(id)}/decision`, body),
  undoMerge: (id: string, reason: string) =>
    request<{ merge: MergeView }>('POST', `/api/contexts/merges/${enc(id)}/undo`, { reason }),
};
