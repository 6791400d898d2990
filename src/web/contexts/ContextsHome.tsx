/** Contexts: find a person of concern, place or other context; record a new one; the MACE views. */
import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useApiData } from '../components/data.ts';
import { Select, TextInput } from '../components/fields.tsx';
import { usePageTitle } from '../components/page.ts';
import { ButtonLink, LoadFailure, Loading, Table } from '../components/ui.tsx';
import { contextsApi } from './api.ts';
import { useContextReference } from './parts.tsx';
import './contexts.css';

export function ContextsHome() {
  usePageTitle('Contexts');
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const kind = params.get('kind') ?? '';
  const [text, setText] = useState(q);
  const [kindChoice, setKindChoice] = useState(kind);
  const reference = useContextReference();
  const results = useApiData(
    () => (q.trim().length >= 2 ? contextsApi.search(q, kind || undefined) : Promise.resolve(null)),
    [q, kind],
  );
  const kindName = (id: string) => reference.data?.kinds.find((k) => k.id === id)?.name ?? id;

  const search = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    if (text.trim()) next.set('q', text.trim());
    if (kindChoice) next.set('kind', kindChoice);
    setParams(next);
  };

  return (
    <>
      <h1 className="govuk-heading-l">Contexts</h1>
      <p className="govuk-body">
        Persons of concern, places, peer groups, online spaces, vehicles and businesses, and how they link to
        children. You see only what you are allowed to see.
      </p>
      <div className="lantern-contexts__actions">
        {reference.data?.permissions.record && (
          <ButtonLink to="/contexts/new">Record a person, place or other context</ButtonLink>
        )}
        {reference.data?.permissions.groupView && (
          <ButtonLink to="/contexts/groups" secondary>
            MACE group view
          </ButtonLink>
        )}
        <ButtonLink to="/contexts/merges" secondary>
          Records proposed for merging
        </ButtonLink>
        <ButtonLink to="/disruption" secondary>
          Disruption
        </ButtonLink>
      </div>
      <search>
        <form className="lantern-contexts__search" noValidate onSubmit={search}>
          <TextInput
            name="q"
            label="Search by name, nickname, phone number, handle, registration or postcode"
            labelClassName="govuk-label--s"
            value={text}
            onChange={setText}
            widthClassName="govuk-!-width-two-thirds"
          />
          <Select
            name="kind"
            label="Kind of record"
            placeholder="Any kind"
            options={(reference.data?.kinds ?? []).map((k) => ({ value: k.id, label: k.name }))}
            value={kindChoice}
            onChange={setKindChoice}
          />
          <button type="submit" className="govuk-button">
            Search
          </button>
        </form>
      </search>
      {results.state === 'loading' && <Loading />}
      {results.state === 'failed' && <LoadFailure error={results.error} />}
      {results.data && results.data.contexts.length === 0 && (
        <p className="govuk-body" role="status">
          No records match “{q}” among those you can see.
        </p>
      )}
      {results.data && results.data.contexts.length > 0 && (
        <Table
          caption={`Records matching “${q}”`}
          columns={[{ heading: 'Name' }, { heading: 'Kind' }, { heading: 'Label' }]}
          rows={results.data.contexts.map((c) => ({
            key: c.id,
            cells: [
              <Link key="name" className="govuk-link" to={`/contexts/${c.id}`}>
                {c.name}
              </Link>,
              kindName(c.kind),
              reference.data?.sensitivity.find((s) => s.id === c.sensitivity)?.name ?? c.sensitivity,
            ],
          }))}
        />
      )}
    </>
  );
}
