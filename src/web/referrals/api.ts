/**
 * Referrals, as the web asks for them. Types come from the server's own schemas (type-only imports:
 * nothing of the server reaches the browser bundle).
 */
import type { z } from 'zod';
import type { MatchResult } from '../../server/children/schemas.ts';
import type {
  CreateReferralBody,
  DecisionBody,
  QueueItem,
  ReferralView,
} from '../../server/referrals/schemas.ts';
import { request } from '../api.ts';

export type Referral = z.infer<typeof ReferralView>;
export type QueueEntry = z.infer<typeof QueueItem>;
export type ReferralInput = z.input<typeof CreateReferralBody>;
export type DecisionInput = Partial<z.input<typeof DecisionBody>>;
export type Match = z.infer<typeof MatchResult>;

export interface WhatToDoNow {
  title: string;
  steps: string[];
}

const referral = (id: string) => `/api/referrals/${encodeURIComponent(id)}`;

export const referralsApi = {
  create: (body: ReferralInput) =>
    request<{ referral: Referral; whatToDoNow: WhatToDoNow | null }>('POST', '/api/referrals', body),
  mine: () => request<{ referrals: Referral[] }>('GET', '/api/referrals/mine'),
  queue: () => request<{ referrals: QueueEntry[] }>('GET', '/api/referrals/queue'),
  get: (id: string) => request<{ referral: Referral }>('GET', referral(id)),
  matches: (id: string) => request<{ matches: Match[] }>('GET', `${referral(id)}/matches`),
  link: (id: string, body: { childId: string } | { create: { notAMatchOf: string[] } }) =>
    request<{ referral: Referral }>('POST', `${referral(id)}/child`, body),
  decide: (id: string, body: DecisionInput) =>
    request<{ referral: Referral }>('POST', `${referral(id)}/decision`, body),
  completeTask: (id: string) => request<null>('POST', `/api/tasks/${encodeURIComponent(id)}/complete`),
};
