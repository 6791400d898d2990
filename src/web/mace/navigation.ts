import type { Me } from '../api.ts';

/**
 * The meetings section in the service navigation: every signed-in person may be invited to a meeting.
 * MACE triage is offered to those the server says may run the MACE meetings (`runMace`, from
 * `meeting.manage` in /api/me's permissions); until /api/me sends that flag, the triage page is reached
 * from the meetings list, which shows it from the server's own `permissions.triage`.
 */
export function maceNavigation(me: Me): { to: string; text: string }[] {
  const items = [{ to: '/meetings', text: 'Meetings' }];
  const permissions = me.permissions as Me['permissions'] & { runMace?: boolean };
  if (permissions.runMace) items.push({ to: '/meetings/triage', text: 'MACE triage' });
  return items;
}
