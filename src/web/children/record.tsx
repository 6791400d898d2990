import { type ReactNode, useEffect } from 'react';
import { Link, Navigate, Outlet, useLocation, useOutletContext, useParams } from 'react-router';
import { useApiData } from '../components/data.ts';
import { usePageTitle } from '../components/page.ts';
import { BackLink, type FlashState, LoadFailure, Loading, Tag } from '../components/ui.tsx';
import { type Child, childrenApi } from './api.ts';
import { formatDate } from './format.ts';
import { type CaseReference, useCaseReference } from './reference.ts';
import { CASE_STATUS_NAMES, LABEL_NAMES, labelOf } from './words.ts';

export interface ChildContext {
  child: Child;
  reload(): void;
  reference: CaseReference | undefined;
}

/** The record's sections share the child loaded by the record's layout. */
export function useChildContext(): ChildContext {
  return useOutletContext<ChildContext>();
}

export const possessive = (name: string) => `${name}’s`;

/** Harm as the record states it: suspected or known exploitation, never a risk level. */
export function HarmTag({ child, reference }: { child: Child; reference: CaseReference | undefined }) {
  if (!child.harmStatus) return null;
  const text = labelOf(reference?.harmStatuses, child.harmStatus);
  return <Tag colour={child.harmStatus === 'known' ? 'red' : 'orange'}>{text}</Tag>;
}

export function CaseStatusTag({ status }: { status: string }) {
  const colour = status === 'closed' ? 'grey' : status === 'closure_requested' ? 'yellow' : 'blue';
  return <Tag colour={colour}>{CASE_STATUS_NAMES[status] ?? status}</Tag>;
}

/** The label a piece of information carries, shown next to it. Standard information carries none. */
export function LabelTag({ label }: { label: string | undefined | null }) {
  if (!label || label === 'standard') return null;
  return (
    <strong className="govuk-tag govuk-tag--purple lantern-label-tag">
      <span className="govuk-visually-hidden">Label: </span>
      {LABEL_NAMES[label] ?? label}
    </strong>
  );
}

export function VerificationTag({ verification, name }: { verification: string; name?: string }) {
  const text =
    name ??
    (verification === 'verified' ? 'Verified' : verification === 'disputed' ? 'Disputed' : 'Unverified');
  const colour = verification === 'verified' ? 'green' : verification === 'disputed' ? 'orange' : 'yellow';
  return <Tag colour={colour}>{text}</Tag>;
}

export function dateOfBirthText(child: Pick<Child, 'dateOfBirth' | 'dateOfBirthEstimated' | 'age'>): string {
  if (!child.dateOfBirth) return 'Not known';
  const age = child.age === null ? '' : ` (${child.age} years old)`;
  return `${child.dateOfBirthEstimated ? 'Estimated: ' : ''}${formatDate(child.dateOfBirth)}${age}`;
}

/**
 * When a page's heading is replaced as its information arrives, focus that was on the old heading is
 * lost; put it on the new heading, as the layout does after moving between pages.
 */
export function useFocusHeadingWhenReady(ready: boolean): void {
  useEffect(() => {
    if (!ready) return;
    const frame = window.requestAnimationFrame(() => {
      const active = document.activeElement;
      if (active && active !== document.body && document.contains(active)) return;
      const heading = document.querySelector<HTMLElement>('#main-content h1');
      if (!heading) return;
      if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
      heading.focus();
    });
    return () => window.cancelAnimationFrame(frame);
  }, [ready]);
}

const SECTIONS = [
  { path: '', text: 'Overview' },
  { path: 'details', text: 'Details' },
  { path: 'chronology', text: 'Chronology' },
  { path: 'missing', text: 'Missing episodes' },
  { path: 'notes', text: 'Case notes' },
  { path: 'flags', text: 'Flags and harm' },
  { path: 'assessments', text: 'Assessments and plans' },
  { path: 'allocation', text: 'Allocation' },
  { path: 'closure', text: 'Closure' },
];

function SectionNavigation({ child }: { child: Child }) {
  const { pathname } = useLocation();
  const base = `/children/${child.id}`;
  const here = pathname.replace(/\/$/, '');
  return (
    <nav className="lantern-subnav" aria-label={`Sections of ${possessive(child.displayName)} record`}>
      <ul className="lantern-subnav__list">
        {SECTIONS.map((section) => {
          const to = section.path ? `${base}/${section.path}` : base;
          const current = here === to;
          return (
            <li key={section.path} className="lantern-subnav__item">
              <Link
                className={`govuk-link lantern-subnav__link${current ? ' lantern-subnav__link--current' : ''}`}
                to={to}
                aria-current={current ? 'page' : undefined}
              >
                {section.text}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/** The child's record: who they are at a glance, the sections of the record, and the section chosen. */
export function ChildRecordLayout() {
  const { id = '' } = useParams();
  const loaded = useApiData(() => childrenApi.get(id), [id]);
  const reference = useCaseReference();
  const child = loaded.data?.child;
  const { pathname } = useLocation();
  const section = SECTIONS.find((s) => s.path && pathname.replace(/\/$/, '').endsWith(`/${s.path}`));
  usePageTitle(
    child ? `${section ? `${section.text} – ` : ''}${child.displayName} – Child’s record` : 'Child’s record',
  );

  if (child?.mergedIntoId) {
    const state: FlashState = {
      flash: {
        heading: `The record you opened was merged into this one`,
        body: 'Everything that was on it is here now.',
      },
    };
    return <Navigate to={`/children/${child.mergedIntoId}`} state={state} replace />;
  }

  return (
    <>
      <span className="govuk-caption-l">Child’s record</span>
      <h1 className="govuk-heading-l lantern-child-name">{child?.displayName ?? 'Child’s record'}</h1>
      {loaded.state === 'loading' && <Loading />}
      {loaded.state === 'failed' && <LoadFailure error={loaded.error} />}
      {child && (
        <>
          <p className="govuk-body lantern-tags lantern-child-facts">
            <span>Date of birth: {dateOfBirthText(child)}</span>
            <HarmTag child={child} reference={reference.data} />
            <CaseStatusTag status={child.caseStatus} />
          </p>
          <SectionNavigation child={child} />
          <Outlet
            context={{ child, reload: loaded.reload, reference: reference.data } satisfies ChildContext}
          />
        </>
      )}
    </>
  );
}

/**
 * A page that acts on one child's record outside its sections (a form, a confirmation): the child is
 * loaded for the page, and the page says so while it loads.
 */
export function ChildFormPage({
  title,
  back,
  children,
}: {
  title: string;
  back: (childId: string) => { to: string; text: string };
  children(child: Child, reference: CaseReference): ReactNode;
}) {
  const { id = '' } = useParams();
  const loaded = useApiData(() => childrenApi.get(id), [id]);
  const reference = useCaseReference();
  const link = back(id);
  const ready = loaded.state === 'loaded' && reference.state === 'loaded';
  useFocusHeadingWhenReady(ready);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={link.to}>{link.text}</BackLink>
        {ready ? (
          children(loaded.data.child, reference.data)
        ) : (
          <>
            <h1 className="govuk-heading-l">{title}</h1>
            {(loaded.state === 'loading' || reference.state === 'loading') && <Loading />}
            {loaded.state === 'failed' && <LoadFailure error={loaded.error} />}
            {reference.state === 'failed' && <LoadFailure error={reference.error} />}
          </>
        )}
      </div>
    </div>
  );
}
