import type { Me, Permissions } from '../api.ts';

/**
 * The contexts pages' entry in the service navigation. `GET /api/me` does not yet say whether someone
 * may see contexts, so until it sends `readContexts` the link is offered to everyone and the pages say
 * what the server allows; when it does, the link follows it.
 */
export function contextNavigation(me: Me): { to: string; text: string }[] {
  const permissions: Permissions & { readContexts?: boolean } = me.permissions;
  return permissions.readContexts === false ? [] : [{ to: '/contexts', text: 'Contexts' }];
}
