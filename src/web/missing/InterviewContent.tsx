/**
 * What a held return interview heard: push and pull factors from the partnership's lists, what happened,
 * the child's own words, where they were and who with, actions and what was shared.
 */
import { Checkboxes } from '../components/fields.tsx';
import { TextAreaWithAssistant } from '../language/TextAreaWithAssistant.tsx';
import type { MissingReference } from './api.ts';
import { DateTimeInput } from './datetime.tsx';
import { ActionsEditor, PeopleEditor, PlacesEditor, SharingEditor } from './InterviewFields.tsx';
import type { InterviewState } from './interview-state.ts';
import { label } from './interview-state.ts';
import { choices } from './parts.tsx';

export function InterviewContent({
  form,
  set,
  errors,
  reference,
  childName,
}: {
  form: InterviewState;
  set(change: Partial<InterviewState>): void;
  errors: Readonly<Record<string, string>>;
  reference: MissingReference;
  childName: string;
}) {
  return (
    <>
      <h2 className="govuk-heading-m">The interview</h2>
      <DateTimeInput
        name="completedAt"
        legend={label('completedAt')}
        value={form.completedAt}
        onChange={(completedAt) => set({ completedAt })}
        error={errors.completedAt}
      />
      <Checkboxes
        name="pushFactors"
        legend="Push factors: what pushed the child away"
        hint="Select all that apply."
        options={choices(reference.pushFactors)}
        values={form.push}
        onChange={(push) => set({ push })}
        error={errors.pushFactors}
        small
      />
      <TextAreaWithAssistant
        name="pushFactorsOther"
        label="Anything else that pushed them away (optional)"
        field="missing.interview.pushFactorsOther"
        rows={2}
        value={form.pushOther}
        onChange={(pushOther) => set({ pushOther })}
        error={errors.pushFactorsOther}
      />
      <Checkboxes
        name="pullFactors"
        legend="Pull factors: what drew the child away, and who did it"
        hint="Select all that apply."
        options={choices(reference.pullFactors)}
        values={form.pull}
        onChange={(pull) => set({ pull })}
        error={errors.pullFactors}
        small
      />
      <TextAreaWithAssistant
        name="pullFactorsOther"
        label="Anything else that drew them away (optional)"
        field="missing.interview.pullFactorsOther"
        rows={2}
        value={form.pullOther}
        onChange={(pullOther) => set({ pullOther })}
        error={errors.pullFactorsOther}
      />
      <TextAreaWithAssistant
        name="whatHappened"
        label="What happened while the child was missing (optional)"
        hint="In your words. Nothing here needs the child to have told you everything."
        field="missing.interview.whatHappened"
        rows={5}
        value={form.whatHappened}
        onChange={(whatHappened) => set({ whatHappened })}
        error={errors.whatHappened}
      />
      {/* The child's own words are a quotation: the language assistant does not suggest changes to them. */}
      <div className={`govuk-form-group${errors.childsAccount ? ' govuk-form-group--error' : ''}`}>
        <label className="govuk-label govuk-label--s" htmlFor="childsAccount">
          The child’s account, in their own words (optional)
        </label>
        <div className="govuk-hint" id="childsAccount-hint">
          Write down what {childName} said, as they said it. Do not summarise, paraphrase or correct it: it is
          shown as a quotation.
        </div>
        <textarea
          className="govuk-textarea"
          id="childsAccount"
          name="childsAccount"
          rows={6}
          value={form.account}
          onChange={(event) => set({ account: event.target.value })}
          aria-describedby="childsAccount-hint"
        />
      </div>
      <PlacesEditor places={form.places} onChange={(places) => set({ places })} errors={errors} />
      <PeopleEditor people={form.people} onChange={(people) => set({ people })} errors={errors} />
      <ActionsEditor actions={form.actions} onChange={(actions) => set({ actions })} errors={errors} />
      <SharingEditor sharing={form.sharing} onChange={(sharing) => set({ sharing })} errors={errors} />
    </>
  );
}
