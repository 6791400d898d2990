import { randomBytes } from 'node:crypto';
import { loadConfig } from '../../src/server/config.ts';
import { DEMO_PASSWORD } from '../../src/server/demo/demo.ts';
import { type RunningServer, startServer } from '../../src/server/server.ts';
import { freshDatabase } from './database.ts';

export interface TestServer {
  url: string;
  server: RunningServer;
  demoPassword: string;
  close(): Promise<void>;
}

/**
 * Starts a real Lantern server on a loopback port and a fresh database, optionally with the demo
 * partnership. `env` overrides settings (e.g. LANTERN_SESSION_IDLE_MINUTES) as the environment would.
 */
export async function startTestServer(
  opts: { demo?: boolean; env?: Record<string, string> } = {},
): Promise<TestServer> {
  const { target, drop } = await freshDatabase();
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    LANTERN_LOG_LEVEL: 'silent',
    LANTERN_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    ...opts.env,
  });
  const server = await startServer(config, { target, demoIfEmpty: !!opts.demo, logger: false });
  return {
    url: server.url,
    server,
    demoPassword: DEMO_PASSWORD,
    async close() {
      await server.close();
      await drop();
    },
  };
}
