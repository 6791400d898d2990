/** The partnership's share of return interviews offered within the deadline, small numbers withheld. */
import { useApiData } from '../components/data.ts';
import { usePageTitle } from '../components/page.ts';
import { LoadFailure, Loading, SummaryList } from '../components/ui.tsx';
import { missingApi } from './api.ts';
import './missing.css';

export function MissingStats() {
  const stats = useApiData(() => missingApi.stats(), []);
  usePageTitle('Return interviews offered in time');
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <span className="govuk-caption-l">Partnership figures</span>
        <h1 className="govuk-heading-l">Return interviews offered in time</h1>
        {stats.state === 'loading' && <Loading />}
        {stats.state === 'failed' && <LoadFailure error={stats.error} />}
        {stats.state === 'loaded' && (
          <>
            <div className="lantern-missing-figure">
              <span className="lantern-missing-figure__value">{stats.data.share.display}</span>
              <span className="govuk-body">
                of return interviews were offered within the deadline ({stats.data.numerator.display} of{' '}
                {stats.data.denominator.display}).
              </span>
            </div>
            <SummaryList
              rows={[
                { key: 'Offered in time', value: stats.data.breakdown.offeredInTime.display },
                { key: 'Offered after the deadline', value: stats.data.breakdown.offeredLate.display },
                {
                  key: 'Not offered, deadline passed',
                  value: stats.data.breakdown.notOfferedOverdue.display,
                },
                { key: 'Decided not to hold, or not possible', value: stats.data.breakdown.notHeld.display },
                { key: 'Still inside the deadline', value: stats.data.pending.display },
              ]}
            />
            <p className="govuk-body">{stats.data.note}</p>
            <p className="govuk-body-s">Configuration version {stats.data.configVersion}.</p>
          </>
        )}
      </div>
    </div>
  );
}
