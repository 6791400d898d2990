import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';

/**
 * The demo loads through the server's own service functions, each of which opens its own transaction
 * (`db.transaction().execute(...)`). To make the whole load one all-or-nothing transaction, the services
 * are handed this view of the outer transaction: every query runs in it, and a service's own
 * "transaction" becomes a savepoint inside it. A service that fails rolls back to its savepoint and the
 * error ends the load, which rolls back everything (users, cases and audit entries alike).
 *
 * Kysely keeps its state in private fields, so methods are bound to the real transaction object.
 */
export function nestable(trx: Transaction<DB>): Kysely<DB> {
  let depth = 0;
  const transaction = () => ({
    execute: async <T>(work: (inner: Transaction<DB>) => Promise<T>): Promise<T> => {
      depth += 1;
      const name = sql.raw(`demo_savepoint_${depth}`);
      await sql`SAVEPOINT ${name}`.execute(trx);
      try {
        const result = await work(view as unknown as Transaction<DB>);
        await sql`RELEASE SAVEPOINT ${name}`.execute(trx);
        return result;
      } catch (error) {
        await sql`ROLLBACK TO SAVEPOINT ${name}`.execute(trx);
        throw error;
      } finally {
        depth -= 1;
      }
    },
  });
  const view: Kysely<DB> = new Proxy(trx, {
    get(target, property) {
      if (property === 'transaction') return transaction;
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  }) as unknown as Kysely<DB>;
  return view;
}
