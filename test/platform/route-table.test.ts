import { randomBytes, randomUUID } from 'node:crypto';
import type { FastifyInstance, RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import type { RouteAccess } from '../../src/server/http/access.ts';
import { describeDatabase } from '../support/database.ts';
import { Harness } from '../support/harness.ts';

interface RegisteredRoute {
  method: string;
  url: string;
  access: RouteAccess | undefined;
  hidden: boolean;
}

// Every Fastify instance built in this file records its routes as they are registered — including
// routes added by plugins before Lantern's own hooks exist — so the walk below sees the whole table.
const registered = vi.hoisted(() => [] as RegisteredRoute[]);
vi.mock('fastify', async (importOriginal) => {
  const actual = await importOriginal<typeof import('fastify')>();
  const create = actual.default as unknown as (options?: object) => FastifyInstance;
  const recording = (options?: object) => {
    const app = create(options);
    app.addHook('onRoute', (route: RouteOptions) => {
      for (const method of [route.method].flat()) {
        registered.push({
          method,
          url: route.url,
          access: route.config?.access,
          hidden: (route.schema as { hide?: boolean } | undefined)?.hide === true,
        });
      }
    });
    return app;
  };
  return { ...actual, default: recording, fastify: recording };
});

const isApi = (url: string) => url === '/api' || url.startsWith('/api/');
// Swagger UI's own pages: public documentation, registered by the plugin, exempt by design.
const isDocs = (url: string) => url === '/api/docs' || url.startsWith('/api/docs/');
const withIds = (url: string) => url.replace(/:[A-Za-z]+/g, randomUUID());
const openApiPath = (url: string) => url.replace(/:([A-Za-z]+)/g, '{$1}');

describe(`the route table (${describeDatabase()})`, () => {
  let h: Harness;
  let routes: RegisteredRoute[];

  beforeAll(async () => {
    h = await Harness.start();
    routes = [...registered];
  });
  afterAll(() => h?.close());

  it('sees the whole table', () => {
    const names = routes.map((r) => `${r.method} ${r.url}`);
    for (const expected of [
      'POST /api/session',
      'GET /api/me',
      'POST /api/users',
      'PATCH /api/agencies/:id',
      'GET /healthz',
    ]) {
      expect(names).toContain(expected);
    }
  });

  it('every /api route declares who may call it', () => {
    const undeclared = routes
      .filter((r) => isApi(r.url) && !isDocs(r.url) && !r.access)
      .map((r) => `${r.method} ${r.url}`);
    expect(undeclared).toEqual([]);
    for (const route of routes.filter((r) => r.access)) {
      expect(['public', 'signed_in'], `${route.method} ${route.url}`).toContain(route.access?.kind);
    }
  });

  it('exempts only the API documentation pages, which hold no data', () => {
    const exempt = routes.filter((r) => isApi(r.url) && !r.access);
    expect(exempt.length).toBeGreaterThan(0);
    for (const route of exempt) {
      expect(isDocs(route.url), `${route.method} ${route.url}`).toBe(true);
      expect(route.method === 'GET' || route.method === 'HEAD', `${route.method} ${route.url}`).toBe(true);
    }
  });

  it('refuses every signed-in route to an anonymous caller, and no public route asks for a session', async () => {
    const anonymous = h.client();
    const walked = routes.filter((r) => isApi(r.url) && r.access && r.method !== 'HEAD');
    expect(walked.length).toBeGreaterThan(15);
    for (const route of walked) {
      const res = await anonymous.request(
        route.method,
        withIds(route.url),
        route.method === 'GET' || route.method === 'DELETE' ? undefined : {},
      );
      const label = `${route.method} ${route.url}`;
      if (route.access?.kind === 'signed_in') {
        expect(res.status, label).toBe(401);
        expect(res.json?.error.code, label).toBe('unauthenticated');
      } else {
        expect(res.json?.error?.code, label).not.toBe('unauthenticated');
      }
    }
  });

  it('refuses to start when a route does not declare who may call it', async () => {
    const config = loadConfig({ LANTERN_LOG_LEVEL: 'silent' });
    const encryptionKey = randomBytes(32);

    const app = await buildApp({ db: h.db, config, encryptionKey, logger: false });
    expect(() => app.get('/api/unguarded', async () => ({ secret: true }))).toThrow(/config\.access/);
    // A declared route is accepted: the refusal is about the missing declaration, nothing else.
    expect(() =>
      app.get('/api/guarded', { config: { access: { kind: 'public' } } }, async () => ({})),
    ).not.toThrow();
    await app.close();

    // Also inside a plugin with a prefix, where a capability's routes would live.
    const viaPlugin = await buildApp({ db: h.db, config, encryptionKey, logger: false });
    viaPlugin.register(
      async (scope) => {
        scope.post('/records', async () => ({}));
      },
      { prefix: '/api/plugin' },
    );
    await expect(viaPlugin.ready()).rejects.toThrow(/POST \/api\/plugin\/records does not declare/);
    await viaPlugin.close().catch(() => {});
  });

  it('documents every /api route in the OpenAPI document, except hidden ones', async () => {
    const res = await h.client().get('/api/openapi.json');
    expect(res.status).toBe(200);
    const paths = res.json.paths as Record<string, Record<string, { summary?: string; responses?: object }>>;
    const documented = routes.filter((r) => isApi(r.url) && !r.hidden && r.method !== 'HEAD');
    expect(documented.length).toBeGreaterThan(15);
    for (const route of documented) {
      const operation = paths[openApiPath(route.url)]?.[route.method.toLowerCase()];
      expect(operation, `${route.method} ${route.url}`).toBeDefined();
      expect(operation?.summary, `${route.method} ${route.url}`).toBeTruthy();
      expect(Object.keys(operation?.responses ?? {}).length, `${route.method} ${route.url}`).toBeGreaterThan(
        0,
      );
    }
    // And nothing hidden leaks into it.
    expect(paths['/api/openapi.json']).toBeUndefined();
  });

  it('serves the API documentation page', async () => {
    const res = await h.client().get('/api/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(res.text).toMatch(/Swagger UI/);
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
  });
});
