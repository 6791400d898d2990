/** Choosing who to invite, agency by agency: the people who can be invited, grouped under their agency. */
import { useState } from 'react';
import { Checkboxes, ErrorMessage, Hint } from '../components/fields.tsx';
import type { Invitable } from './api.ts';

export function InviteesPicker(props: {
  people: Invitable[];
  selected: string[];
  onChange(ids: string[]): void;
  error?: string | undefined;
}) {
  const { people, selected, onChange, error } = props;
  const [filter, setFilter] = useState('');
  const words = filter.trim().toLowerCase();
  const agencies = new Map<string, { name: string; people: Invitable[] }>();
  for (const p of people) {
    const shown =
      !words || p.name.toLowerCase().includes(words) || p.agencyName.toLowerCase().includes(words);
    if (!shown && !selected.includes(p.id)) continue;
    const a = agencies.get(p.agencyId) ?? { name: p.agencyName, people: [] };
    a.people.push(p);
    agencies.set(p.agencyId, a);
  }
  const chosen = people.filter((p) => selected.includes(p.id));
  return (
    <>
      <h2 className="govuk-heading-m">Who to invite</h2>
      <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
        <label className="govuk-label govuk-label--s" htmlFor="invitations">
          Find a person or an agency
        </label>
        <Hint id="invitations-hint">
          Narrows the list below. Each person gets their own copy of the papers.
        </Hint>
        {error && <ErrorMessage id="invitations-error" message={error} />}
        <input
          className={`govuk-input govuk-!-width-one-half${error ? ' govuk-input--error' : ''}`}
          id="invitations"
          name="invitations"
          type="search"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') e.preventDefault();
          }}
          aria-describedby={`invitations-hint${error ? ' invitations-error' : ''}`}
        />
      </div>
      <p className="govuk-body" aria-live="polite">
        {chosen.length === 0
          ? 'Nobody is invited yet.'
          : `Invited: ${chosen.map((p) => `${p.name} (${p.agencyName})`).join(', ')}.`}
      </p>
      {agencies.size === 0 ? (
        <p className="govuk-body">Nobody matches “{filter.trim()}”.</p>
      ) : (
        [...agencies.entries()].map(([agencyId, a]) => (
          <Checkboxes
            key={agencyId}
            name={`invite-${agencyId}`}
            legend={a.name}
            small
            options={a.people.map((p) => ({ value: p.id, label: p.name }))}
            values={selected.filter((id) => a.people.some((p) => p.id === id))}
            onChange={(ids) =>
              onChange([...selected.filter((id) => !a.people.some((p) => p.id === id)), ...ids])
            }
          />
        ))
      )}
    </>
  );
}
