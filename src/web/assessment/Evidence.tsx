import { INDICATOR_GUIDE } from '../../domain/referrals/indicator-guide.ts';
import type { Entry } from '../children/api.ts';
import { Choices } from '../children/fields.tsx';
import { formatWhen } from '../children/format.ts';
import { LabelTag, VerificationTag } from '../children/record.tsx';

/** An indicator guide item's words, by its id. */
export function indicatorText(id: string | undefined): string {
  if (!id) return '';
  return INDICATOR_GUIDE.items.find((i) => i.id === id)?.text ?? id;
}

/**
 * Chronology entries to link as evidence. Each says where it came from and whether it is verified: an
 * unverified claim is marked wherever it is repeated.
 */
export function EvidencePicker({
  name,
  legend,
  hint,
  entries,
  values,
  onChange,
  error,
}: {
  name: string;
  legend: string;
  hint?: string;
  entries: Entry[];
  values: string[];
  onChange(values: string[]): void;
  error?: string | undefined;
}) {
  if (entries.length === 0) {
    return (
      <p className="govuk-body" id={name}>
        There are no chronology entries you can see yet. Add the event to the chronology first, with its
        source.
      </p>
    );
  }
  return (
    <Choices
      type="checkbox"
      name={name}
      legend={legend}
      hint={hint}
      small
      error={error}
      options={entries.map((e) => ({
        value: e.id,
        label: `${e.title} (${formatWhen(e.occurredAt)})`,
        hint: (
          <span className="lantern-tags">
            <span>{e.sourceAgency?.name ?? e.source}</span>
            <VerificationTag verification={e.verification} />
            <LabelTag label={e.sensitivity} />
          </span>
        ),
      }))}
      values={values}
      onChange={onChange}
    />
  );
}

export interface EvidenceShown {
  chronologyEntryId: string;
  verification?: string | undefined;
  source?: { agency: string; by?: string | undefined } | undefined;
}

/** The evidence a claim rests on, each with its source and verification as recorded. */
export function EvidenceList({
  links,
  titles,
}: {
  links: EvidenceShown[];
  titles: Record<string, { title: string; occurredAt: string; verification: string } | undefined>;
}) {
  if (links.length === 0) return <p className="govuk-body-s">No evidence linked.</p>;
  return (
    <ul className="govuk-list lantern-evidence">
      {links.map((link) => {
        const entry = titles[link.chronologyEntryId];
        const verification = link.verification ?? entry?.verification ?? 'unverified';
        return (
          <li key={link.chronologyEntryId} className="lantern-evidence__item">
            <span className="lantern-tags">
              <span>
                {entry ? entry.title : 'Chronology entry'}
                {entry ? `, ${formatWhen(entry.occurredAt)}` : ''}
                {link.source ? ` — ${link.source.agency}${link.source.by ? `, ${link.source.by}` : ''}` : ''}
              </span>
              <VerificationTag verification={verification} />
              {entry && entry.verification !== verification && (
                <span className="govuk-body-s">(now {entry.verification})</span>
              )}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
