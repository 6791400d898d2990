/** Disruption: the person's own work list — orders expiring, breaches to respond to — and where to start. */
import { Link } from 'react-router';
import { useApiData } from '../components/data.ts';
import { usePageTitle } from '../components/page.ts';
import { ButtonLink, LoadFailure, Loading } from '../components/ui.tsx';
import { disruptionApi } from './api.ts';
import { WorkList } from './parts.tsx';
import '../contexts/contexts.css';

export function DisruptionHome() {
  usePageTitle('Disruption');
  const work = useApiData(() => disruptionApi.work(), []);
  return (
    <>
      <h1 className="govuk-heading-l">Disruption</h1>
      <p className="govuk-body">
        Orders, notices, referrals and actions against the people and places that harm children. To record
        one, open the{' '}
        <Link className="govuk-link" to="/contexts">
          person, place or other record
        </Link>{' '}
        it is against.
      </p>
      <div className="lantern-contexts__actions">
        <ButtonLink to="/disruption/new" secondary>
          Record a National Referral Mechanism referral
        </ButtonLink>
      </div>
      {work.state === 'loading' && <Loading />}
      {work.state === 'failed' && <LoadFailure error={work.error} />}
      {work.data && <WorkList work={work.data} />}
    </>
  );
}
