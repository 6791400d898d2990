import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { ApiError, SERVICE_UNAVAILABLE_MESSAGE } from '../api.ts';

export function ButtonLink({
  to,
  children,
  secondary,
}: {
  to: string;
  children: ReactNode;
  secondary?: boolean;
}) {
  return (
    <Link
      to={to}
      role="button"
      draggable={false}
      className={secondary ? 'govuk-button govuk-button--secondary' : 'govuk-button'}
    >
      {children}
    </Link>
  );
}

/** A form's submit button, disabled while the request is on its way, and a link back without saving. */
export function FormButtons({
  working,
  text,
  cancelTo,
}: {
  working: boolean;
  text: string;
  cancelTo: string;
}) {
  return (
    <div className="govuk-button-group">
      <button type="submit" className="govuk-button" disabled={working} aria-disabled={working}>
        {text}
      </button>
      <Link className="govuk-link" to={cancelTo}>
        Cancel
      </Link>
    </div>
  );
}

export function StartButton({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Link to={to} role="button" draggable={false} className="govuk-button govuk-button--start">
      {children}
      <svg
        className="govuk-button__start-icon"
        xmlns="http://www.w3.org/2000/svg"
        width="17.5"
        height="19"
        viewBox="0 0 33 40"
        aria-hidden="true"
        focusable="false"
      >
        <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z" />
      </svg>
    </Link>
  );
}

export function BackLink({ to, children = 'Back' }: { to: string; children?: ReactNode }) {
  return (
    <Link to={to} className="govuk-back-link">
      {children}
    </Link>
  );
}

type TagColour = 'grey' | 'green' | 'blue' | 'red' | 'yellow' | 'orange' | 'purple' | 'turquoise' | 'pink';

export function Tag({ colour, children }: { colour?: TagColour; children: ReactNode }) {
  return <strong className={colour ? `govuk-tag govuk-tag--${colour}` : 'govuk-tag'}>{children}</strong>;
}

export function WarningText({ children }: { children: ReactNode }) {
  return (
    <div className="govuk-warning-text">
      <span className="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <strong className="govuk-warning-text__text">
        <span className="govuk-visually-hidden">Warning</span>
        {children}
      </strong>
    </div>
  );
}

export function InsetText({ children }: { children: ReactNode }) {
  return <div className="govuk-inset-text">{children}</div>;
}

export interface Banner {
  heading: string;
  body?: string;
  /** `success` confirms something the person just did; otherwise it is information. */
  success?: boolean;
}

export function NotificationBanner({ banner }: { banner: Banner }) {
  const content = (titleId: string, title: string) => (
    <>
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id={titleId}>
          {title}
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">{banner.heading}</p>
        {banner.body && <p className="govuk-body">{banner.body}</p>}
      </div>
    </>
  );
  // A success banner is announced at once and takes focus on arrival, as GOV.UK Frontend's script does.
  return banner.success ? (
    <div
      className="govuk-notification-banner govuk-notification-banner--success"
      role="alert"
      aria-labelledby="notification-success-title"
      tabIndex={-1}
    >
      {content('notification-success-title', 'Success')}
    </div>
  ) : (
    <section className="govuk-notification-banner" aria-labelledby="notification-title">
      {content('notification-title', 'Important')}
    </section>
  );
}

/** Navigation state that carries a banner to show on the next page ("Account disabled", …). */
export interface FlashState {
  flash?: Banner;
}

/** Shows the banner handed over by the previous page, if any. */
export function Flash() {
  const location = useLocation();
  const flash = (location.state as FlashState | null)?.flash;
  return flash ? <NotificationBanner banner={flash} /> : null;
}

export interface Column {
  heading: ReactNode;
  numeric?: boolean;
}

export function Table({
  caption,
  captionClassName = 'govuk-table__caption--m',
  columns,
  rows,
}: {
  caption: ReactNode;
  captionClassName?: string;
  columns: Column[];
  rows: { key: string; cells: ReactNode[] }[];
}) {
  return (
    <table className="govuk-table">
      <caption className={`govuk-table__caption ${captionClassName}`}>{caption}</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          {columns.map((column, index) => (
            <th
              // biome-ignore lint/suspicious/noArrayIndexKey: columns are fixed for the table's lifetime
              key={index}
              scope="col"
              className={`govuk-table__header${column.numeric ? ' govuk-table__header--numeric' : ''}`}
            >
              {column.heading}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {rows.map((row) => (
          <tr className="govuk-table__row" key={row.key}>
            {row.cells.map((cell, index) =>
              index === 0 ? (
                // biome-ignore lint/suspicious/noArrayIndexKey: cells follow the fixed columns
                <th key={index} scope="row" className="govuk-table__header">
                  {cell}
                </th>
              ) : (
                <td
                  // biome-ignore lint/suspicious/noArrayIndexKey: cells follow the fixed columns
                  key={index}
                  className={`govuk-table__cell${columns[index]?.numeric ? ' govuk-table__cell--numeric' : ''}`}
                >
                  {cell}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export interface SummaryRow {
  key: string;
  value: ReactNode;
  /** A "Change" link; `visuallyHidden` says what changes, for screen reader users. */
  change?: { to: string; visuallyHidden: string };
}

export function SummaryList({ rows }: { rows: SummaryRow[] }) {
  const anyActions = rows.some((row) => row.change);
  return (
    <dl className="govuk-summary-list">
      {rows.map((row) => (
        <div
          key={row.key}
          className={`govuk-summary-list__row${anyActions && !row.change ? ' govuk-summary-list__row--no-actions' : ''}`}
        >
          <dt className="govuk-summary-list__key">{row.key}</dt>
          <dd className="govuk-summary-list__value">{row.value}</dd>
          {row.change && (
            <dd className="govuk-summary-list__actions">
              <Link className="govuk-link" to={row.change.to}>
                Change<span className="govuk-visually-hidden"> {row.change.visuallyHidden}</span>
              </Link>
            </dd>
          )}
        </div>
      ))}
    </dl>
  );
}

/** What to say when a page's information could not be loaded. */
export function LoadFailure({ error }: { error: unknown }) {
  if (error instanceof ApiError && (error.code === 'forbidden' || error.status === 403)) {
    return <p className="govuk-body">You do not have permission to see this. {error.message}</p>;
  }
  if (error instanceof ApiError && error.status === 404) {
    return <p className="govuk-body">{error.message}</p>;
  }
  return (
    <p className="govuk-body">{error instanceof ApiError ? error.message : SERVICE_UNAVAILABLE_MESSAGE}</p>
  );
}

export function Loading() {
  return (
    <p className="govuk-body" role="status">
      Loading…
    </p>
  );
}
