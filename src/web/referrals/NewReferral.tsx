import { Link } from 'react-router';
import { usePageTitle } from '../components/page.ts';
import { WarningText } from '../components/ui.tsx';

/** Referrals arrive with a later capability; until then say so plainly rather than pretend. */
export function NewReferral() {
  usePageTitle('Making a referral is not available yet');
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">Making a referral is not available yet</h1>
        <WarningText>If a child is in immediate danger, call the police on 999.</WarningText>
        <p className="govuk-body">You cannot make a referral in Lantern yet.</p>
        <p className="govuk-body">
          If you are worried about a child, make your referral to children’s services now, in the way your
          partnership has agreed. Do not wait for Lantern, and do not wait for the child to tell you what is
          happening.
        </p>
        <p className="govuk-body">
          <Link className="govuk-link" to="/my-work">
            Go back to My work
          </Link>
        </p>
      </div>
    </div>
  );
}
