import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import { type Config, databaseTarget } from './config.ts';
import { type Database, type DatabaseTarget, openDatabase } from './db/database.ts';
import { migrate } from './db/migrate.ts';
import { isEmpty, loadDemo } from './demo/demo.ts';
import { resolveEncryptionKey } from './platform/secrets.ts';

export interface RunningServer {
  app: FastifyInstance;
  database: Database;
  url: string;
  close(): Promise<void>;
}

/** Opens the database, applies migrations, optionally loads the demo, and listens. */
export async function startServer(
  config: Config,
  options: {
    demoIfEmpty?: boolean;
    demoPassword?: string;
    logger?: boolean;
    onProgress?: (m: string) => void;
    /** Overrides the database the configuration names (tests use throw-away databases). */
    target?: DatabaseTarget;
  } = {},
): Promise<RunningServer> {
  const progress = options.onProgress ?? (() => {});
  const encryptionKey = resolveEncryptionKey(config);
  const database = await openDatabase(options.target ?? databaseTarget(config));
  try {
    progress(`Database: ${database.kind} (${database.location})`);
    const { applied } = await migrate(database, progress);
    if (applied.length) progress(`Applied ${applied.length} migration(s)`);
    if (options.demoIfEmpty && (await isEmpty(database.db))) {
      progress('Empty database: loading the demo partnership');
      await loadDemo(database.db, { ...(options.demoPassword ? { password: options.demoPassword } : {}) });
    }
    const app = await buildApp({
      db: database.db,
      config,
      encryptionKey,
      ...(options.logger === false ? { logger: false } : {}),
    });
    await app.listen({ port: config.port, host: config.host });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
    return {
      app,
      database,
      url,
      async close() {
        await app.close();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
