/**
 * When a meeting is, in UK time: its date, start and end, as people type them. The same fields serve
 * convening a meeting and changing one; the form turns them into instants (`timesFrom`).
 */
import { TextInput } from '../components/fields.tsx';

interface Props {
  date: string;
  start: string;
  end: string;
  onDate(value: string): void;
  onStart(value: string): void;
  onEnd(value: string): void;
  errors: Record<string, string | undefined>;
  /** What to say under the date, beyond the example. */
  dateHint?: string;
}

export function MeetingTimeFields({ date, start, end, onDate, onStart, onEnd, errors, dateHint }: Props) {
  return (
    <fieldset className="govuk-fieldset">
      <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">When (UK time)</legend>
      <TextInput
        name="startsAt"
        label="Date"
        hint={dateHint ? `For example, 2026-12-03. ${dateHint}` : 'For example, 2026-12-03'}
        widthClassName="govuk-input--width-10"
        error={errors.startsAt}
        value={date}
        onChange={onDate}
      />
      <TextInput
        name="startTime"
        label="Start time"
        hint="For example, 10:00"
        widthClassName="govuk-input--width-5"
        error={errors.startTime}
        value={start}
        onChange={onStart}
      />
      <TextInput
        name="endsAt"
        label="End time"
        hint="For example, 12:00"
        widthClassName="govuk-input--width-5"
        error={errors.endsAt}
        value={end}
        onChange={onEnd}
      />
    </fieldset>
  );
}
