import { useEffect, useRef, useState } from 'react';
import { useSession } from '../session.tsx';

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

/** "2 minutes", "1 minute 5 seconds", "45 seconds": updated every second on screen. */
function visibleCountdown(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  if (minutes === 0) return plural(rest, 'second');
  return rest === 0 ? plural(minutes, 'minute') : `${plural(minutes, 'minute')} ${plural(rest, 'second')}`;
}

/** Screen readers hear the time in coarse steps, so they are not interrupted every second. */
function spokenCountdown(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  if (seconds > 60) return plural(Math.ceil(seconds / 60), 'minute');
  return plural(Math.ceil(seconds / 20) * 20, 'second');
}

/**
 * The GOV.UK timeout warning: a modal dialog shortly before the session ends, with "Stay signed in"
 * and "Sign out". Escape also keeps the person signed in. When the time runs out we sign out and say why.
 */
export function TimeoutWarning() {
  const { deadlines, extend, signOut, expired } = useSession();
  const [now, setNow] = useState(() => Date.now());
  const [problem, setProblem] = useState<string | null>(null);
  const [dismissedUntil, setDismissedUntil] = useState<number | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const ending = useRef(false);

  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);

  const end = deadlines ? Math.min(deadlines.idle, deadlines.absolute) : null;
  const remaining = end === null ? null : end - now;
  // Staying signed in cannot move the absolute limit: then the dialog only tells the person.
  const endsWhateverHappens = deadlines !== null && deadlines.absolute <= deadlines.idle;
  const open =
    deadlines !== null &&
    remaining !== null &&
    remaining > 0 &&
    remaining <= deadlines.warningMs &&
    dismissedUntil !== end;

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      setProblem(null);
      element.showModal();
    } else if (!open && element.open) {
      element.close();
    }
  }, [open]);

  useEffect(() => {
    if (remaining === null || remaining > 0 || ending.current) return;
    ending.current = true;
    void expired(endsWhateverHappens ? 'ended' : 'inactive').finally(() => {
      ending.current = false;
    });
  }, [remaining, expired, endsWhateverHappens]);

  const stay = async () => {
    if (endsWhateverHappens) {
      setDismissedUntil(end);
      return;
    }
    try {
      await extend();
    } catch {
      setProblem('Sorry, we could not keep you signed in. Save what you can, then sign in again.');
    }
  };

  const leave = async () => {
    try {
      await signOut();
    } catch {
      setProblem('Sorry, we could not sign you out. Try again.');
    }
  };

  if (!deadlines) return null;
  return (
    <dialog
      ref={dialog}
      className="lantern-dialog"
      aria-labelledby="timeout-heading"
      aria-describedby="timeout-description"
      onCancel={(event) => {
        event.preventDefault();
        void stay();
      }}
    >
      <h2 className="govuk-heading-m" id="timeout-heading">
        {endsWhateverHappens ? 'Your session is about to end' : 'You’re about to be signed out'}
      </h2>
      <div id="timeout-description">
        <p className="govuk-body">
          For your security, we will sign you out in{' '}
          <strong className="govuk-!-font-weight-bold" aria-hidden="true">
            {remaining === null ? '' : visibleCountdown(remaining)}
          </strong>
          <span className="govuk-visually-hidden" aria-live="polite" aria-atomic="true">
            {remaining === null ? '' : spokenCountdown(remaining)}
          </span>
          .
        </p>
        <p className="govuk-body">
          {endsWhateverHappens
            ? 'You will need to sign in again. Save anything you are working on now.'
            : 'Anything you have not saved will be lost.'}
        </p>
      </div>
      {problem && (
        <p className="govuk-error-message" role="alert">
          {problem}
        </p>
      )}
      <div className="govuk-button-group">
        <button type="button" className="govuk-button" onClick={() => void stay()}>
          {endsWhateverHappens ? 'Continue' : 'Stay signed in'}
        </button>
        <button type="button" className="lantern-link-button govuk-link" onClick={() => void leave()}>
          Sign out
        </button>
      </div>
    </dialog>
  );
}
