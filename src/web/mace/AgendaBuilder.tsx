/**
 * Building a meeting's agenda: children found by name, and persons of concern, places, peer groups and
 * other contexts found by name. A strategy or review meeting is about one child, so it chooses the child;
 * a MACE triage or MACE meeting lists as many children and contexts as it needs. Searches use the same
 * endpoints as the rest of Lantern, so people find only the records they may see.
 */
import { type KeyboardEvent, useState } from 'react';
import { ApiError } from '../api.ts';
import { ErrorMessage, Hint } from '../components/fields.tsx';
import { maceApi } from './api.ts';

/** An agenda item as the meeting record holds it; items already saved keep every field they have. */
export interface DraftItem {
  id?: string;
  kind: 'child' | 'context';
  heading: string;
  childId?: string;
  context?: { contextId: string; kind: string; label: string; sensitivity: string };
  [key: string]: unknown;
}

interface Found {
  id: string;
  text: string;
  detail: string;
  item: DraftItem;
}

function Search(props: {
  name: string;
  label: string;
  hint: string;
  buttonText: string;
  addText: string;
  error?: string | undefined;
  find(q: string): Promise<Found[]>;
  onAdd(item: DraftItem): void;
  chosen: (item: DraftItem) => boolean;
}) {
  const { name, label, hint, buttonText, addText, error, find, onAdd, chosen } = props;
  const [q, setQ] = useState('');
  const [results, setResults] = useState<Found[] | null>(null);
  const [problem, setProblem] = useState('');
  const search = async () => {
    setProblem('');
    if (q.trim().length < 2) {
      setResults(null);
      setProblem('Enter at least 2 letters of the name');
      return;
    }
    try {
      setResults(await find(q.trim()));
    } catch (e) {
      setResults(null);
      setProblem(e instanceof ApiError ? e.message : 'The search did not work. Try again.');
    }
  };
  const onKey = (event: KeyboardEvent<HTMLInputElement>) => {
    // Enter searches, rather than sending the whole form.
    if (event.key === 'Enter') {
      event.preventDefault();
      void search();
    }
  };
  const shown = error ?? (problem || undefined);
  return (
    <div className={`govuk-form-group${shown ? ' govuk-form-group--error' : ''}`}>
      <label className="govuk-label govuk-label--s" htmlFor={name}>
        {label}
      </label>
      <Hint id={`${name}-hint`}>{hint}</Hint>
      {shown && <ErrorMessage id={`${name}-error`} message={shown} />}
      <div>
        <input
          className={`govuk-input govuk-!-width-one-half${shown ? ' govuk-input--error' : ''}`}
          id={name}
          name={name}
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onKeyDown={onKey}
          aria-describedby={`${name}-hint${shown ? ` ${name}-error` : ''}`}
        />{' '}
        <button
          type="button"
          className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
          onClick={search}
        >
          {buttonText}
        </button>
      </div>
      <div aria-live="polite">
        {results &&
          (results.length === 0 ? (
            <p className="govuk-body govuk-!-margin-top-2">No records you may see match “{q.trim()}”.</p>
          ) : (
            <ul className="govuk-list govuk-!-margin-top-2">
              {results.map((r) => (
                <li key={r.id}>
                  {r.text}
                  {r.detail && <span className="govuk-hint govuk-!-display-inline"> ({r.detail})</span>}{' '}
                  {chosen(r.item) ? (
                    <strong>On the agenda</strong>
                  ) : (
                    <button
                      type="button"
                      className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                      onClick={() => onAdd(r.item)}
                    >
                      {addText}
                      <span className="govuk-visually-hidden">: {r.text}</span>
                    </button>
                  )}
                </li>
              ))}
            </ul>
          ))}
      </div>
    </div>
  );
}

const findChildren = async (q: string): Promise<Found[]> =>
  (await maceApi.children(q)).children.map((c) => ({
    id: c.id,
    text: c.displayName,
    detail: [c.dateOfBirth ? `born ${c.dateOfBirth}` : '', c.school ?? ''].filter(Boolean).join(', '),
    item: { kind: 'child', childId: c.id, heading: c.displayName },
  }));

export function AgendaBuilder(props: {
  scope: 'one_child' | 'many';
  items: DraftItem[];
  onChange(items: DraftItem[]): void;
  kindNames: Record<string, string>;
  errors: Record<string, string | undefined>;
}) {
  const { scope, items, onChange, kindNames, errors } = props;
  const kindName = (k: string) => kindNames[k] ?? k.replaceAll('_', ' ');
  const findContexts = async (q: string): Promise<Found[]> =>
    (await maceApi.contexts(q)).contexts
      .filter((c) => c.kind in kindNames)
      .map((c) => ({
        id: c.id,
        text: c.name,
        detail: kindName(c.kind),
        item: {
          kind: 'context',
          heading: c.name,
          context: { contextId: c.id, kind: c.kind, label: c.name, sensitivity: c.sensitivity },
        },
      }));
  const same = (a: DraftItem, b: DraftItem) =>
    a.kind === 'child' ? a.childId === b.childId : a.context?.contextId === b.context?.contextId;
  const chosen = (item: DraftItem) => items.some((i) => same(i, item));

  if (scope === 'one_child') {
    const child = items.find((i) => i.kind === 'child');
    return (
      <>
        <h2 className="govuk-heading-m">The child</h2>
        {child ? (
          <p className="govuk-body">
            This meeting is about <strong>{child.heading}</strong>.{' '}
            <button
              type="button"
              className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
              onClick={() => onChange(items.filter((i) => i.kind !== 'child'))}
            >
              Choose another child
            </button>
          </p>
        ) : (
          <Search
            name="childId"
            label="Find the child the meeting is about"
            hint="Search by name or known-as name"
            buttonText="Search children"
            addText="Choose"
            error={errors.childId ?? errors.agenda}
            find={findChildren}
            onAdd={(item) => onChange([item, ...items.filter((i) => i.kind !== 'child')])}
            chosen={chosen}
          />
        )}
      </>
    );
  }

  return (
    <>
      <h2 className="govuk-heading-m">Agenda</h2>
      {items.length === 0 ? (
        <p className="govuk-body">Nothing is on the agenda yet. Add the children and contexts to discuss.</p>
      ) : (
        <ol className="govuk-list govuk-list--number">
          {items.map((item, n) => (
            <li key={item.id ?? (item.childId || item.context?.contextId) ?? n}>
              {item.heading}{' '}
              <span className="govuk-hint govuk-!-display-inline">
                ({item.kind === 'child' ? 'child' : kindName(item.context?.kind ?? '')})
              </span>{' '}
              <button
                type="button"
                className="govuk-button govuk-button--warning govuk-!-margin-bottom-0"
                onClick={() => onChange(items.filter((_, i) => i !== n))}
              >
                Remove<span className="govuk-visually-hidden"> {item.heading} from the agenda</span>
              </button>
            </li>
          ))}
        </ol>
      )}
      <Search
        name="agenda"
        label="Add a child"
        hint="Search by name or known-as name"
        buttonText="Search children"
        addText="Add to the agenda"
        error={errors.agenda}
        find={findChildren}
        onAdd={(item) => onChange([...items, item])}
        chosen={chosen}
      />
      <Search
        name="contextSearch"
        label="Add a person of concern, place, peer group or other context"
        hint="Search by name, alias, phone number, handle, registration or postcode"
        buttonText="Search contexts"
        addText="Add to the agenda"
        error={errors.contextSearch}
        find={findContexts}
        onAdd={(item) => onChange([...items, item])}
        chosen={chosen}
      />
    </>
  );
}
