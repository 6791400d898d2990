import { Link, useLocation } from 'react-router';
import { usePageTitle } from '../components/page.ts';
import type { SignedOutState } from '../session.tsx';

/** Where signing out lands: confirms it happened and offers the way back in. */
export function SignedOut() {
  const location = useLocation();
  const everywhere = (location.state as SignedOutState | null)?.everywhere ?? false;
  const title = everywhere ? 'You have signed out everywhere' : 'You have signed out';
  usePageTitle(title);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{title}</h1>
        {everywhere && (
          <p className="govuk-body">Lantern has signed you out on every device and browser you were using.</p>
        )}
        <p className="govuk-body">If you are using a shared computer, close the browser window as well.</p>
        <p className="govuk-body">
          <Link className="govuk-link" to="/sign-in">
            Sign in again
          </Link>
        </p>
      </div>
    </div>
  );
}
