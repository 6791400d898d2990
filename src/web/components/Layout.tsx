import { useEffect, useRef, useState } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import type { Me } from '../api.ts';
import { contextNavigation } from '../contexts/navigation.ts';
import { languageNavigation } from '../language/navigation.ts';
import { maceNavigation } from '../mace/navigation.ts';
import { missingNavigation } from '../missing/navigation.ts';
import { referralNavigation } from '../referrals/navigation.ts';
import { gatePath, useSession } from '../session.tsx';
import { TimeoutWarning } from './TimeoutWarning.tsx';
import { Flash } from './ui.tsx';

interface NavItem {
  to: string;
  text: string;
}

/** Which sections to offer comes from the permissions the server sent, never from roles. */
function navigationFor(me: Me): NavItem[] {
  const items: NavItem[] = [
    { to: '/my-work', text: 'My work' },
    ...referralNavigation(me),
    ...missingNavigation(me),
    ...maceNavigation(me),
    ...contextNavigation(me),
  ];
  if (me.permissions.manageAgencies) items.push({ to: '/admin/agencies', text: 'Agencies' });
  if (me.permissions.manageTeams) items.push({ to: '/admin/teams', text: 'Teams' });
  if (me.permissions.manageUsers || me.permissions.readUsers)
    items.push({ to: '/admin/users', text: 'Users' });
  items.push(...languageNavigation(me));
  return items;
}

function useWideScreen(): boolean {
  const query = '(min-width: 40.0625em)';
  const [wide, setWide] = useState(() => window.matchMedia(query).matches);
  useEffect(() => {
    const media = window.matchMedia(query);
    const update = () => setWide(media.matches);
    media.addEventListener('change', update);
    return () => media.removeEventListener('change', update);
  }, []);
  return wide;
}

/** The browser moves focus to `#main-content` itself: it has `tabindex="-1"`. */
function SkipLink() {
  return (
    <a href="#main-content" className="govuk-skip-link">
      Skip to main content
    </a>
  );
}

function Header() {
  const { me, signOut } = useSession();
  const [problem, setProblem] = useState(false);
  const leave = async () => {
    try {
      await signOut();
    } catch {
      setProblem(true);
    }
  };
  return (
    <header className="govuk-header govuk-header--full-width-border lantern-header">
      <div className="govuk-header__container govuk-width-container lantern-header__container">
        <div className="lantern-header__service">
          <Link to={me ? '/my-work' : '/sign-in'} className="govuk-header__link lantern-header__name">
            Lantern
          </Link>
          <span className="lantern-header__strapline">Child exploitation partnership</span>
        </div>
        {me && (
          <nav className="lantern-header__account" aria-label="Your account">
            <ul className="lantern-header__account-list">
              <li className="lantern-header__account-item lantern-header__who">
                <span className="govuk-visually-hidden">Signed in as </span>
                {me.user.name}, {me.user.agency.name}
              </li>
              {gatePath(me) === null && (
                <li className="lantern-header__account-item">
                  <Link to="/account" className="govuk-header__link">
                    Your account
                  </Link>
                </li>
              )}
              <li className="lantern-header__account-item">
                <button type="button" className="lantern-header__button" onClick={() => void leave()}>
                  Sign out
                </button>
              </li>
            </ul>
            {problem && (
              <p className="lantern-header__problem" role="alert">
                Sorry, we could not sign you out. Try again.
              </p>
            )}
          </nav>
        )}
      </div>
    </header>
  );
}

function ServiceNavigation({ items }: { items: NavItem[] }) {
  const { pathname } = useLocation();
  const wide = useWideScreen();
  const [expanded, setExpanded] = useState(false);
  const collapsible = items.length > 1 && !wide;

  useEffect(() => {
    // Close the mobile menu after choosing a page.
    void pathname;
    setExpanded(false);
  }, [pathname]);

  return (
    <div className="govuk-service-navigation" data-module="govuk-service-navigation">
      <div className="govuk-width-container">
        <div className="govuk-service-navigation__container">
          <nav aria-label="Menu" className="govuk-service-navigation__wrapper">
            {collapsible && (
              <button
                type="button"
                className="govuk-service-navigation__toggle"
                aria-controls="navigation"
                aria-expanded={expanded}
                onClick={() => setExpanded((open) => !open)}
              >
                Menu
              </button>
            )}
            <ul className="govuk-service-navigation__list" id="navigation" hidden={collapsible && !expanded}>
              {items.map((item) => {
                const current = pathname === item.to;
                const active = current || pathname.startsWith(`${item.to}/`);
                return (
                  <li
                    key={item.to}
                    className={`govuk-service-navigation__item${active ? ' govuk-service-navigation__item--active' : ''}`}
                  >
                    <Link
                      className="govuk-service-navigation__link"
                      to={item.to}
                      aria-current={current ? 'page' : active ? 'true' : undefined}
                    >
                      {active ? (
                        <strong className="govuk-service-navigation__active-fallback">{item.text}</strong>
                      ) : (
                        item.text
                      )}
                    </Link>
                  </li>
                );
              })}
            </ul>
          </nav>
        </div>
      </div>
    </div>
  );
}

/**
 * After moving to another page, put focus on its main heading so screen readers announce the new page
 * and keyboard users start from the top of the content (a success banner, if any, comes first).
 * Not on the first page load: there the skip link must be the first thing reached.
 */
function useFocusOnNavigation() {
  // A new banner on the same address (e.g. "Account enabled") counts as a new page too.
  const { pathname, state } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    void pathname;
    void state;
    if (first.current) {
      first.current = false;
      return;
    }
    const frame = window.requestAnimationFrame(() => {
      const main = document.getElementById('main-content');
      if (!main) return;
      const target =
        main.querySelector<HTMLElement>('.govuk-notification-banner--success, .govuk-error-summary') ??
        main.querySelector<HTMLElement>('h1') ??
        main;
      if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
      target.focus();
    });
    return () => window.cancelAnimationFrame(frame);
  }, [pathname, state]);
}

export function Layout() {
  const { me } = useSession();
  useFocusOnNavigation();
  const showNavigation = me !== null && gatePath(me) === null;
  return (
    <>
      <SkipLink />
      <Header />
      {showNavigation && me && <ServiceNavigation items={navigationFor(me)} />}
      <div className="govuk-width-container">
        <main className="govuk-main-wrapper" id="main-content" tabIndex={-1}>
          <Flash />
          <Outlet />
        </main>
      </div>
      <footer className="govuk-footer">
        <div className="govuk-width-container">
          <div className="govuk-footer__meta">
            <div className="govuk-footer__meta-item govuk-footer__meta-item--grow">
              <p className="govuk-body-s lantern-footer__text">
                If a child is in immediate danger, call the police on 999.
              </p>
              <p className="govuk-body-s lantern-footer__text">
                Lantern holds information about children and the people who harm them. Use it only for your
                work with the partnership. What you see and change in children’s records is logged.
              </p>
            </div>
          </div>
        </div>
      </footer>
      {me && <TimeoutWarning />}
    </>
  );
}
