import type { Me } from '../api.ts';

/**
 * The referral pages' entries in the service navigation. Everyone may refer and see their own referrals;
 * the screening queue is for those `GET /api/me` says may screen (`referral.screen`). The server decides
 * either way.
 */
export function referralNavigation(me: Me): { to: string; text: string }[] {
  const items = [{ to: '/referrals', text: 'Referrals' }];
  if (me.permissions.screenReferrals) items.push({ to: '/referrals/queue', text: 'Screening queue' });
  return items;
}
