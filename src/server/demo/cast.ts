import type { Kysely } from 'kysely';
import type { Viewer } from '../../domain/access/types.ts';
import type { AuditActor } from '../audit/events.ts';
import type { DB } from '../db/schema.ts';
import { loadSignedInUser, viewerOf } from '../http/access.ts';

/**
 * Who does each piece of demo work: a demo account acting through the same service functions its
 * requests would reach, so every write is checked by the access policy and audited under its name.
 */
export interface DemoCtx {
  db: Kysely<DB>;
  actor: AuditActor;
  viewer: Viewer;
  user: { id: string; name: string; agencyId: string; agency: { id: string; name: string } };
}

export type Cast = (email: string) => Promise<DemoCtx>;

export function castOf(db: Kysely<DB>): Cast {
  const cache = new Map<string, DemoCtx>();
  let request = 0;
  return async (email) => {
    const known = cache.get(email);
    if (known) return { ...known, actor: { ...known.actor, requestId: `demo-${++request}` } };
    const row = await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
    const user = row && (await loadSignedInUser(db, row.id));
    if (!user) throw new Error(`The demo account ${email} was not created`);
    const ctx: DemoCtx = {
      db,
      actor: { userId: user.id, agencyId: user.agency.id, requestId: `demo-${++request}` },
      viewer: viewerOf(user),
      user: {
        id: user.id,
        name: user.name,
        agencyId: user.agency.id,
        agency: { id: user.agency.id, name: user.agency.name },
      },
    };
    cache.set(email, ctx);
    return ctx;
  };
}

/** The demo accounts who do the case work (see DEMO_ACCOUNTS in demo.ts). */
export const WHO = {
  alex: 'alex.morgan@fernbridge.example',
  bea: 'bea.lindqvist@fernbridge.example',
  jordan: 'jordan.blake@fernbridge.example',
  sam: 'sam.carter@fernbridge.example',
  priya: 'priya.shah@fernbridge-police.example',
  dan: 'dan.hughes@fernbridge-police.example',
  nia: 'nia.evans@fernbridge-health.example',
  tom: 'tom.reed@fernbridge-school.example',
  kemi: 'kemi.adeyemi@fernbridge-yjs.example',
  leo: 'leo.marsh@safesteps.example',
} as const;
export type Who = keyof typeof WHO;

const DAY = 86_400_000;

/** Dates relative to now, so the demo always looks current. */
export const when = {
  /** An instant `days` ago (negative: ahead) at the given UTC hour. */
  at(days: number, hour = 10, minute = 0): string {
    const d = new Date(Date.now() - days * DAY);
    d.setUTCHours(hour, minute, 0, 0);
    if (d.getTime() > Date.now() && days >= 0) return new Date(Date.now() - 60_000).toISOString();
    return d.toISOString();
  },
  /** An instant `hours` ago. */
  hoursAgo(hours: number): string {
    return new Date(Date.now() - hours * 3_600_000).toISOString();
  },
  /** A calendar date `days` ago (negative: ahead). */
  day(days: number): string {
    return new Date(Date.now() - days * DAY).toISOString().slice(0, 10);
  },
  /** A date of birth `years` (and `days`) ago. */
  born(years: number, days: number): string {
    const d = new Date(Date.now() - days * DAY);
    d.setUTCFullYear(d.getUTCFullYear() - years);
    return d.toISOString().slice(0, 10);
  },
};
