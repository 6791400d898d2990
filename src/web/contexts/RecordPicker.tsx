/**
 * Find a child or a context by name and choose it: a search box, then the records found as radios.
 * Only records the person may see are ever found (the server decides).
 */
import { useState } from 'react';
import { ApiError } from '../api.ts';
import { childrenApi } from '../children/api.ts';
import { formatDate } from '../children/format.ts';
import { ErrorMessage } from '../components/fields.tsx';
import { contextsApi } from './api.ts';

export interface Picked {
  kind: string;
  id: string;
  name: string;
}

export function RecordPicker({
  name,
  what,
  label,
  picked,
  onPick,
  error,
}: {
  /** The field's name: the server's error path. */
  name: string;
  what: 'child' | 'context';
  label: string;
  picked: Picked | null;
  onPick(picked: Picked | null): void;
  error?: string | undefined;
}) {
  const [q, setQ] = useState('');
  const [found, setFound] = useState<(Picked & { detail: string })[] | null>(null);
  const [problem, setProblem] = useState('');
  const search = async () => {
    setProblem('');
    try {
      if (what === 'child') {
        const { children } = await childrenApi.search(q);
        setFound(
          children.map((c) => ({
            kind: 'child',
            id: c.id,
            name: c.displayName,
            detail: c.dateOfBirth ? `born ${formatDate(c.dateOfBirth)}` : '',
          })),
        );
      } else {
        const { contexts } = await contextsApi.search(q);
        setFound(
          contexts.map((c) => ({
            kind: c.kind,
            id: c.id,
            name: c.name,
            detail: c.kind.replaceAll('_', ' '),
          })),
        );
      }
    } catch (e) {
      setProblem(e instanceof ApiError ? e.message : 'The search did not work. Try again.');
    }
  };
  const searchId = `${name}-search`;
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset className="govuk-fieldset" aria-describedby={error ? `${name}-error` : undefined}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{label}</legend>
        {error && <ErrorMessage id={`${name}-error`} message={error} />}
        {picked ? (
          <p className="govuk-body">
            <strong>{picked.name}</strong>{' '}
            <button
              type="button"
              className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
              onClick={() => onPick(null)}
            >
              Choose another<span className="govuk-visually-hidden"> instead of {picked.name}</span>
            </button>
          </p>
        ) : (
          <>
            <div className="govuk-form-group">
              <label className="govuk-label" htmlFor={searchId}>
                {what === 'child' ? 'Child’s name' : 'Name, nickname, phone, registration or postcode'}
              </label>
              <input
                className="govuk-input govuk-!-width-two-thirds"
                id={searchId}
                type="search"
                value={q}
                onChange={(e) => setQ(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') {
                    e.preventDefault();
                    void search();
                  }
                }}
              />
            </div>
            <button
              type="button"
              className="govuk-button govuk-button--secondary"
              onClick={() => void search()}
            >
              Find
            </button>
            {problem && <p className="govuk-error-message">{problem}</p>}
            {found && found.length === 0 && (
              <p className="govuk-body" role="status">
                Nothing found among the records you can see.
              </p>
            )}
            {found && found.length > 0 && (
              <div className="govuk-radios govuk-radios--small" id={name}>
                {found.map((f, i) => (
                  <div className="govuk-radios__item" key={f.id}>
                    <input
                      className="govuk-radios__input"
                      id={i === 0 ? `${name}-choice` : `${name}-choice-${i}`}
                      name={`${name}-choice`}
                      type="radio"
                      onChange={() => onPick(f)}
                    />
                    <label
                      className="govuk-label govuk-radios__label"
                      htmlFor={i === 0 ? `${name}-choice` : `${name}-choice-${i}`}
                    >
                      {f.name}
                      {f.detail && <span className="govuk-hint govuk-!-margin-bottom-0"> {f.detail}</span>}
                    </label>
                  </div>
                ))}
              </div>
            )}
          </>
        )}
      </fieldset>
    </div>
  );
}
