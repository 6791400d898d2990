import type { Me } from '../api.ts';

/**
 * The children section's entry in the service navigation, for those `GET /api/me` says may search
 * children (`child.search`; referrer accounts may not). Until `/api/me` sends `searchChildren`, the entry
 * is not shown: the web never works the rule out for itself. The search only ever returns records the
 * person may read; the server decides.
 */
export function childNavigation(me: Me): { to: string; text: string }[] {
  const permissions = me.permissions as Me['permissions'] & { searchChildren?: boolean };
  return permissions.searchChildren === true ? [{ to: '/children', text: 'Children' }] : [];
}
