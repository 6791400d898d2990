import type { Me, Permissions } from '../api.ts';

/**
 * The referral pages' entries in the service navigation. Everyone may refer and see their own referrals.
 * The screening queue is for the front door (`referral.screen`); `GET /api/me` does not yet say whether
 * someone may screen, so until it sends `screenReferrals` the queue is reached from My work, where the
 * server lists waiting referrals only to those who screen them. The server decides either way.
 */
export function referralNavigation(me: Me): { to: string; text: string }[] {
  const permissions: Permissions & { screenReferrals?: boolean } = me.permissions;
  const items = [{ to: '/referrals', text: 'Referrals' }];
  if (permissions.screenReferrals === true) items.push({ to: '/referrals/queue', text: 'Screening queue' });
  return items;
}
