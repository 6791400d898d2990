import { randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import type { AgencyType, Role } from '../../src/domain/access/types.ts';
import { SYSTEM_ACTOR } from '../../src/server/audit/events.ts';
import { createAgency, createTeam, createUser } from '../../src/server/platform/accounts.ts';
import { startTestServer, type TestServer } from './server.ts';

export const TEST_PASSWORD = 'amber kestrel lighthouse';

/** A signed-in (or anonymous) HTTP client with its own cookie jar and CSRF token, like one browser. */
export class Client {
  cookie: string | undefined;
  csrfToken: string | undefined;
  constructor(readonly baseUrl: string) {}

  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const h: Record<string, string> = { ...headers };
    if (body !== undefined) h['content-type'] ??= 'application/json';
    if (this.cookie) h.cookie = this.cookie;
    if (this.csrfToken && method !== 'GET' && !('x-csrf-token' in h)) h['x-csrf-token'] = this.csrfToken;
    const response = await fetch(this.baseUrl + path, {
      method,
      headers: h,
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) {
      const value = setCookie.split(';')[0] ?? '';
      this.cookie = value.endsWith('=') ? undefined : value;
    }
    const text = await response.text();
    // Tests read response bodies of every shape; each test asserts the fields it relies on.
    // biome-ignore lint/suspicious/noExplicitAny: the body's shape is what the test is checking
    let json: any;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: response.status, headers: response.headers, json, text, setCookie };
  }

  get = (path: string, headers?: Record<string, string>) => this.request('GET', path, undefined, headers);
  post = (path: string, body?: unknown, headers?: Record<string, string>) =>
    this.request('POST', path, body ?? {}, headers);
  patch = (path: string, body?: unknown, headers?: Record<string, string>) =>
    this.request('PATCH', path, body ?? {}, headers);
  delete = (path: string, headers?: Record<string, string>) =>
    this.request('DELETE', path, undefined, headers);

  /** Signs in; fetches the CSRF token from /api/me as the web app does. */
  async signIn(email: string, password = TEST_PASSWORD, totp?: string) {
    const res = await this.post('/api/session', { email, password, ...(totp ? { totp } : {}) });
    if (res.status === 200) this.csrfToken = res.json.me.csrfToken;
    return res;
  }
}

export interface TestUser {
  id: string;
  email: string;
  name: string;
  agencyId: string;
  roles: Role[];
}

/**
 * A running server on a fresh database, with factories for agencies and users by role and agency type,
 * and helpers to sign in (enrolling MFA where the role requires it).
 */
export class Harness {
  private agencies = new Map<string, string>();
  private counter = 0;
  private constructor(readonly server: TestServer) {}

  static async start(opts: { demo?: boolean; env?: Record<string, string> } = {}) {
    return new Harness(await startTestServer(opts));
  }

  get url() {
    return this.server.url;
  }
  get db() {
    return this.server.server.database.db;
  }
  close() {
    return this.server.close();
  }
  client() {
    return new Client(this.url);
  }

  /** One agency per type and name, created on first use. */
  async agency(type: AgencyType, name = `Test ${type.replaceAll('_', ' ')}`): Promise<string> {
    const key = `${type}/${name}`;
    const existing = this.agencies.get(key);
    if (existing) return existing;
    const agency = await createAgency(this.db, SYSTEM_ACTOR, { name, type });
    this.agencies.set(key, agency.id);
    return agency.id;
  }

  async team(agencyId: string, name: string): Promise<string> {
    return (await createTeam(this.db, SYSTEM_ACTOR, { agencyId, name })).id;
  }

  async user(
    roles: Role[],
    agencyType: AgencyType,
    opts: { agencyName?: string; teamIds?: string[]; name?: string } = {},
  ): Promise<TestUser> {
    const agencyId = await this.agency(agencyType, opts.agencyName);
    const n = ++this.counter;
    const email = `${roles.join('-').replaceAll('_', '-')}.${n}.${randomBytes(3).toString('hex')}@test.example`;
    const name = opts.name ?? `Test User ${n}`;
    const { id } = await createUser(this.db, SYSTEM_ACTOR, {
      name,
      email,
      agencyId,
      roles,
      teamIds: opts.teamIds ?? [],
      password: TEST_PASSWORD,
    });
    return { id, email, name, agencyId, roles };
  }

  /**
   * A client signed in as the user. Where the role requires MFA, enrols it first (as the person
   * would at first sign-in) and returns the TOTP generator for later sign-ins.
   */
  async signedIn(user: TestUser): Promise<Client & { totp?: TOTP }> {
    const client = this.client() as Client & { totp?: TOTP };
    const res = await client.signIn(user.email);
    if (res.status !== 200) throw new Error(`sign-in failed for ${user.email}: ${res.status} ${res.text}`);
    if (res.json.me.mfa.enrolmentRequired) {
      const setup = await client.post('/api/me/mfa/setup');
      const totp = new TOTP({ secret: Secret.fromBase32(setup.json.secret) });
      const confirm = await client.post('/api/me/mfa/confirm', { code: totp.generate() });
      if (confirm.status !== 200) throw new Error(`MFA enrolment failed: ${confirm.text}`);
      client.totp = totp;
    }
    return client;
  }
}
