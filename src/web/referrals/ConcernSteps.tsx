import { Choices, DateInput, Details, EMPTY_DATE, FreeText, YesNo } from '../children/fields.tsx';
import { type Indicator, useCaseReference } from '../children/reference.ts';
import { ONLINE_NAMES } from '../children/words.ts';
import { TextInput } from '../components/fields.tsx';
import { LoadFailure, Loading } from '../components/ui.tsx';
import { useDraft } from './draft.tsx';
import { Caption, StepForm, useContinue } from './NewReferral.tsx';

/** The age the referrer gave, if they gave one as a whole number (the assistant uses it to see an age gap). */
const ageGiven = (text: string) => (/^\d{1,2}$/.test(text.trim()) ? Number(text.trim()) : undefined);

/** The narrative comes first: what was seen or heard, by whom and when, in the referrer's own words. */
export function WhatHappened() {
  const { draft, update, errorsFor } = useDraft();
  const { go } = useContinue();
  const errors = errorsFor('what-happened').byField;
  const back = draft.matches ? '/referrals/new/matches' : '/referrals/new/child';
  return (
    <StepForm
      step="what-happened"
      title="What has been seen or heard?"
      back={back}
      onContinue={() => go('harm')}
    >
      <Caption />
      <FreeText
        name="narrative"
        label="What has been seen or heard?"
        labelClassName="govuk-label--l"
        isPageHeading
        rows={10}
        hint={
          <>
            <p className="govuk-body govuk-hint">
              Describe what happened in your own words: what you saw or heard, where, and who else was there.
              Say what the child said in their own words, if you know it.
            </p>
            <p className="govuk-body govuk-hint govuk-!-margin-bottom-0">
              Write about what was done to the child and who did it. A child cannot consent to their own
              exploitation.
            </p>
          </>
        }
        field="referral.narrative"
        childAge={ageGiven(draft.child.estimatedAge)}
        value={draft.narrative}
        onChange={(narrative) => update({ narrative })}
        error={errors.narrative}
      />
      <TextInput
        name="seenOrHeardBy"
        label="Who saw or heard it?"
        labelClassName="govuk-label--s"
        hint="You, or someone else: give their role, for example ‘Head of year’ or ‘Parent of another pupil’."
        value={draft.seenOrHeardBy}
        onChange={(seenOrHeardBy) => update({ seenOrHeardBy })}
        error={errors.seenOrHeardBy}
      />
      <DateInput
        name="happenedOn"
        legend="When did it happen?"
        hint="For example, 20 11 2025. If it happened over a period, give the most recent date."
        value={draft.happenedOn}
        onChange={(happenedOn) => update({ happenedOn })}
        error={errors.happenedOn}
      />
    </StepForm>
  );
}

export function KindOfHarm() {
  const { draft, update, errorsFor } = useDraft();
  const reference = useCaseReference();
  const { go } = useContinue();
  const errors = errorsFor('harm').byField;
  return (
    <StepForm
      step="harm"
      title="What kind of harm are you worried about?"
      back="/referrals/new/what-happened"
      onContinue={() => go('prompts')}
    >
      <Caption />
      <h1 className="govuk-heading-l">What kind of harm are you worried about?</h1>
      {reference.state === 'loading' && <Loading />}
      {reference.state === 'failed' && <LoadFailure error={reference.error} />}
      {reference.data && (
        <Choices
          type="checkbox"
          name="harmKinds"
          legend="Kind of harm"
          legendClassName="govuk-fieldset__legend--m"
          hint="Select all that apply. If you are not sure, choose what seems closest: the front door will look again."
          options={reference.data.harmKinds.map((option) => ({ value: option.value, label: option.label }))}
          values={draft.harmKinds}
          onChange={(harmKinds) => update({ harmKinds })}
          error={errors.harmKinds}
        />
      )}
      <Choices
        type="radio"
        name="onlineElement"
        legend="Is any of it happening online?"
        legendClassName="govuk-fieldset__legend--m"
        hint="For example, contact through social media, games or messaging apps, or images being shared."
        options={Object.entries(ONLINE_NAMES).map(([value, label]) => ({ value, label }))}
        values={draft.onlineElement ? [draft.onlineElement] : []}
        onChange={(values) => update({ onlineElement: values[0] ?? '' })}
        error={errors.onlineElement}
      />
    </StepForm>
  );
}

function PromptDetails({ indicator }: { indicator: Indicator }) {
  const { draft, update, errorsFor } = useDraft();
  const errors = errorsFor('prompts').byField;
  const observation = draft.observations[indicator.id] ?? { observedOn: EMPTY_DATE, note: '' };
  const set = (change: Partial<typeof observation>) =>
    update({ observations: { ...draft.observations, [indicator.id]: { ...observation, ...change } } });
  const key = `observations.${indicator.id}`;
  return (
    <>
      <DateInput
        name={`${key}.observedOn`}
        legend="When did you notice this? (optional)"
        hint="Leave it blank if it was when the events you described happened."
        value={observation.observedOn}
        onChange={(observedOn) => set({ observedOn })}
        error={errors[`${key}.observedOn`]}
      />
      <FreeText
        name={`${key}.note`}
        label="What did you notice? (optional)"
        rows={3}
        value={observation.note}
        onChange={(note) => set({ note })}
        error={errors[`${key}.note`]}
      />
    </>
  );
}

/**
 * The indicator guide as optional prompts. Nothing is added up, nothing is required, and no number is
 * shown: a ticked prompt becomes a dated, unverified observation with its source.
 */
export function Prompts() {
  const { draft, update } = useDraft();
  const reference = useCaseReference();
  const { go } = useContinue();
  const guide = reference.data?.indicatorGuide;

  const choose = (group: string, values: string[]) => {
    const inGroup = new Set(guide?.items.filter((item) => item.group === group).map((item) => item.id));
    const chosen = new Set([...draft.prompts.filter((id) => !inGroup.has(id)), ...values]);
    // Kept in the guide's order, so the request and the check page read the same way as the guide.
    update({ prompts: (guide?.items ?? []).map((item) => item.id).filter((id) => chosen.has(id)) });
  };

  return (
    <StepForm
      step="prompts"
      title="Prompts to help you describe the concern"
      back="/referrals/new/harm"
      onContinue={() => go('consent')}
    >
      <Caption />
      <h1 className="govuk-heading-l">Prompts to help you describe the concern (optional)</h1>
      {reference.state === 'loading' && <Loading />}
      {reference.state === 'failed' && <LoadFailure error={reference.error} />}
      {guide && (
        <>
          <p className="govuk-body">{guide.usage}</p>
          <p className="govuk-body">
            These prompts come from the {guide.title} (version {guide.version}). They are not a checklist and
            not a score. What you tick is recorded as something you noticed, with its date and who noticed it,
            and is marked unverified until someone checks it.
          </p>
          {guide.groups.map((group) => (
            <Choices
              key={group.value}
              type="checkbox"
              name={`prompts-${group.value}`}
              legend={group.label}
              legendClassName="govuk-fieldset__legend--m"
              hint="Tick any that you have noticed. Open ‘What the evidence says’ to read about each prompt."
              small
              options={guide.items
                .filter((item) => item.group === group.value)
                .map((item) => ({
                  value: item.id,
                  label: item.text,
                  after: (
                    <div className="lantern-prompt__evidence">
                      <Details summary={<>What the evidence says</>}>
                        <p className="govuk-body-s">{item.evidenceNote}</p>
                        <p className="govuk-body-s govuk-!-margin-bottom-0">Source: {item.source}</p>
                      </Details>
                    </div>
                  ),
                  conditional: <PromptDetails indicator={item} />,
                }))}
              values={draft.prompts}
              onChange={(values) => choose(group.value, values)}
            />
          ))}
        </>
      )}
    </StepForm>
  );
}

export function Consent() {
  const { draft, update, errorsFor } = useDraft();
  const { go } = useContinue();
  const errors = errorsFor('consent').byField;
  const withoutThem = draft.childKnows === false || draft.familyKnows === false;
  return (
    <StepForm
      step="consent"
      title="Who knows about this referral?"
      back="/referrals/new/prompts"
      onContinue={() => go('check')}
    >
      <Caption />
      <h1 className="govuk-heading-l">Who knows about this referral?</h1>
      <p className="govuk-body">
        You do not need anyone’s agreement to make a referral to protect a child. Tell us who knows, so the
        front door knows who they can talk to.
      </p>
      <YesNo
        name="childKnows"
        legend="Does the child know you are making this referral?"
        legendClassName="govuk-fieldset__legend--m"
        value={draft.childKnows}
        onChange={(childKnows) => update({ childKnows })}
        error={errors.childKnows}
      />
      <YesNo
        name="familyKnows"
        legend="Does the child’s family know?"
        legendClassName="govuk-fieldset__legend--m"
        hint="Their parents or carers."
        value={draft.familyKnows}
        onChange={(familyKnows) => update({ familyKnows })}
        error={errors.familyKnows}
      />
      {(withoutThem || errors.withoutConsentReason) && (
        <FreeText
          name="withoutConsentReason"
          label="Why are you making this referral without them knowing?"
          labelClassName="govuk-label--m"
          hint="For example, telling the family could put the child in more danger, or you could not reach them."
          value={draft.withoutConsentReason}
          onChange={(withoutConsentReason) => update({ withoutConsentReason })}
          error={errors.withoutConsentReason}
        />
      )}
    </StepForm>
  );
}
