import type { Me } from '../api.ts';

/**
 * The missing episode pages' entries in the service navigation: the interviews due, for everyone (the
 * list holds only children the person may see; the server decides), and the partnership figures for
 * report readers (`report.read`).
 */
export function missingNavigation(me: Me): { to: string; text: string }[] {
  const items = [{ to: '/missing/interviews', text: 'Return interviews' }];
  if (me.permissions.readReports) items.push({ to: '/missing/statistics', text: 'Return interview figures' });
  return items;
}
