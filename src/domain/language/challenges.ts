/**
 * Challenge and amend: the rules, as pure functions. Anyone who can read a finalised record may challenge
 * its wording; the author, or a manager in the author's agency, decides; an accepted challenge makes a
 * new version with the challenged words replaced. The server loads and stores; the decisions are here.
 */

export const CHALLENGE_STATUSES = ['open', 'accepted', 'declined', 'withdrawn', 'superseded'] as const;
export type ChallengeStatus = (typeof CHALLENGE_STATUSES)[number];

export const CHALLENGE_STATUS_NAMES: Record<ChallengeStatus, string> = {
  open: 'Open',
  accepted: 'Accepted',
  declined: 'Declined',
  withdrawn: 'Withdrawn',
  superseded: 'Superseded',
};

/** The words challenged: 0-based offsets into the version's text, end exclusive, and the words. */
export interface ChallengeSpan {
  start: number;
  end: number;
  text: string;
}

export interface FieldProblem {
  path: string;
  message: string;
}

/**
 * Where a span must be in the text it challenges: inside it, not empty, and holding exactly the words
 * the challenger saw. Null when it is good.
 */
export function spanProblem(text: string, span: ChallengeSpan): FieldProblem | null {
  if (!Number.isInteger(span.start) || !Number.isInteger(span.end) || span.start < 0)
    return { path: 'span.start', message: 'must be a whole number, 0 or more' };
  if (span.end <= span.start) return { path: 'span.end', message: 'must be after span.start' };
  if (span.end > text.length)
    return { path: 'span.end', message: `is beyond the end of the text (${text.length} characters)` };
  if (text.slice(span.start, span.end) !== span.text)
    return { path: 'span.text', message: 'is not the words at that place in this version of the text' };
  if (span.text.trim() === '') return { path: 'span.text', message: 'must include at least one word' };
  return null;
}

/**
 * A placeholder from the assistant's suggestions ("[who]", "[name]", "[what she did]"): for the writer to
 * fill in. Wording that still has one cannot go into a record.
 */
const PLACEHOLDER = /\[[a-z][a-z' ]{0,40}\]/;

export function placeholderIn(wording: string): string | null {
  return PLACEHOLDER.exec(wording)?.[0] ?? null;
}

/** Problems with suggested (or decided) wording: empty, or a placeholder left to fill in. */
export function wordingProblem(path: string, wording: string): FieldProblem | null {
  if (wording.trim() === '') return { path, message: 'must not be empty' };
  const placeholder = placeholderIn(wording);
  if (placeholder)
    return { path, message: `must not have ${placeholder} in it: fill it in with what you know` };
  return null;
}

export type Amendment =
  | { ok: true; text: string; start: number; end: number; moved: boolean }
  | { ok: false; reason: 'words_gone' };

/**
 * The text after an accepted challenge: the challenged words replaced by the wording. When the record
 * has moved on since the challenge, the words are replaced where they now are (the nearest place they
 * appear to where they were); if they are no longer there, the challenge cannot be applied.
 *
 * A challenge without a span challenges the whole text: `span` is then the whole of the challenged
 * version's text, and the wording replaces it (or that text where it now sits in a longer version).
 */
export function amend(current: string, span: ChallengeSpan, wording: string): Amendment {
  let start: number | null = null;
  if (current.slice(span.start, span.end) === span.text) start = span.start;
  else {
    for (let at = current.indexOf(span.text); at !== -1; at = current.indexOf(span.text, at + 1)) {
      if (start === null || Math.abs(at - span.start) < Math.abs(start - span.start)) start = at;
    }
  }
  if (start === null) return { ok: false, reason: 'words_gone' };
  const end = start + span.text.length;
  return {
    ok: true,
    text: current.slice(0, start) + wording + current.slice(end),
    start,
    end: start + wording.length,
    moved: start !== span.start,
  };
}

/** The parts of a person that the deciding rules read. */
export interface Person {
  userId: string;
  agencyId: string;
  roles: readonly string[];
}

export interface ChallengedRecord {
  authorUserId: string;
  authorAgencyId: string;
}

export interface ChallengeFacts {
  status: ChallengeStatus;
  raisedBy: string;
}

/** The correction rule of a finalised record: its author, or a manager in the author's agency. */
export function mayAmendRecord(person: Person, record: ChallengedRecord): boolean {
  return (
    record.authorUserId === person.userId ||
    (person.roles.includes('manager') && person.agencyId === record.authorAgencyId)
  );
}

/** Accept or decline: whoever may amend the record, but never the person who raised the challenge. */
export function mayDecide(person: Person, record: ChallengedRecord, challenge: ChallengeFacts): boolean {
  return (
    challenge.status === 'open' && challenge.raisedBy !== person.userId && mayAmendRecord(person, record)
  );
}

/** Withdraw: whoever raised it, while it is open. */
export function mayWithdraw(person: Person, challenge: ChallengeFacts): boolean {
  return challenge.status === 'open' && challenge.raisedBy === person.userId;
}

/** Why a person may not decide a challenge they can see, in words for the error message. */
export function whyNotDecide(person: Person, record: ChallengedRecord, challenge: ChallengeFacts): string {
  if (challenge.status !== 'open') return `this challenge is already ${challenge.status}`;
  if (challenge.raisedBy === person.userId)
    return 'you raised this challenge: the author or their manager decides it';
  if (!mayAmendRecord(person, record))
    return 'only the author of the record, or a manager in their agency, may decide a challenge to its wording';
  return 'you may decide it';
}

export interface DecisionInput {
  decision: 'accept' | 'decline';
  reason?: string | undefined;
  wording?: string | undefined;
}

/** A decline needs a reason; wording that replaces the suggestion must be usable; a decline has none. */
export function decisionProblem(input: DecisionInput): FieldProblem | null {
  if (input.decision === 'decline') {
    if (!input.reason || input.reason.trim() === '')
      return { path: 'reason', message: 'is required when you decline: say why the wording stays' };
    if (input.wording !== undefined) return { path: 'wording', message: 'is only for an acceptance' };
    return null;
  }
  if (input.wording !== undefined) return wordingProblem('wording', input.wording);
  return null;
}

/** The reason recorded on the new version. */
export function amendedVersionReason(challengeReason: string): string {
  const reason = `Wording amended after a challenge: ${challengeReason}`;
  return reason.length > 2000 ? `${reason.slice(0, 1999)}…` : reason;
}
