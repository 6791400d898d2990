import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { assessmentRoutes } from './assessment/routes.ts';
import { caseRoutes } from './children/case-routes.ts';
import { chronologyRoutes } from './children/chronology-routes.ts';
import { noteRoutes } from './children/notes-routes.ts';
import { childRoutes } from './children/routes.ts';
import type { AppContext } from './context.ts';
import { contextRoutes } from './contexts/routes.ts';
import { disruptionRoutes } from './disruption/routes.ts';
import { publicRoute, registerAccessControl } from './http/access.ts';
import { registerErrorHandling } from './http/errors.ts';
import { registerSecurityHeaders } from './http/security.ts';
import { languageRoutes } from './language/routes.ts';
import { maceRoutes } from './mace/routes.ts';
import { missingRoutes } from './missing/routes.ts';
import { myWorkRoutes } from './my-work/routes.ts';
import { planRoutes } from './plans/routes.ts';
import { adminRoutes } from './platform/admin-routes.ts';
import { platformRoutes } from './platform/routes.ts';
import { caseReferenceRoutes } from './referrals/reference-routes.ts';
import { referralRoutes } from './referrals/routes.ts';

const DEFAULT_WEB_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web');

export interface BuildAppOptions extends AppContext {
  /** Where the built web app is; defaults to dist/web. Missing → the API is served alone. */
  webRoot?: string;
  logger?: boolean;
}

/** Capabilities register their routes here, one function per capability folder. */
const CAPABILITIES = [
  platformRoutes,
  adminRoutes,
  myWorkRoutes,
  childRoutes,
  chronologyRoutes,
  noteRoutes,
  caseRoutes,
  referralRoutes,
  caseReferenceRoutes,
  languageRoutes,
  missingRoutes,
  assessmentRoutes,
  planRoutes,
  contextRoutes,
  disruptionRoutes,
  maceRoutes,
];

const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const { config } = options;
  const app = Fastify({
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    // A caller's request id is kept only if it is harmless, so it can be followed across systems.
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && SAFE_REQUEST_ID.test(given) ? given : randomUUID();
    },
    logger:
      options.logger === false
        ? false
        : {
            level: config.logLevel,
            // Logs never hold personal data: no query strings, bodies, cookies or headers.
            serializers: {
              req: (req) => ({ method: req.method, route: req.routeOptions?.url ?? 'unmatched', id: req.id }),
              res: (res) => ({ statusCode: res.statusCode }),
            },
          },
  }).withTypeProvider<ZodTypeProvider>();

  // The API speaks JSON only: a text/plain body is refused with 415 rather than read as a string.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  registerErrorHandling(app);
  await registerSecurityHeaders(app);
  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Lantern API',
        description:
          'The API of Lantern, the case, assessment and intelligence system of a multi-agency child exploitation partnership. ' +
          'Every route needs a signed-in session unless it says otherwise; state-changing requests carry the `x-csrf-token` header from `GET /api/me`. ' +
          'Errors always have the shape `{"error": {"code", "message", "fields"?}}`.',
        version: '0.1.0',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'lantern_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  registerAccessControl(app, options.db, config);

  app.get('/healthz', {
    config: publicRoute(),
    schema: {
      tags: ['health'],
      summary: 'Liveness and database reachability',
      response: { 200: z.object({ status: z.literal('ok'), database: z.literal('ok') }) },
    },
    handler: async () => {
      await sql`SELECT 1`.execute(options.db);
      return { status: 'ok' as const, database: 'ok' as const };
    },
  });

  app.get('/api/openapi.json', {
    config: publicRoute(),
    schema: { hide: true },
    handler: async () => app.swagger(),
  });

  for (const register of CAPABILITIES) register(app, options);

  const webRoot = options.webRoot ?? DEFAULT_WEB_ROOT;
  if (existsSync(path.join(webRoot, 'index.html'))) {
    await app.register(fastifyStatic, { root: webRoot, wildcard: false, index: false });
    const serveIndex = { config: publicRoute(), schema: { hide: true } };
    app.get('/', serveIndex, (_request, reply) => reply.sendFile('index.html'));
    // Any other page of the single-page app is index.html; files under /assets are served as they are.
    app.get('/*', serveIndex, (request, reply) => {
      const file = (request.params as { '*': string })['*'];
      if (file.startsWith('api/')) return reply.callNotFound();
      if (file && existsSync(path.join(webRoot, file)) && !file.includes('..')) return reply.sendFile(file);
      return reply.sendFile('index.html');
    });
  }

  return app;
}
