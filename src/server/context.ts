import type { Kysely } from 'kysely';
import type { Config } from './config.ts';
import type { DB } from './db/schema.ts';

/** What every capability's routes are given: the database, the configuration and the sealing key. */
export interface AppContext {
  db: Kysely<DB>;
  config: Config;
  encryptionKey: Buffer;
}
