/**
 * One link: what it says, where it came from, how sure we are and why it is or is not shown by default;
 * and what can happen to it — a new sighting, a corroboration by a second source, a withdrawal.
 */
import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../api.ts';
import { DateInput, type DateParts, EMPTY_DATE, FreeText, isoDate } from '../children/fields.tsx';
import { formatDate } from '../children/format.ts';
import { useApiData } from '../components/data.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { Select } from '../components/fields.tsx';
import { useFormErrors } from '../components/form.ts';
import { usePageTitle } from '../components/page.ts';
import { BackLink, LoadFailure, Loading, SummaryList } from '../components/ui.tsx';
import { useMe } from '../session.tsx';
import { contextsApi, type LinkView } from './api.ts';
import { GradingLegend, recordPath, useContextReference, ViewTag } from './parts.tsx';

function Changes({ link, onChange }: { link: LinkView; onChange(): void }) {
  const me = useMe();
  const agencies = useApiData(() => api.agencies(), []);
  const [seen, setSeen] = useState<DateParts>(EMPTY_DATE);
  const [on, setOn] = useState<DateParts>(EMPTY_DATE);
  const [agencyId, setAgencyId] = useState(me.user.agency.id);
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const { errors, show } = useFormErrors();
  const fields = {
    lastSeen: 'Seen again on',
    on: 'Corroborated on',
    agencyId: 'By which agency',
    note: 'What backs it up',
    reason: 'Why it is withdrawn',
  };
  const run = (work: () => Promise<unknown>) => async (event: FormEvent) => {
    event.preventDefault();
    try {
      await work();
      onChange();
    } catch (error) {
      show(error, { fields });
    }
  };
  return (
    <>
      <ErrorSummary errors={errors} />
      <form
        noValidate
        onSubmit={(e) => void run(() => contextsApi.sighting(link.id, { lastSeen: isoDate(seen) ?? '' }))(e)}
      >
        <h2 className="govuk-heading-m">Seen again</h2>
        <DateInput
          name="lastSeen"
          legend={fields.lastSeen}
          hint="A new sighting sets a new review date."
          value={seen}
          onChange={setSeen}
          error={errors.byField.lastSeen}
        />
        <button type="submit" className="govuk-button govuk-button--secondary">
          Record the sighting
        </button>
      </form>
      <form
        noValidate
        onSubmit={(e) =>
          void run(() =>
            contextsApi.corroborate(link.id, { agencyId, on: isoDate(on), ...(note.trim() ? { note } : {}) }),
          )(e)
        }
      >
        <h2 className="govuk-heading-m">Corroborated by a second source</h2>
        <p className="govuk-body">
          Someone other than the original source confirms it: the link counts as confirmed.
        </p>
        <Select
          name="agencyId"
          label={fields.agencyId}
          options={(agencies.data?.agencies ?? []).map((a) => ({ value: a.id, label: a.name }))}
          value={agencyId}
          onChange={setAgencyId}
          error={errors.byField.agencyId}
        />
        <DateInput name="on" legend={fields.on} value={on} onChange={setOn} error={errors.byField.on} />
        <FreeText
          name="note"
          label={fields.note}
          field="link.corroboration"
          rows={2}
          value={note}
          onChange={setNote}
          error={errors.byField.note}
        />
        <button type="submit" className="govuk-button govuk-button--secondary">
          Record the corroboration
        </button>
      </form>
      <form noValidate onSubmit={(e) => void run(() => contextsApi.withdraw(link.id, reason))(e)}>
        <h2 className="govuk-heading-m">Withdraw the link</h2>
        <p className="govuk-body">
          It stays on the record with the reason, and is never shown as a connection.
        </p>
        <FreeText
          name="reason"
          label={fields.reason}
          field="link.withdrawal"
          rows={2}
          value={reason}
          onChange={setReason}
          error={errors.byField.reason}
        />
        <button type="submit" className="govuk-button govuk-button--warning">
          Withdraw the link
        </button>
      </form>
    </>
  );
}

export function LinkPage() {
  const { id = '' } = useParams();
  const loaded = useApiData(() => contextsApi.link(id), [id]);
  const reference = useContextReference();
  const link = loaded.data?.link;
  usePageTitle(link ? link.reads : 'Link');
  if (!link || !reference.data) {
    return (
      <>
        <h1 className="govuk-heading-l">Link</h1>
        {loaded.state === 'failed' && <LoadFailure error={loaded.error} />}
        {loaded.state === 'loading' && <Loading />}
      </>
    );
  }
  const end = (e: LinkView['from']) => (
    <Link className="govuk-link" to={recordPath(e.kind, e.id)}>
      {e.name}
    </Link>
  );
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={recordPath(link.to.kind, link.to.id)}>Back to {link.to.name}</BackLink>
        <span className="govuk-caption-l">Link</span>
        <h1 className="govuk-heading-l">{link.reads}</h1>
        <p className="govuk-body">
          <ViewTag link={link} /> {link.view.explanation}
        </p>
        <SummaryList
          rows={[
            { key: 'From', value: end(link.from) },
            { key: 'How', value: `${link.natureLabel}: ${link.natureDescription}` },
            { key: 'To', value: end(link.to) },
            {
              key: 'Seen',
              value:
                link.firstSeen === link.lastSeen
                  ? formatDate(link.lastSeen)
                  : `${formatDate(link.firstSeen)} to ${formatDate(link.lastSeen)}`,
            },
            {
              key: 'Source',
              value: `${link.source.agency.name}, recorded by ${link.source.author.name}${link.source.reference ? ` (${link.source.reference})` : ''}`,
            },
            {
              key: 'Grade',
              value: `${link.grading.code}: ${link.grading.explanation}${link.grading.handlingConditions ? ` Conditions: ${link.grading.handlingConditions}` : ''}`,
            },
            {
              key: 'Corroborated by',
              value: link.corroborations.length
                ? link.corroborations
                    .map(
                      (c) =>
                        `${c.agency.name} (${c.author.name}) on ${formatDate(c.on)}${c.note ? `: ${c.note}` : ''}`,
                    )
                    .join('; ')
                : 'Nobody yet',
            },
            { key: 'Review date', value: formatDate(link.reviewDate) },
            {
              key: 'Label',
              value:
                reference.data.sensitivity.find((s) => s.id === link.sensitivity)?.name ?? link.sensitivity,
            },
            ...(link.note ? [{ key: 'Note', value: link.note }] : []),
            ...(link.withdrawn
              ? [{ key: 'Withdrawn', value: `${formatDate(link.withdrawn.on)}: ${link.withdrawn.reason}` }]
              : []),
          ]}
        />
        <GradingLegend reference={reference.data} />
        {!link.withdrawn && <Changes link={link} onChange={loaded.reload} />}
      </div>
    </div>
  );
}
