/**
 * Every kind of audit entry, as a typed union: an action that is not listed here cannot be written.
 * Reads of a child's record are audited as well as writes (`*.read`).
 */
export const AUDIT_ACTIONS = [
  'session.sign_in',
  'session.sign_in_failed',
  'session.sign_out',
  'session.sign_out_everywhere',
  'session.expired',
  'mfa.enrolled',
  'mfa.reset',
  'agency.created',
  'agency.updated',
  'team.created',
  'team.updated',
  'user.created',
  'user.updated',
  'user.disabled',
  'user.enabled',
  'user.password_set',
  'users.listed',
  'access.denied',
  'audit.verified',
  'demo.loaded',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number] | DomainAuditAction;

export type AuditRecordType =
  | 'agency'
  | 'team'
  | 'user'
  | 'session'
  | 'audit_log'
  | 'partnership'
  | (string & {});

export type AuditOutcome = 'success' | 'denied' | 'failure';

/** Values kept in an audit entry's details. Never personal data of a child in clear beyond identifiers. */
export type AuditDetailValue = string | number | boolean | null | readonly string[];

export interface AuditEvent {
  action: AuditAction;
  recordType?: AuditRecordType;
  recordId?: string;
  childId?: string;
  /** The fields read or changed, by name. */
  fields?: readonly string[];
  reason?: string;
  outcome?: AuditOutcome;
  details?: Readonly<Record<string, AuditDetailValue>>;
}

/** Capabilities register their own actions here as they arrive (e.g. 'child.read', 'referral.created'). */
export type DomainAuditAction =
  `${'child' | 'referral' | 'note' | 'chronology' | 'flag' | 'case' | 'assessment' | 'plan' | 'meeting' | 'context' | 'link' | 'disruption' | 'missing' | 'language' | 'report' | 'sar'}.${string}`;

/** Who did it, from where: taken from the request. */
export interface AuditActor {
  userId: string | null;
  agencyId: string | null;
  requestId: string | null;
}

export const SYSTEM_ACTOR: AuditActor = { userId: null, agencyId: null, requestId: null };
