import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { mfaRequired } from '../../domain/access/policy.ts';
import { AGENCY_TYPE_LABELS, AGENCY_TYPES, ROLE_LABELS, ROLES } from '../../domain/access/types.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import {
  actorOf,
  authOf,
  checkSameOrigin,
  loadSignedInUser,
  publicRoute,
  signedIn,
  viewerOf,
} from '../http/access.ts';
import { presentMe } from './presenters.ts';
import { ChangePasswordBody, MeResponse, MfaCodeBody, SignInBody } from './schemas.ts';
import { SESSION_COOKIE } from './sessions.ts';
import { beginMfaEnrolment, changePassword, confirmMfaEnrolment, signIn, signOut } from './sign-in.ts';

/** Sign-in, sign-out, the current user and their MFA. */
export function platformRoutes(app: FastifyInstance, { db, config, encryptionKey }: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const secureCookie = config.publicUrl?.startsWith('https:') ?? false;
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'strict' as const, secure: secureCookie };

  r.post('/api/session', {
    config: publicRoute(),
    schema: { tags: ['session'], summary: 'Sign in', body: SignInBody, response: { 200: MeResponse } },
    handler: async (request, reply) => {
      checkSameOrigin(request, config);
      const session = await signIn(db, config, encryptionKey, {
        ...request.body,
        ip: request.ip,
        requestId: request.id,
      });
      const user = await loadSignedInUser(db, session.userId);
      if (!user) throw new AppError('invalid_credentials', 'The email address or password is not right.');
      const viewer = viewerOf(user);
      const required = mfaRequired(viewer);
      // A browser-session cookie: closing the browser forgets it; the server enforces both timeouts anyway.
      reply.setCookie(SESSION_COOKIE, session.token, cookieOptions);
      return {
        me: presentMe(
          {
            session: {
              id: '',
              userId: user.id,
              csrfToken: session.csrfToken,
              mfaSatisfied: user.mfaEnrolled || !required,
              idleExpiresAt: session.idleExpiresAt,
              absoluteExpiresAt: session.absoluteExpiresAt,
            },
            user,
            viewer,
            mfaRequired: required,
            enrolmentRequired: required && !user.mfaEnrolled,
          },
          config,
        ),
      };
    },
  });

  r.delete('/api/session', {
    config: signedIn(undefined, { duringEnrolment: true }),
    schema: { tags: ['session'], summary: 'Sign out', response: { 204: z.null() } },
    handler: async (request, reply) => {
      await signOut(db, actorOf(request), authOf(request).session.id, false);
      reply.clearCookie(SESSION_COOKIE, cookieOptions);
      return reply.code(204).send(null);
    },
  });

  r.delete('/api/sessions', {
    config: signedIn(undefined, { duringEnrolment: true }),
    schema: {
      tags: ['session'],
      summary: 'Sign out everywhere: ends every session of this account',
      response: { 204: z.null() },
    },
    handler: async (request, reply) => {
      await signOut(db, actorOf(request), authOf(request).session.id, true);
      reply.clearCookie(SESSION_COOKIE, cookieOptions);
      return reply.code(204).send(null);
    },
  });

  r.post('/api/session/extend', {
    config: signedIn(undefined, { duringEnrolment: true }),
    schema: {
      tags: ['session'],
      summary: 'Stay signed in: slides the idle timeout forward (any request does)',
      response: { 200: z.object({ session: MeResponse.shape.me.shape.session }) },
    },
    handler: async (request) => ({ session: presentMe(authOf(request), config).session }),
  });

  r.get('/api/me', {
    config: signedIn(undefined, { duringEnrolment: true }),
    schema: {
      tags: ['session'],
      summary: 'The signed-in user, their CSRF token and what they may do',
      response: { 200: MeResponse },
    },
    handler: async (request) => ({ me: presentMe(authOf(request), config) }),
  });

  r.post('/api/me/mfa/setup', {
    config: signedIn(undefined, { duringEnrolment: true }),
    schema: {
      tags: ['session'],
      summary: 'Start setting up two-factor authentication',
      response: { 200: z.object({ secret: z.string(), otpauthUri: z.string(), qrSvg: z.string() }) },
    },
    handler: async (request) => beginMfaEnrolment(db, encryptionKey, authOf(request).user.id),
  });

  r.post('/api/me/mfa/confirm', {
    config: signedIn(undefined, { duringEnrolment: true }),
    schema: {
      tags: ['session'],
      summary: 'Confirm two-factor authentication with a code',
      body: MfaCodeBody,
      response: { 200: MeResponse },
    },
    handler: async (request) => {
      const auth = authOf(request);
      await confirmMfaEnrolment(db, encryptionKey, actorOf(request), auth.session.id, request.body.code);
      const user = await loadSignedInUser(db, auth.user.id);
      if (!user) throw new AppError('unauthenticated', 'Sign in to continue.');
      return {
        me: presentMe(
          { ...auth, user, enrolmentRequired: false, session: { ...auth.session, mfaSatisfied: true } },
          config,
        ),
      };
    },
  });

  r.post('/api/me/password', {
    config: signedIn(undefined, { passwordChange: true }),
    schema: {
      tags: ['session'],
      summary: 'Change your password (ends your other sessions)',
      body: ChangePasswordBody,
      response: { 204: z.null() },
    },
    handler: async (request, reply) => {
      await changePassword(db, actorOf(request), authOf(request).session.id, request.body);
      return reply.code(204).send(null);
    },
  });

  r.get('/api/reference', {
    config: signedIn(undefined, { duringEnrolment: true }),
    schema: {
      tags: ['reference'],
      summary: 'Roles and agency types, with their names',
      response: {
        200: z.object({
          roles: z.array(z.object({ value: z.string(), label: z.string() })),
          agencyTypes: z.array(z.object({ value: z.string(), label: z.string() })),
        }),
      },
    },
    handler: async () => ({
      roles: ROLES.map((value) => ({ value, label: ROLE_LABELS[value] })),
      agencyTypes: AGENCY_TYPES.map((value) => ({ value, label: AGENCY_TYPE_LABELS[value] })),
    }),
  });
}
