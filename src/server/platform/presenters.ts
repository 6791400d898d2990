import { decide } from '../../domain/access/policy.ts';
import type { Config } from '../config.ts';
import type { AuthState } from '../http/access.ts';

/** The signed-in person's own view of themselves, with what the interface may offer them. */
export function presentMe(auth: AuthState, config: Config) {
  const can = (action: Parameters<typeof decide>[1]) => decide(auth.viewer, action).allowed;
  return {
    user: {
      id: auth.user.id,
      name: auth.user.name,
      email: auth.user.email,
      agency: auth.user.agency,
      roles: auth.user.roles,
      teams: auth.user.teams,
      mustChangePassword: auth.user.mustChangePassword,
    },
    csrfToken: auth.session.csrfToken,
    session: {
      idleExpiresAt: auth.session.idleExpiresAt.toISOString(),
      absoluteExpiresAt: auth.session.absoluteExpiresAt.toISOString(),
      idleTimeoutSeconds: Math.round(config.session.idleMinutes * 60),
      warningSeconds: config.session.warningSeconds,
    },
    mfa: {
      enrolled: auth.user.mfaEnrolled,
      required: auth.mfaRequired,
      enrolmentRequired: auth.enrolmentRequired || !auth.session.mfaSatisfied,
    },
    permissions: {
      manageAgencies: can('agency.manage'),
      manageTeams: can('team.manage'),
      manageUsers: can('user.manage'),
      readUsers:
        can('user.manage') ||
        decide(auth.viewer, 'user.read', { targetAgencyId: auth.viewer.agencyId }).allowed,
      verifyAudit: can('audit.verify'),
      readAudit: can('audit.read'),
      readReports: can('report.read'),
      screenReferrals: can('referral.screen'),
      readContexts: can('context.read'),
    },
  };
}
