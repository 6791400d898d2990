import { z } from 'zod';
import { AGENCY_TYPES, ROLES } from '../../domain/access/types.ts';

export const Id = z.uuid({ message: 'must be a valid id' });
export const IdParams = z.strictObject({ id: Id });

const name = z.string().trim().min(1).max(200);
const email = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email({ message: 'must be an email address, like name@example.org' }))
  .transform((e) => e.toLowerCase());

export const AgencyType = z.enum(AGENCY_TYPES);
export const Role = z.enum(ROLES);

export const Agency = z.object({ id: z.string(), name: z.string(), type: AgencyType, active: z.boolean() });
export const Team = z.object({
  id: z.string(),
  name: z.string(),
  agencyId: z.string(),
  agencyName: z.string(),
  active: z.boolean(),
});
export const UserSummary = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  agency: z.object({ id: z.string(), name: z.string() }),
  roles: z.array(Role),
  teams: z.array(z.object({ id: z.string(), name: z.string() })),
  active: z.boolean(),
  mfaEnrolled: z.boolean(),
  lockedUntil: z.string().nullable(),
});

export const SignInBody = z.strictObject({
  email,
  password: z.string().min(1).max(256),
  totp: z
    .string()
    .trim()
    .regex(/^\d{6}$/, { message: 'must be the 6-digit code from your authenticator app' })
    .optional(),
});

export const Me = z.object({
  user: z.object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    agency: z.object({ id: z.string(), name: z.string(), type: AgencyType }),
    roles: z.array(Role),
    teams: z.array(z.object({ id: z.string(), name: z.string() })),
    mustChangePassword: z.boolean(),
  }),
  csrfToken: z.string(),
  session: z.object({
    idleExpiresAt: z.string(),
    absoluteExpiresAt: z.string(),
    idleTimeoutSeconds: z.number(),
    warningSeconds: z.number(),
  }),
  mfa: z.object({ enrolled: z.boolean(), required: z.boolean(), enrolmentRequired: z.boolean() }),
  permissions: z.object({
    manageAgencies: z.boolean(),
    manageTeams: z.boolean(),
    manageUsers: z.boolean(),
    readUsers: z.boolean(),
    verifyAudit: z.boolean(),
    readAudit: z.boolean(),
    readReports: z.boolean(),
    screenReferrals: z.boolean(),
    readContexts: z.boolean(),
  }),
});
export const MeResponse = z.object({ me: Me });

export const MfaCodeBody = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, { message: 'must be the 6-digit code from your authenticator app' }),
});

export const ChangePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().min(1).max(256),
});

export const CreateAgencyBody = z.strictObject({ name, type: AgencyType });
export const UpdateAgencyBody = z.strictObject({
  name: name.optional(),
  type: AgencyType.optional(),
  active: z.boolean().optional(),
});
export const CreateTeamBody = z.strictObject({ agencyId: Id, name });
export const UpdateTeamBody = z.strictObject({ name: name.optional(), active: z.boolean().optional() });
export const TeamsQuery = z.strictObject({ agencyId: Id.optional() });
export const UsersQuery = z.strictObject({
  agencyId: Id.optional(),
  q: z.string().trim().max(200).optional(),
});
export const CreateUserBody = z.strictObject({
  name,
  email,
  agencyId: Id,
  roles: z.array(Role).min(1).max(ROLES.length),
  teamIds: z.array(Id).max(50).default([]),
});
export const UpdateUserBody = z.strictObject({
  name: name.optional(),
  roles: z.array(Role).min(1).max(ROLES.length).optional(),
  teamIds: z.array(Id).max(50).optional(),
});

export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
