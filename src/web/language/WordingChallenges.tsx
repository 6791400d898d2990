import { Link } from 'react-router';
import { useApiData } from '../components/data.ts';
import { formatDateTime } from '../components/format.ts';
import { usePageTitle } from '../components/page.ts';
import { LoadFailure, Loading } from '../components/ui.tsx';
import { challengedWords, challengePath, lowerFirst, refOf } from './challenge-paths.ts';
import { challengesApi } from './challenges-api.ts';

/**
 * Challenges waiting for the signed-in person's decision: to the wording of records they wrote, or for a
 * manager, records written in their agency. Each names the record and which of its texts is challenged.
 */
export function WordingChallenges() {
  usePageTitle('Wording challenges');
  const data = useApiData(() => challengesApi.toDecide(), []);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        <h1 className="govuk-heading-l">Wording challenges</h1>
        <p className="govuk-body">
          Challenges to the wording of finalised records (case notes, referrals, completed assessments, plans
          and the minutes of meetings) that you may decide: records you wrote and, for a manager, records
          written in your agency. Challenges you raised are decided by someone else.
        </p>
        {data.state === 'loading' && <Loading />}
        {data.state === 'failed' && <LoadFailure error={data.error} />}
        {data.state === 'loaded' &&
          (data.data.challenges.length === 0 ? (
            <p className="govuk-body">There are no challenges waiting for your decision.</p>
          ) : (
            <table className="govuk-table">
              <caption className="govuk-table__caption govuk-table__caption--m">
                Waiting for a decision
              </caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">
                    Record
                  </th>
                  <th scope="col" className="govuk-table__header">
                    Words and suggestion
                  </th>
                  <th scope="col" className="govuk-table__header">
                    Raised by
                  </th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {data.data.challenges.map((c) => (
                  <tr key={c.id} className="govuk-table__row">
                    <td className="govuk-table__cell">
                      <Link className="govuk-link" to={challengePath(refOf(c), c.id)}>
                        {c.child.name}: {c.subject.title}
                      </Link>
                      <span className="govuk-!-display-block govuk-hint govuk-!-font-size-16 govuk-!-margin-bottom-0">
                        Written by {c.subject.author.name}
                      </span>
                    </td>
                    <td className="govuk-table__cell">
                      {c.subject.type !== 'note' && c.record.fieldName && (
                        <span className="govuk-!-display-block govuk-hint govuk-!-font-size-16">
                          In {lowerFirst(c.record.fieldName)}
                        </span>
                      )}
                      {challengedWords(c)} → ‘{c.suggestedWording}’
                    </td>
                    <td className="govuk-table__cell">
                      {c.raisedBy.name}, {c.raisedAgency.name}
                      <span className="govuk-!-display-block govuk-hint govuk-!-font-size-16 govuk-!-margin-bottom-0">
                        {formatDateTime(c.raisedAt)}
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ))}
      </div>
    </div>
  );
}
