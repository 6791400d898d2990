/**
 * Missing episodes and return interviews, as the web asks for them. Response types come from the
 * server's own schemas (type-only imports: nothing of the server reaches the browser bundle); request
 * types from the domain's schemas, so the forms send what the server accepts.
 */
import type { z } from 'zod';
import type { MissingEpisodeInput, ReturnInterviewInput } from '../../domain/missing/index.ts';
import type {
  ChildMissingView,
  Clock as ClockSchema,
  DueItem as DueItemSchema,
  Episode,
  IndependenceWarning,
  Interview,
  MentionLinkBody,
  Mention as MentionSchema,
  ReturnBody,
  Stats as StatsSchema,
  Triggers as TriggersSchema,
} from '../../server/missing/schemas.ts';
import { request } from '../api.ts';

export type EpisodeView = z.infer<typeof Episode>;
export type InterviewView = z.infer<typeof Interview>;
export type Mention = z.infer<typeof MentionSchema>;
export type Clock = z.infer<typeof ClockSchema>;
export type ChildMissing = z.infer<typeof ChildMissingView>;
export type DueItem = z.infer<typeof DueItemSchema>;
export type Stats = z.infer<typeof StatsSchema>;
export type Triggers = z.infer<typeof TriggersSchema>;
export type Warning = z.infer<typeof IndependenceWarning>;
export type ReturnInput = z.input<typeof ReturnBody>;
export type MentionLinkInput = z.input<typeof MentionLinkBody>;
export type { MissingEpisodeInput, ReturnInterviewInput };

export interface MissingOption {
  id: string;
  label: string;
  description: string | null;
}

export interface MissingReference {
  version: string;
  deadline: { basis: string; amount: number; words: string };
  repeatRule: { episodes: number; withinDays: number };
  missingFrom: (MissingOption & { placement: boolean })[];
  protocolCategories: MissingOption[];
  policeRiskGrades: MissingOption[];
  policeRiskGradeNote: string;
  howReturned: MissingOption[];
  pushFactors: MissingOption[];
  pullFactors: MissingOption[];
}

export interface Saved {
  episode: EpisodeView;
  triggers: Triggers;
}

export interface SavedInterview {
  interview: InterviewView;
  warnings: Warning[];
  clock: Clock;
  episode: EpisodeView;
}

const id = (value: string) => encodeURIComponent(value);

export const missingApi = {
  reference: () => request<MissingReference>('GET', '/api/missing/reference'),
  child: (childId: string) => request<ChildMissing>('GET', `/api/missing/children/${id(childId)}`),
  episode: (episodeId: string) =>
    request<{ child: { id: string; name: string }; episode: EpisodeView }>(
      'GET',
      `/api/missing/episodes/${id(episodeId)}`,
    ),
  recordEpisode: (body: MissingEpisodeInput) => request<Saved>('POST', '/api/missing/episodes', body),
  recordReturn: (episodeId: string, body: ReturnInput) =>
    request<Saved>('POST', `/api/missing/episodes/${id(episodeId)}/return`, body),
  createInterview: (body: ReturnInterviewInput) =>
    request<SavedInterview>('POST', '/api/missing/interviews', body),
  updateInterview: (interviewId: string, body: ReturnInterviewInput) =>
    request<SavedInterview>('PUT', `/api/missing/interviews/${id(interviewId)}`, body),
  due: (scope: 'mine' | 'all') =>
    request<{ interviews: DueItem[] }>('GET', `/api/missing/interviews?scope=${scope}`),
  stats: () => request<Stats>('GET', '/api/missing/stats'),
  /** Records a place or person named in a return or interview, linked to a context record, as a link. */
  linkMention: (mentionId: string, body: MentionLinkInput) =>
    request<{ linkId: string; episode: EpisodeView }>(
      'POST',
      `/api/missing/mentions/${id(mentionId)}/link`,
      body,
    ),
};
