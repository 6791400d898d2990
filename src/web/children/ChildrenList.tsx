/**
 * `/children`: find a child's record by name or known-as name. The list holds only records the person
 * may read (the server decides), so an empty result says so rather than "this child has no record".
 */
import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ApiError } from '../api.ts';
import { useApiData } from '../components/data.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { TextInput } from '../components/fields.tsx';
import { type FormErrors, useFormErrors } from '../components/form.ts';
import { usePageTitle } from '../components/page.ts';
import { LoadFailure, Loading } from '../components/ui.tsx';
import { type ChildListItem, childrenApi } from './api.ts';
import { oneError } from './fields.tsx';
import { formatDate } from './format.ts';
import { CaseStatusTag } from './record.tsx';

const EMPTY: { children: ChildListItem[] } = { children: [] };

function Results({ q, items }: { q: string; items: ChildListItem[] }) {
  if (items.length === 0)
    return (
      <div role="status">
        <h2 className="govuk-heading-m">No children found for “{q}”</h2>
        <p className="govuk-body">You can only find the records of children you may read. You could:</p>
        <ul className="govuk-list govuk-list--bullet">
          <li>check the spelling, or search for part of the name</li>
          <li>search for a name the child is known by, such as a nickname</li>
          <li>
            look in{' '}
            <Link className="govuk-link" to="/my-work">
              My work
            </Link>{' '}
            for the children you work with
          </li>
          <li>
            <Link className="govuk-link" to="/referrals/new">
              make a referral
            </Link>{' '}
            if you are worried about a child: you do not need to find a record first
          </li>
        </ul>
      </div>
    );
  return (
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-table__caption--m">
        {items.length === 1 ? '1 child' : `${items.length} children`} found for “{q}”
      </caption>
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
            Case
          </th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {items.map((item) => (
          <tr key={item.id} className="govuk-table__row">
            <th scope="row" className="govuk-table__header">
              <Link className="govuk-link" to={`/children/${item.id}`}>
                {item.displayName}
              </Link>
              {item.knownAs.length > 0 && (
                <span className="govuk-!-display-block govuk-hint govuk-!-margin-bottom-0">
                  Known as {item.knownAs.join(', ')}
                </span>
              )}
            </th>
            <td className="govuk-table__cell">
              {item.dateOfBirth
                ? `${item.dateOfBirthEstimated ? 'Estimated: ' : ''}${formatDate(item.dateOfBirth)}`
                : 'Not known'}
            </td>
            <td className="govuk-table__cell">{item.school ?? 'Not recorded'}</td>
            <td className="govuk-table__cell">
              <CaseStatusTag status={item.caseStatus} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ChildrenPage() {
  const [params, setParams] = useSearchParams();
  const q = (params.get('q') ?? '').trim();
  const [text, setText] = useState(q);
  const { errors: serverErrors } = useFormErrors();
  const [missing, setMissing] = useState<FormErrors | null>(null);
  const searching = q.length >= 2;
  const found = useApiData(() => (searching ? childrenApi.search(q) : Promise.resolve(EMPTY)), [q]);
  const refused = found.state === 'failed' && found.error instanceof ApiError && found.error.status === 400;
  const errors =
    missing ??
    (refused ? oneError('q', 'Enter at least 2 letters of a name', serverErrors.version) : serverErrors);
  usePageTitle(q ? `Children: “${q}”` : 'Children', errors.summary.length > 0);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const term = text.trim();
    if (term.length < 2) {
      setMissing(oneError('q', 'Enter at least 2 letters of a name', errors.version));
      return;
    }
    setMissing(null);
    setParams({ q: term });
  };

  return (
    <>
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-l">Children</h1>
      <form noValidate onSubmit={submit}>
        <TextInput
          name="q"
          label="Search by name or known-as name"
          labelClassName="govuk-label--s"
          hint="At least 2 letters. You will only find the records of children you may read."
          error={errors.byField.q}
          value={text}
          onChange={setText}
          widthClassName="govuk-!-width-one-half"
          autoComplete="off"
          spellCheck={false}
        />
        <button type="submit" className="govuk-button govuk-button--secondary">
          Search
        </button>
      </form>
      {!searching && (
        <p className="govuk-body">
          Search for a child to open their record. The children you work with are in{' '}
          <Link className="govuk-link" to="/my-work">
            My work
          </Link>
          . If you are worried about a child,{' '}
          <Link className="govuk-link" to="/referrals/new">
            make a referral
          </Link>
          .
        </p>
      )}
      {searching && found.state === 'loading' && <Loading />}
      {searching && found.state === 'failed' && !refused && <LoadFailure error={found.error} />}
      {searching && found.state === 'loaded' && <Results q={q} items={found.data.children} />}
    </>
  );
}
