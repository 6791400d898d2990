/**
 * One child, one record: finding a duplicate, comparing the two records side by side, merging the
 * duplicate into the record that is kept, and undoing a merge. Offered only where the record's
 * `permissions.merge` says so; the server checks again.
 */
import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useApiData } from '../components/data.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { TextInput } from '../components/fields.tsx';
import { type FormErrors, useFormErrors } from '../components/form.ts';
import { formatDateTime } from '../components/format.ts';
import { usePageTitle } from '../components/page.ts';
import {
  BackLink,
  type FlashState,
  FormButtons,
  LoadFailure,
  Loading,
  SummaryList,
  Tag,
  WarningText,
} from '../components/ui.tsx';
import { type Child, type ChildListItem, childrenApi } from './api.ts';
import { FreeText, oneError } from './fields.tsx';
import { formatDate } from './format.ts';
import { ChildFormPage, dateOfBirthText, possessive, useFocusHeadingWhenReady } from './record.tsx';
import { CASE_STATUS_NAMES, nameOf, SEX_NAMES } from './words.ts';

const detailsPage = (id: string) => `/children/${id}/details`;

function dobOf(item: ChildListItem): string {
  if (!item.dateOfBirth) return 'Not known';
  return `${item.dateOfBirthEstimated ? 'Estimated: ' : ''}${formatDate(item.dateOfBirth)}`;
}

function NoMerge({ child, title }: { child: Child; title: string }) {
  return (
    <>
      <span className="govuk-caption-l">{child.displayName}</span>
      <h1 className="govuk-heading-l">{title}</h1>
      <p className="govuk-body">
        Merging records is for children’s social care managers. If you think {possessive(child.displayName)}{' '}
        record is a duplicate, tell a manager in children’s social care.
      </p>
      <p className="govuk-body">
        <Link className="govuk-link" to={detailsPage(child.id)}>
          Back to {possessive(child.displayName)} details
        </Link>
      </p>
    </>
  );
}

function Candidates({ child, items, caption }: { child: Child; items: ChildListItem[]; caption: string }) {
  return (
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-table__caption--s">{caption}</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">
            Name
          </th>
          <th scope="col" className="govuk-table__header">
            Date of birth
          </th>
          <th scope="col" className="govuk-table__header">
            School or setting
          </th>
          <th scope="col" className="govuk-table__header">
            <span className="govuk-visually-hidden">Action</span>
          </th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {items.map((item) => (
          <tr key={item.id} className="govuk-table__row">
            <th scope="row" className="govuk-table__header">
              {item.displayName}
              {item.knownAs.length > 0 && (
                <span className="govuk-!-display-block govuk-hint govuk-!-margin-bottom-0">
                  Known as {item.knownAs.join(', ')}
                </span>
              )}
            </th>
            <td className="govuk-table__cell">{dobOf(item)}</td>
            <td className="govuk-table__cell">{item.school ?? 'Not recorded'}</td>
            <td className="govuk-table__cell">
              <Link className="govuk-link" to={`/children/${child.id}/merge/${item.id}`}>
                Compare<span className="govuk-visually-hidden"> with {item.displayName}</span>
              </Link>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function FindDuplicate({ child }: { child: Child }) {
  const title = 'Merge another record into this one';
  const matches = useApiData(
    () =>
      childrenApi.matches({
        givenName: child.givenName,
        familyName: child.familyName,
        knownAs: child.knownAs,
        ...(child.dateOfBirth && !child.dateOfBirthEstimated ? { dateOfBirth: child.dateOfBirth } : {}),
        ...(child.sex !== 'not_known' ? { sex: child.sex } : {}),
        ...(child.school ? { school: child.school } : {}),
      }),
    [child.id],
  );
  const [q, setQ] = useState('');
  const [results, setResults] = useState<{ q: string; children: ChildListItem[] } | null>(null);
  const { errors: serverErrors, show } = useFormErrors();
  const [missing, setMissing] = useState<FormErrors | null>(null);
  const errors = missing ?? serverErrors;
  usePageTitle(title, errors.summary.length > 0);
  if (!child.permissions.merge) return <NoMerge child={child} title={title} />;

  const likely = (matches.data?.matches ?? []).filter((match) => match.child.id !== child.id);
  const search = async (event: FormEvent) => {
    event.preventDefault();
    if (q.trim().length < 2) {
      setMissing(oneError('q', 'Enter at least 2 letters of a name', errors.version));
      return;
    }
    setMissing(null);
    try {
      const found = await childrenApi.search(q.trim());
      setResults({ q: q.trim(), children: found.children.filter((item) => item.id !== child.id) });
    } catch (error) {
      show(error, { fields: { q: 'Name' } });
    }
  };

  return (
    <>
      <ErrorSummary errors={errors} />
      <span className="govuk-caption-l">{child.displayName}</span>
      <h1 className="govuk-heading-l">{title}</h1>
      <p className="govuk-body">
        When the same child has two records, merge the duplicate into this one. Everything on the duplicate
        moves here, and the merge can be undone. You will see both records side by side before anything
        changes.
      </p>
      <h2 className="govuk-heading-m">Records that look like this child</h2>
      {matches.state === 'loading' && <Loading />}
      {matches.state === 'failed' && <LoadFailure error={matches.error} />}
      {matches.state === 'loaded' &&
        (likely.length === 0 ? (
          <p className="govuk-body">Lantern found no other record that looks like this child.</p>
        ) : (
          <ul className="govuk-list govuk-list--spaced">
            {likely.map((match) => (
              <li key={match.child.id}>
                <Tag colour={match.strength === 'likely' ? 'orange' : 'grey'}>
                  {match.strength === 'likely' ? 'Likely match' : 'Possible match'}
                </Tag>{' '}
                <Link className="govuk-link" to={`/children/${child.id}/merge/${match.child.id}`}>
                  Compare with {match.child.displayName}
                </Link>
                <span className="govuk-!-display-block govuk-hint govuk-!-margin-bottom-0">
                  Date of birth: {dobOf(match.child)}. Why: {match.reasons.join('; ')}.
                </span>
              </li>
            ))}
          </ul>
        ))}
      <h2 className="govuk-heading-m">Find the other record</h2>
      <form noValidate onSubmit={(event) => void search(event)}>
        <TextInput
          name="q"
          label="Name or known-as name"
          hint="You will only find records you may read."
          error={errors.byField.q}
          value={q}
          onChange={setQ}
          widthClassName="govuk-!-width-two-thirds"
        />
        <button type="submit" className="govuk-button govuk-button--secondary">
          Search
        </button>
      </form>
      {results &&
        (results.children.length === 0 ? (
          <p className="govuk-body" role="status">
            No other record found for “{results.q}”.
          </p>
        ) : (
          <Candidates child={child} items={results.children} caption={`Records found for “${results.q}”`} />
        ))}
      <p className="govuk-body">
        <Link className="govuk-link" to={detailsPage(child.id)}>
          Cancel
        </Link>
      </p>
    </>
  );
}

export function FindMerge() {
  usePageTitle('Merge another record into this one');
  return (
    <ChildFormPage
      title="Merge another record into this one"
      back={(id) => ({ to: detailsPage(id), text: 'Back to details' })}
    >
      {(child) => <FindDuplicate child={child} />}
    </ChildFormPage>
  );
}

function comparisonRows(child: Child) {
  const current = child.addresses.find((a) => a.current);
  const activeFlags = child.flags.filter((flag) => flag.active);
  return [
    { key: 'Name', value: `${child.givenName} ${child.familyName}` },
    { key: 'Known as', value: child.knownAs.join(', ') || 'No other names recorded' },
    { key: 'Date of birth', value: dateOfBirthText(child) },
    { key: 'Sex', value: nameOf(SEX_NAMES, child.sex) || 'Not known' },
    { key: 'School or setting', value: child.school || 'Not recorded' },
    {
      key: 'Current address',
      value: current
        ? [current.line1, current.town, current.postcode].filter(Boolean).join(', ')
        : 'Not recorded',
    },
    {
      key: 'Statutory status',
      value: child.statutoryStatus.current.map((s) => s.name).join(', ') || 'None',
    },
    {
      key: 'Lead worker',
      value: child.leadWorker
        ? `${child.leadWorker.user.name}, ${child.leadWorker.agency.name}`
        : 'Not allocated',
    },
    {
      key: 'Exploitation flags',
      value: activeFlags.length === 0 ? 'None' : activeFlags.map((flag) => flag.kindName).join(', '),
    },
    { key: 'Case', value: CASE_STATUS_NAMES[child.caseStatus] ?? child.caseStatus },
  ];
}

/** `/children/:id/merge/:duplicateId`: both records side by side, then the reason and the merge. */
export function ConfirmMerge() {
  const { id = '', duplicateId = '' } = useParams();
  const navigate = useNavigate();
  const kept = useApiData(() => childrenApi.get(id), [id]);
  const duplicate = useApiData(() => childrenApi.get(duplicateId), [duplicateId]);
  const [reason, setReason] = useState('');
  const [working, setWorking] = useState(false);
  const { errors, show, hasErrors } = useFormErrors();
  const title = 'Check and merge the records';
  usePageTitle(title, hasErrors);
  const ready = kept.state === 'loaded' && duplicate.state !== 'loading';
  useFocusHeadingWhenReady(ready);

  const back = <BackLink to={`/children/${id}/merge`}>Back to finding the other record</BackLink>;
  if (kept.state !== 'loaded' || duplicate.state === 'loading') {
    return (
      <>
        {back}
        <h1 className="govuk-heading-l">{title}</h1>
        {(kept.state === 'loading' || duplicate.state === 'loading') && <Loading />}
        {kept.state === 'failed' && <LoadFailure error={kept.error} />}
      </>
    );
  }
  const child = kept.data.child;
  if (!child.permissions.merge)
    return (
      <>
        {back}
        <NoMerge child={child} title={title} />
      </>
    );
  if (duplicate.state === 'failed')
    return (
      <>
        {back}
        <h1 className="govuk-heading-l">{title}</h1>
        <LoadFailure error={duplicate.error} />
      </>
    );
  const other = duplicate.data.child;
  const problem =
    other.id === child.id
      ? 'This is the same record: choose a different one.'
      : other.mergedIntoId
        ? 'This record has already been merged into another record.'
        : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (working) return;
    setWorking(true);
    try {
      await childrenApi.merge(child.id, { duplicateId: other.id, reason });
      const state: FlashState = {
        flash: {
          success: true,
          heading: 'The records have been merged',
          body: `Everything that was on the other record of ${other.displayName} is on this record now. You can undo the merge below.`,
        },
      };
      navigate(detailsPage(child.id), { state });
    } catch (error) {
      show(error, { fields: { reason: 'Reason', duplicateId: 'The other record' } });
      setWorking(false);
    }
  };

  const keptRows = comparisonRows(child);
  const otherRows = comparisonRows(other);
  return (
    <>
      {back}
      <ErrorSummary errors={errors} />
      <span className="govuk-caption-l">{child.displayName}</span>
      <h1 className="govuk-heading-l">{title}</h1>
      <p className="govuk-body">Check that both records are about the same child before you merge them.</p>
      <table className="govuk-table lantern-merge-comparison">
        <caption className="govuk-table__caption govuk-table__caption--m">
          The two records side by side
        </caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <td className="govuk-table__header" />
            <th scope="col" className="govuk-table__header">
              This record (kept)
            </th>
            <th scope="col" className="govuk-table__header">
              The other record (merged into this one)
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {keptRows.map((row, index) => (
            <tr key={row.key} className="govuk-table__row">
              <th scope="row" className="govuk-table__header">
                {row.key}
              </th>
              <td className="govuk-table__cell">{row.value}</td>
              <td className="govuk-table__cell">{otherRows[index]?.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {problem ? (
        <p className="govuk-body">{problem}</p>
      ) : (
        <form noValidate onSubmit={(event) => void submit(event)}>
          <WarningText>
            Everything on the other record – referrals, notes, chronology, flags, statuses, professionals,
            addresses and tasks – will move to this record. The merge can be undone.
          </WarningText>
          <FreeText
            name="reason"
            field="child.merge.reason"
            label="Why are these the same child?"
            labelClassName="govuk-label--s"
            hint="What you checked, for example the date of birth and address confirmed with the school."
            error={errors.byField.reason}
            value={reason}
            onChange={setReason}
            childAge={child.age}
          />
          <FormButtons working={working} text="Merge the records" cancelTo={detailsPage(child.id)} />
        </form>
      )}
    </>
  );
}

function UndoMergeForm({ child, mergeId }: { child: Child; mergeId: string }) {
  const navigate = useNavigate();
  const merged = child.mergedRecords.find((m) => m.mergeId === mergeId);
  const title = 'Undo the merge';
  const [reason, setReason] = useState('');
  const [working, setWorking] = useState(false);
  const { errors, show, hasErrors } = useFormErrors();
  usePageTitle(title, hasErrors);
  if (!child.permissions.merge) return <NoMerge child={child} title={title} />;
  if (!merged)
    return (
      <>
        <span className="govuk-caption-l">{child.displayName}</span>
        <h1 className="govuk-heading-l">{title}</h1>
        <p className="govuk-body">This merge is not on this record: it may already have been undone.</p>
      </>
    );
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (working) return;
    setWorking(true);
    try {
      await childrenApi.undoMerge(child.id, merged.mergeId, { reason });
      const state: FlashState = {
        flash: {
          success: true,
          heading: 'The merge has been undone',
          body: `The record of ${merged.displayName} is separate again, with everything that moved from it.`,
        },
      };
      navigate(detailsPage(child.id), { state });
    } catch (error) {
      show(error, { fields: { reason: 'Reason' } });
      setWorking(false);
    }
  };
  return (
    <>
      <ErrorSummary errors={errors} />
      <span className="govuk-caption-l">{child.displayName}</span>
      <h1 className="govuk-heading-l">{title}</h1>
      <SummaryList
        rows={[
          { key: 'Record merged into this one', value: merged.displayName },
          { key: 'Merged', value: formatDateTime(merged.mergedAt) },
        ]}
      />
      <p className="govuk-body">
        Exactly what moved from the other record goes back to it, and it becomes a separate record again.
      </p>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <FreeText
          name="reason"
          field="child.merge.undoReason"
          label="Why are you undoing the merge?"
          labelClassName="govuk-label--s"
          error={errors.byField.reason}
          value={reason}
          onChange={setReason}
          childAge={child.age}
        />
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button govuk-button--warning" disabled={working}>
            Undo the merge
          </button>
          <Link className="govuk-link" to={detailsPage(child.id)}>
            Cancel
          </Link>
        </div>
      </form>
    </>
  );
}

export function UndoMerge() {
  const { mergeId = '' } = useParams();
  usePageTitle('Undo the merge');
  return (
    <ChildFormPage title="Undo the merge" back={(id) => ({ to: detailsPage(id), text: 'Back to details' })}>
      {(child) => <UndoMergeForm child={child} mergeId={mergeId} />}
    </ChildFormPage>
  );
}
