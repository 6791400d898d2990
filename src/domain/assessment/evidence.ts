/**
 * Evidence: a link from a factor (or from harm) to the chronology entry it rests on, with its source and
 * verification status. The status is copied from the chronology entry and is never defaulted: an
 * unverified claim stays marked unverified wherever it is repeated (seed 000: the "selling sex for drugs"
 * lesson — a claim nobody checked, repeated until it was taken as fact).
 */
import { z } from 'zod';
import {
  VERIFICATION_NAMES,
  VERIFICATION_STATUSES,
  type VerificationStatus,
} from '../children/case-record.ts';
import { IsoDate, text, Uuid } from './common.ts';

export const evidenceSourceSchema = z.strictObject({
  /** The agency the information came from. */
  agency: text(200),
  /** Who said or recorded it, where known (a role is enough). */
  by: text(200).optional(),
  /** When it was recorded. */
  on: IsoDate.optional(),
});

export const evidenceLinkSchema = z.strictObject({
  chronologyEntryId: Uuid,
  source: evidenceSourceSchema,
  /** Required: there is no default, so nothing becomes "verified" by omission. */
  verification: z.enum(VERIFICATION_STATUSES),
  /** Why this entry matters to the factor, in a sentence. */
  note: z.string().trim().max(1000).optional(),
});

export type EvidenceLink = z.infer<typeof evidenceLinkSchema>;

export interface EvidenceSummary {
  readonly verified: number;
  readonly unverified: number;
  readonly disputed: number;
  /** The worst status present: disputed, then unverified, then verified; `none` with no links. */
  readonly status: VerificationStatus | 'none';
  /** What to show beside the factor, everywhere it is repeated. */
  readonly label: string;
}

/**
 * How well a claim is supported, for display beside it. Anything short of fully verified says so in
 * the label, so a presenter cannot show an unverified factor as if it were established.
 */
export function evidenceSummary(links: readonly EvidenceLink[]): EvidenceSummary {
  const verified = links.filter((l) => l.verification === 'verified').length;
  const unverified = links.filter((l) => l.verification === 'unverified').length;
  const disputed = links.filter((l) => l.verification === 'disputed').length;
  const total = links.length;
  if (total === 0) return { verified, unverified, disputed, status: 'none', label: 'No evidence linked' };
  const status: VerificationStatus = disputed > 0 ? 'disputed' : unverified > 0 ? 'unverified' : 'verified';
  const parts: string[] = [];
  if (disputed > 0) parts.push(`${disputed} of ${total} disputed`);
  if (unverified > 0) parts.push(`${unverified} of ${total} not verified`);
  const label =
    status === 'verified'
      ? VERIFICATION_NAMES.verified
      : `${VERIFICATION_NAMES[status]}: ${parts.join('; ')}`;
  return { verified, unverified, disputed, status, label };
}
