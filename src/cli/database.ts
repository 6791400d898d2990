import { type Config, databaseTarget } from '../server/config.ts';
import { type Database, openDatabase } from '../server/db/database.ts';
import { migrate } from '../server/db/migrate.ts';
import { progress } from './output.ts';

/**
 * Opens the configured database for a command, migrated to the current schema, and closes it after.
 * On the embedded database this fails plainly when a running server holds the data folder.
 */
export async function withDatabase<T>(config: Config, body: (database: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase(databaseTarget(config));
  try {
    await migrate(database, progress);
    return await body(database);
  } finally {
    await database.close();
  }
}
