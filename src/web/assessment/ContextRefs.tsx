/**
 * Connections as links to context records: search the records you can see (persons of concern, places,
 * peer groups, online spaces, vehicles), add them, say how each is connected, remove them. Each linked
 * record links to its page in Contexts. The server checks every record again when the draft is saved.
 */
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { CONTEXT_KIND_INFO, type ContextKind } from '../../domain/contexts/kinds.ts';
import { ApiError } from '../api.ts';
import { ErrorMessage, Hint } from '../components/fields.tsx';
import { contextsApi } from '../contexts/api.ts';
import { TextAreaWithAssistant } from '../language/TextAreaWithAssistant.tsx';

export interface ContextRefItem {
  contextId: string;
  kind: string;
  /** From the server or the search: shown, never stored. */
  name?: string;
  note?: string;
}

const MIN_SEARCH = 2;

export function kindName(kind: string): string {
  return CONTEXT_KIND_INFO[kind as ContextKind]?.name ?? kind.replaceAll('_', ' ');
}

function kindWords(kinds: readonly string[]): string {
  const names = kinds.map((k) => kindName(k).toLowerCase());
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names.at(-1)}` : (names[0] ?? '');
}

export function ContextRefsField({
  name,
  legend,
  hint,
  kinds,
  refs,
  onChange,
  error,
  childAge,
}: {
  /** The field's name: the server's error path (`answers.<prompt id>`). */
  name: string;
  legend: string;
  hint?: string | undefined;
  kinds: readonly string[];
  refs: ContextRefItem[];
  onChange(refs: ContextRefItem[]): void;
  error?: string | undefined;
  childAge?: number | undefined;
}) {
  const [q, setQ] = useState('');
  const [found, setFound] = useState<{ id: string; kind: string; name: string }[] | null>(null);
  const [problem, setProblem] = useState('');
  const [status, setStatus] = useState('');
  const [searching, setSearching] = useState(false);
  const uid = useId();
  const hintId = `${name}-hint`;
  const errorId = `${name}-error`;
  const listId = `${name}-linked`;
  const resultsId = `${name}-results`;

  const search = async () => {
    setProblem('');
    setStatus('');
    if (q.trim().length < MIN_SEARCH) {
      setFound(null);
      setProblem(`Enter at least ${MIN_SEARCH} characters to search.`);
      return;
    }
    setSearching(true);
    try {
      const results = await Promise.all(kinds.map((kind) => contextsApi.search(q.trim(), kind)));
      const all = results.flatMap((r) => r.contexts);
      setFound(all.map((c) => ({ id: c.id, kind: c.kind, name: c.name })));
      setStatus(
        all.length === 0
          ? 'Nothing found among the records you can see.'
          : `${all.length} record${all.length === 1 ? '' : 's'} found.`,
      );
    } catch (e) {
      setProblem(e instanceof ApiError ? e.message : 'The search did not work. Try again.');
    }
    setSearching(false);
  };

  const add = (c: { id: string; kind: string; name: string }) => {
    if (refs.some((r) => r.contextId === c.id)) return;
    onChange([...refs, { contextId: c.id, kind: c.kind, name: c.name }]);
    setStatus(`${c.name} added.`);
  };
  const remove = (ref: ContextRefItem) => {
    onChange(refs.filter((r) => r.contextId !== ref.contextId));
    setStatus(`${ref.name ?? 'The record'} removed.`);
  };
  const setNote = (ref: ContextRefItem, note: string) =>
    onChange(refs.map((r) => (r.contextId === ref.contextId ? { ...r, note } : r)));

  const describedBy = [hint && hintId, error && errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        {hint && <Hint id={hintId}>{hint}</Hint>}
        {error && <ErrorMessage id={errorId} message={error} />}
        {refs.length === 0 ? (
          <p className="govuk-body govuk-hint">No records linked yet.</p>
        ) : (
          <ul className="govuk-list lantern-context-refs" id={listId} aria-label={`Linked: ${legend}`}>
            {refs.map((ref, i) => (
              <li key={ref.contextId} className="lantern-context-ref">
                <p className="govuk-body govuk-!-margin-bottom-2">
                  <Link className="govuk-link" to={`/contexts/${ref.contextId}`}>
                    {ref.name ?? 'Linked record'}
                  </Link>{' '}
                  <span className="govuk-tag govuk-tag--grey">{kindName(ref.kind)}</span>{' '}
                  <button
                    type="button"
                    className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                    onClick={() => remove(ref)}
                  >
                    Remove<span className="govuk-visually-hidden"> {ref.name ?? 'this record'}</span>
                  </button>
                </p>
                <TextAreaWithAssistant
                  name={`${name}.refs.${i}.note`}
                  label={`How ${ref.name ?? 'this record'} is connected to the child (optional)`}
                  labelClassName="govuk-label--s"
                  value={ref.note ?? ''}
                  onChange={(note) => setNote(ref, note)}
                  rows={2}
                  childAge={childAge}
                  field="assessment.connection_note"
                />
              </li>
            ))}
          </ul>
        )}
        <div className="govuk-form-group govuk-!-margin-bottom-2">
          <label className="govuk-label" htmlFor={name}>
            Find a {kindWords(kinds)} by name, nickname, phone, registration or postcode
          </label>
          <input
            className="govuk-input govuk-!-width-two-thirds"
            id={name}
            type="search"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                void search();
              }
            }}
            aria-describedby={problem ? `${uid}-problem` : undefined}
          />
        </div>
        <button
          type="button"
          className="govuk-button govuk-button--secondary"
          disabled={searching}
          onClick={() => void search()}
        >
          Find<span className="govuk-visually-hidden"> {legend.toLowerCase()}</span>
        </button>
        {problem && (
          <p className="govuk-error-message" id={`${uid}-problem`}>
            {problem}
          </p>
        )}
        <p className="govuk-visually-hidden" role="status">
          {status}
        </p>
        {found && found.length === 0 && (
          <p className="govuk-body">Nothing found among the records you can see.</p>
        )}
        {found && found.length > 0 && (
          <ul className="govuk-list" id={resultsId} aria-label={`Found: ${legend}`}>
            {found.map((c) => {
              const linked = refs.some((r) => r.contextId === c.id);
              return (
                <li key={c.id}>
                  {c.name} <span className="govuk-hint govuk-!-display-inline">{kindName(c.kind)}</span>{' '}
                  {linked ? (
                    <strong className="govuk-body-s">Linked</strong>
                  ) : (
                    <button
                      type="button"
                      className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                      onClick={() => add(c)}
                    >
                      Add<span className="govuk-visually-hidden"> {c.name}</span>
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </fieldset>
    </div>
  );
}

/** Linked records, as links to their pages, for reading an assessment. */
export function ContextRefsList({ refs }: { refs: ContextRefItem[] }) {
  if (refs.length === 0) return <p className="govuk-body">None linked.</p>;
  return (
    <ul className="govuk-list govuk-list--bullet">
      {refs.map((ref) => (
        <li key={ref.contextId}>
          <Link className="govuk-link" to={`/contexts/${ref.contextId}`}>
            {ref.name ?? 'Linked record'}
          </Link>{' '}
          ({kindName(ref.kind).toLowerCase()})
          {ref.note ? <span className="lantern-pre-wrap">: {ref.note}</span> : ''}
        </li>
      ))}
    </ul>
  );
}
