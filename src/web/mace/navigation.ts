import type { Me } from '../api.ts';

/** The meetings section in the service navigation: every signed-in person may be invited to a meeting. */
export function maceNavigation(_me: Me): { to: string; text: string }[] {
  return [{ to: '/meetings', text: 'Meetings' }];
}
