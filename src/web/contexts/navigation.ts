import type { Me } from '../api.ts';

/**
 * The contexts and disruption pages' entries in the service navigation, for those `GET /api/me` says
 * may see contexts (`context.read`). The server decides what each page shows.
 */
export function contextNavigation(me: Me): { to: string; text: string }[] {
  if (!me.permissions.readContexts) return [];
  return [
    { to: '/contexts', text: 'Contexts' },
    { to: '/disruption', text: 'Disruption' },
  ];
}
