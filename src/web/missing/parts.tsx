/** Pieces the missing episode pages share: the clock, the independence warning, option lists. */
import { ApiError, type FieldError } from '../api.ts';
import { useApiData } from '../components/data.ts';
import type { ChoiceOption } from '../components/fields.tsx';
import { Tag, WarningText } from '../components/ui.tsx';
import { type Clock, type MissingOption, missingApi, type Warning } from './api.ts';
import { formatDuration, ukTime } from './datetime.tsx';

export function useMissingReference() {
  return useApiData(() => missingApi.reference(), []);
}

export const choices = (options: readonly MissingOption[] | undefined): ChoiceOption[] =>
  (options ?? []).map((o) => ({
    value: o.id,
    label: o.label,
    ...(o.description ? { hint: o.description } : {}),
  }));

/** A refusal worked out in the browser (an impossible date), shown the same way as the server's. */
export function formError(fields: FieldError[]): ApiError {
  return new ApiError(400, 'validation_failed', fields.map((f) => f.message).join('; '), fields);
}

/** How the clock stands, in a few words, with the colour of its urgency. */
export function ClockTag({ clock }: { clock: Clock }) {
  switch (clock.state) {
    case 'due':
      return <Tag colour="blue">{`${formatDuration(clock.remainingMs ?? 0)} left`}</Tag>;
    case 'overdue':
      return <Tag colour="red">{`Overdue by ${formatDuration(clock.overdueMs ?? 0)}`}</Tag>;
    case 'offered_in_time':
      return <Tag colour="green">Offered in time</Tag>;
    case 'offered_late':
      return <Tag colour="orange">Offered late</Tag>;
    case 'not_held':
      return <Tag colour="grey">{clock.outcome === 'not_possible' ? 'Not possible' : 'Not held'}</Tag>;
    default:
      return <Tag colour="grey">Clock not started</Tag>;
  }
}

/** The clock in a sentence, with the deadline in UK time. */
export function ClockText({ clock }: { clock: Clock }) {
  return (
    <>
      <ClockTag clock={clock} /> {clock.summary}
      {clock.dueAt && clock.state !== 'not_held' && (
        <span className="govuk-visually-hidden"> Deadline {ukTime(clock.dueAt)}, UK time.</span>
      )}
      {clock.warnings.map((warning) => (
        <span key={warning} className="govuk-body-s lantern-missing-block">
          {warning}
        </span>
      ))}
    </>
  );
}

/** Independence warnings: shown, explained, never a block. */
export function IndependenceWarnings({ warnings }: { warnings: readonly Warning[] }) {
  if (warnings.length === 0) return null;
  return (
    <>
      {warnings.map((warning) => (
        <div key={`${warning.who}:${warning.code}`}>
          <WarningText>
            {warning.severity === 'warning'
              ? 'This return interview may not be independent. '
              : 'Check independence. '}
            {warning.message}
          </WarningText>
          <p className="govuk-body">{warning.why}</p>
        </div>
      ))}
    </>
  );
}
