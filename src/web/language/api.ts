/**
 * The language assistant, as the web asks for it. Types come from the server's own schemas (type-only
 * imports: nothing of the server reaches the browser bundle).
 */
import type { z } from 'zod';
import type {
  AddRuleBody,
  CheckResponse,
  Finding as FindingSchema,
  LexiconResponse,
  LexiconRule as LexiconRuleSchema,
  RuleChangeResponse,
  StatsResponse,
} from '../../server/language/schemas.ts';
import { request } from '../api.ts';

export type Finding = z.infer<typeof FindingSchema>;
export type CheckResult = z.infer<typeof CheckResponse>;
export type Lexicon = z.infer<typeof LexiconResponse>;
export type LexiconRule = z.infer<typeof LexiconRuleSchema>;
export type NewRule = z.input<typeof AddRuleBody>;
export type Stats = z.infer<typeof StatsResponse>;

export const languageApi = {
  /** The text is checked and forgotten: the server keeps only counts by team and week. */
  check: (body: { text: string; field?: string; childAge?: number; seen?: string[] }) =>
    request<CheckResult>('POST', '/api/language/check', body),
  accepted: (ruleId: string) => request<null>('POST', '/api/language/suggestions/accepted', { ruleId }),
  lexicon: () => request<Lexicon>('GET', '/api/language/lexicon'),
  setDisabled: (id: string, body: { disabled: boolean; reason: string }) =>
    request<z.infer<typeof RuleChangeResponse>>(
      'PUT',
      `/api/language/lexicon/rules/${encodeURIComponent(id)}/disabled`,
      body,
    ),
  addRule: (rule: NewRule) =>
    request<z.infer<typeof RuleChangeResponse>>('POST', '/api/language/lexicon/rules', rule),
  stats: (params: { from?: string; to?: string } = {}) => {
    const search = new URLSearchParams();
    if (params.from) search.set('from', params.from);
    if (params.to) search.set('to', params.to);
    const query = search.toString();
    return request<Stats>('GET', `/api/language/stats${query ? `?${query}` : ''}`);
  },
};
