import type { AssessmentReference } from '../assessment/api.ts';
import type { Child } from '../children/api.ts';
import { Choices, DateInput } from '../children/fields.tsx';
import { LABEL_OPTIONS } from '../children/words.ts';
import { Select, TextInput } from '../components/fields.tsx';
import type { FormErrors } from '../components/form.ts';
import { TextAreaWithAssistant } from '../language/TextAreaWithAssistant.tsx';
import type { ObjectiveState } from './plan-state.ts';

const SOMEONE_ELSE = 'someone-else';

/** One objective: the aim (what adults will do), its owner and agency, the due date and the status. */
export function ObjectiveFields({
  path,
  number,
  objective,
  onChange,
  onRemove,
  child,
  reference,
  errors,
  goal,
}: {
  path: string;
  number: number;
  objective: ObjectiveState;
  onChange(o: ObjectiveState): void;
  onRemove(): void;
  child: Child;
  reference: AssessmentReference;
  errors: FormErrors;
  goal: boolean;
}) {
  const o = objective;
  const set = (patch: Partial<ObjectiveState>) => onChange({ ...o, ...patch });
  const people = child.professionals.map((p) => ({
    value: p.user.id,
    label: `${p.user.name}, ${p.agency.name}`,
    name: p.user.name,
    agency: p.agency.name,
  }));
  return (
    <fieldset className="govuk-fieldset lantern-add-panel lantern-objective">
      <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">
        {goal ? 'Goal' : 'Objective'} {number}
      </legend>
      <TextAreaWithAssistant
        name={`${path}.aim`}
        label={goal ? 'The goal' : 'What will be done'}
        hint={
          goal
            ? 'If these are the young person’s own words, keep them as they said them.'
            : 'Say what the adults will do. The aim is never to change the child’s behaviour.'
        }
        value={o.aim}
        onChange={(aim) => set({ aim })}
        rows={3}
        error={errors.byField[`${path}.aim`]}
        childAge={child.age ?? undefined}
        field="plan.objective"
      />
      {goal && (
        <Choices
          type="checkbox"
          name={`${path}.inTheirOwnWords`}
          legend="Whose words"
          small
          options={[{ value: 'yes', label: 'These are the young person’s own words' }]}
          values={o.inTheirOwnWords ? ['yes'] : []}
          onChange={(v) => set({ inTheirOwnWords: v.includes('yes') })}
        />
      )}
      <Select
        name={`${path}.owner`}
        label={goal ? 'Who will help' : 'Owner'}
        options={[
          ...people.map(({ value, label }) => ({ value, label })),
          { value: SOMEONE_ELSE, label: 'Someone else' },
        ]}
        placeholder="Choose a person"
        value={o.ownerChoice}
        onChange={(value) => {
          const person = people.find((p) => p.value === value);
          if (person) {
            set({
              ownerChoice: value,
              ownerUserId: person.value,
              ownerName: person.name,
              agencyName: person.agency,
            });
          } else set({ ownerChoice: value, ownerUserId: '', ownerName: '' });
        }}
        error={errors.byField[`${path}.owner`]}
      />
      {o.ownerChoice === SOMEONE_ELSE && (
        <TextInput
          name={`${path}.ownerName`}
          label="Their name"
          value={o.ownerName}
          onChange={(ownerName) => set({ ownerName })}
        />
      )}
      <TextInput
        name={`${path}.agency`}
        label="Agency"
        value={o.agencyName}
        onChange={(agencyName) => set({ agencyName })}
        error={errors.byField[`${path}.agency`]}
      />
      <DateInput
        name={`${path}.dueDate`}
        legend="Due date"
        hint="For example, 27 3 2026."
        value={o.due}
        onChange={(due) => set({ due })}
        error={errors.byField[`${path}.dueDate`]}
      />
      <Choices
        type="radio"
        name={`${path}.status`}
        legend="Status"
        small
        options={reference.objectiveStatuses.map((s) => ({
          value: s.value,
          label: s.label,
          ...(s.value === 'done'
            ? {
                conditional: (
                  <DateInput
                    name={`${path}.status.doneOn`}
                    legend="When was it done?"
                    value={o.doneOn}
                    onChange={(doneOn) => set({ doneOn })}
                  />
                ),
              }
            : s.value === 'no_longer_needed'
              ? {
                  conditional: (
                    <TextAreaWithAssistant
                      name={`${path}.status.reason`}
                      label="Why it is no longer needed"
                      value={o.reason}
                      onChange={(reason) => set({ reason })}
                      rows={3}
                    />
                  ),
                }
              : {}),
        }))}
        values={o.status ? [o.status] : []}
        onChange={(v) => set({ status: v[0] ?? 'not_started' })}
        error={errors.byField[`${path}.status`]}
      />
      <Choices
        type="radio"
        name={`${path}.share`}
        legend="Does this go in the young person’s plain-language plan?"
        hint="If you do not say, it does — except disruption and investigation, where details could put them or an investigation at risk."
        small
        inline
        options={[
          { value: 'yes', label: 'Yes' },
          { value: 'no', label: 'No' },
        ]}
        values={o.share ? [o.share] : []}
        onChange={(v) => set({ share: v[0] ?? '' })}
      />
      <Select
        name={`${path}.label`}
        label="Label"
        hint="A labelled objective is shown only to those entitled to see it, and never goes into the young person’s plan."
        options={LABEL_OPTIONS}
        value={o.label}
        onChange={(label) => set({ label })}
      />
      <button type="button" className="govuk-link lantern-link-button" onClick={onRemove}>
        Remove
        <span className="govuk-visually-hidden">
          {' '}
          {goal ? 'goal' : 'objective'} {number}
        </span>
      </button>
    </fieldset>
  );
}
