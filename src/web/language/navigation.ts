import type { Me } from '../api.ts';

/** Partnership lexicon administration is agency administration (`agency.manage`). */
export function mayManageLanguage(me: Me): boolean {
  return me.permissions.manageAgencies;
}

/** Statistics are for managers, analysts and MACE chairs (`report.read`) and administrators (`user.manage`). */
export function mayReadLanguageStats(me: Me): boolean {
  return me.permissions.manageUsers || me.permissions.readReports;
}

/**
 * The language pages' entry in the service navigation: one item, to keep the menu short. The rules and
 * the statistics are linked from that page, for those who may use them.
 */
export function languageNavigation(_me: Me): { to: string; text: string }[] {
  return [{ to: '/language/check', text: 'Check wording' }];
}

/** Links to the other language pages this person may use. */
export function languageLinks(me: Me): { to: string; text: string }[] {
  // Anyone may have written a note someone has challenged: the list is theirs (and their manager's).
  const links: { to: string; text: string }[] = [{ to: '/wording-challenges', text: 'Wording challenges' }];
  if (mayManageLanguage(me)) links.push({ to: '/admin/language', text: 'Language rules' });
  if (mayReadLanguageStats(me)) links.push({ to: '/language/statistics', text: 'Language statistics' });
  return links;
}
