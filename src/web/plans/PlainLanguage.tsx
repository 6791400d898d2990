import '../assessment/assessment.css';
import { type FormEvent, useState } from 'react';
import { useParams } from 'react-router';
import { type PlainLanguage, type Plan, planApi } from '../assessment/api.ts';
import { nearestFields } from '../assessment/form-state.ts';
import { childrenApi } from '../children/api.ts';
import { Choices, DateInput, Details, EMPTY_DATE, isoDate } from '../children/fields.tsx';
import { formatDate, formatDay } from '../children/format.ts';
import { useFocusHeadingWhenReady } from '../children/record.tsx';
import { useApiData } from '../components/data.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { useFormErrors } from '../components/form.ts';
import { usePageTitle } from '../components/page.ts';
import { BackLink, LoadFailure, Loading, NotificationBanner, Tag } from '../components/ui.tsx';
import { TextAreaWithAssistant } from '../language/TextAreaWithAssistant.tsx';

type Doc = NonNullable<PlainLanguage['document']>;

function SectionEditor({
  section,
  onSave,
}: {
  section: Doc['sections'][number];
  onSave(text: string): Promise<void>;
}) {
  const [text, setText] = useState(section.text);
  const [saving, setSaving] = useState(false);
  return (
    <div className="lantern-plain-section">
      <h3 className="govuk-heading-s">
        {section.heading} {section.edited && <Tag colour="blue">Edited</Tag>}
      </h3>
      <TextAreaWithAssistant
        name={`section-${section.key}`}
        label={`Text of “${section.heading}”`}
        labelClassName="govuk-visually-hidden"
        value={text}
        onChange={setText}
        rows={Math.min(12, Math.max(3, text.split('\n').length + 1))}
        field="plan.plainLanguage"
      />
      {section.edited && (
        <Details summary="What was generated">
          <p className="govuk-body lantern-pre-wrap">{section.generatedText}</p>
        </Details>
      )}
      <button
        type="button"
        className="govuk-button govuk-button--secondary"
        disabled={saving || text === section.text}
        onClick={async () => {
          setSaving(true);
          await onSave(text);
          setSaving(false);
        }}
      >
        Save this section<span className="govuk-visually-hidden"> “{section.heading}”</span>
      </button>
    </div>
  );
}

const RESPONSE_FIELDS = {
  sawItOn: 'When they saw it',
  howShared: 'How it was shared',
  hadTimeToQuestion: 'Whether they had time to question it',
  followUpBy: 'When they will have time',
  said: 'What they said',
  'said.words': 'Their words',
  viewsFollowed: 'Whether their views were followed',
  whyNot: 'Why not',
};

function ResponseForm({ plan, doc, onDone }: { plan: Plan; doc: Doc; onDone(p: PlainLanguage): void }) {
  const { id = '' } = useParams();
  const [sawItOn, setSawItOn] = useState(EMPTY_DATE);
  const [howShared, setHowShared] = useState('');
  const [time, setTime] = useState('');
  const [followUpBy, setFollowUpBy] = useState(EMPTY_DATE);
  const [said, setSaid] = useState('');
  const [words, setWords] = useState('');
  const [followed, setFollowed] = useState('');
  const [whyNot, setWhyNot] = useState('');
  const { errors, show } = useFormErrors();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const result = await planApi.respond(id, plan.id, doc.id, {
        sawItOn: isoDate(sawItOn) ?? '',
        ...(howShared ? { howShared } : {}),
        ...(time ? { hadTimeToQuestion: time === 'yes' } : {}),
        ...(time === 'no' && isoDate(followUpBy) ? { followUpBy: isoDate(followUpBy) } : {}),
        ...(said === 'in_their_words' ? { said: { status: 'in_their_words', words } } : {}),
        ...(said === 'chose_not_to_say' ? { said: { status: 'chose_not_to_say' } } : {}),
        ...(followed ? { viewsFollowed: followed } : {}),
        ...(followed && followed !== 'yes' ? { whyNot } : {}),
      });
      onDone(result);
    } catch (error) {
      show(nearestFields(error, Object.keys(RESPONSE_FIELDS)), { fields: RESPONSE_FIELDS });
    }
  };
  return (
    <form noValidate onSubmit={(event) => void submit(event)}>
      <h2 className="govuk-heading-m">What the young person said</h2>
      <ErrorSummary errors={errors} />
      <DateInput
        name="sawItOn"
        legend="When did they see it?"
        value={sawItOn}
        onChange={setSawItOn}
        error={errors.byField.sawItOn}
      />
      <Choices
        type="radio"
        name="howShared"
        legend="How was it shared?"
        small
        options={[
          { value: 'in_person', label: 'Went through it with them in person' },
          { value: 'with_an_advocate', label: 'With an advocate' },
          { value: 'they_read_it', label: 'They read it' },
          { value: 'other', label: 'Another way' },
        ]}
        values={howShared ? [howShared] : []}
        onChange={(v) => setHowShared(v[0] ?? '')}
        error={errors.byField.howShared}
      />
      <Choices
        type="radio"
        name="hadTimeToQuestion"
        legend="Have they had time and space to question it?"
        small
        options={[
          { value: 'yes', label: 'Yes' },
          {
            value: 'no',
            label: 'Not yet',
            conditional: (
              <DateInput
                name="followUpBy"
                legend="By when will they have it?"
                value={followUpBy}
                onChange={setFollowUpBy}
                error={errors.byField.followUpBy}
              />
            ),
          },
        ]}
        values={time ? [time] : []}
        onChange={(v) => setTime(v[0] ?? '')}
        error={errors.byField.hadTimeToQuestion}
      />
      <Choices
        type="radio"
        name="said"
        legend="What did they say?"
        small
        options={[
          {
            value: 'in_their_words',
            label: 'Record their words',
            conditional: (
              <TextAreaWithAssistant
                name="said.words"
                label="Their words, exactly as they said them"
                value={words}
                onChange={setWords}
                rows={4}
                error={errors.byField['said.words']}
              />
            ),
          },
          { value: 'chose_not_to_say', label: 'They chose not to say anything (that is their right)' },
        ]}
        values={said ? [said] : []}
        onChange={(v) => setSaid(v[0] ?? '')}
        error={errors.byField.said}
      />
      <Choices
        type="radio"
        name="viewsFollowed"
        legend="Were their views followed?"
        small
        options={['yes', 'partly', 'no'].map((value) => ({
          value,
          label: value === 'yes' ? 'Yes' : value === 'partly' ? 'Partly' : 'No',
          ...(value === 'yes'
            ? {}
            : {
                conditional: (
                  <TextAreaWithAssistant
                    name="whyNot"
                    label="Why not (so they can be told)"
                    value={whyNot}
                    onChange={setWhyNot}
                    rows={3}
                    error={errors.byField.whyNot}
                  />
                ),
              }),
        }))}
        values={followed ? [followed] : []}
        onChange={(v) => setFollowed(v[0] ?? '')}
        error={errors.byField.viewsFollowed}
      />
      <button type="submit" className="govuk-button">
        Record what they said
      </button>
    </form>
  );
}

function PlainLanguageDetail({
  childId,
  plan,
  initial,
}: {
  childId: string;
  plan: Plan;
  initial: PlainLanguage;
}) {
  const [data, setData] = useState(initial);
  const [banner, setBanner] = useState('');
  const doc = data.document;
  const manage = plan.permissions.plainLanguage;
  const generate = async () => {
    setData(await planApi.generate(childId, plan.id));
    setBanner('The young person’s plan has been generated from the current plan');
  };
  return (
    <>
      {banner && <NotificationBanner banner={{ success: true, heading: banner }} />}
      <h1 className="govuk-heading-l">The young person’s plan</h1>
      <p className="govuk-body">
        Generated from the plan in short sentences, then finished by you: you know how they talk. Labelled
        work and anything about other children are never included.
      </p>
      {manage && (
        <button
          type="button"
          className="govuk-button govuk-button--secondary"
          onClick={() => void generate()}
        >
          {doc ? 'Generate it again from the current plan' : 'Generate the young person’s plan'}
        </button>
      )}
      {doc && (
        <>
          <p className="govuk-body-s">
            From version {doc.planVersion} of the plan, generated {formatDay(doc.generatedAt)}
            {doc.editedBy ? `, last edited by ${doc.editedBy}` : ''}.
          </p>
          {data.issues.length > 0 && (
            <div className="govuk-inset-text">
              <p className="govuk-body">Check before they see it:</p>
              <ul className="govuk-list govuk-list--bullet">
                {data.issues.map((issue) => (
                  <li key={`${issue.key}-${issue.detail}`}>{issue.detail}</li>
                ))}
              </ul>
            </div>
          )}
          <h2 className="govuk-heading-m">Their plan</h2>
          {doc.sections.map((section) =>
            manage ? (
              <SectionEditor
                key={`${doc.id}-${section.key}-${section.text.length}`}
                section={section}
                onSave={async (text) => {
                  setData(await planApi.editSection(childId, plan.id, doc.id, { key: section.key, text }));
                  setBanner(`“${section.heading}” has been saved`);
                }}
              />
            ) : (
              <div key={section.key} className="lantern-plain-section">
                <h3 className="govuk-heading-s">{section.heading}</h3>
                <p className="govuk-body lantern-pre-wrap">{section.text}</p>
              </div>
            ),
          )}
          {manage && (
            <ResponseForm
              plan={plan}
              doc={doc}
              onDone={(result) => {
                setData(result);
                setBanner('What they said has been recorded');
              }}
            />
          )}
        </>
      )}
      {data.responses.length > 0 && (
        <>
          <h2 className="govuk-heading-m">What they said before</h2>
          <ul className="govuk-list">
            {data.responses.map((r) => {
              const said = r.response.said as { status: string; words?: string };
              return (
                <li key={r.id}>
                  {formatDate(String(r.response.sawItOn))}:{' '}
                  {said.status === 'in_their_words' ? <q>{said.words}</q> : 'They chose not to say anything.'}{' '}
                  Views followed: {String(r.response.viewsFollowed)}
                  {r.response.whyNot ? ` — ${String(r.response.whyNot)}` : ''} (recorded by {r.recordedBy})
                </li>
              );
            })}
          </ul>
        </>
      )}
    </>
  );
}

export function PlainLanguagePage() {
  const { id = '' } = useParams();
  const loaded = useApiData(async () => {
    const [{ child }, plans] = await Promise.all([childrenApi.get(id), planApi.list(id)]);
    const plan = plans.plans[0];
    return { child, plan, data: plan ? await planApi.plainLanguage(id, plan.id) : null };
  }, [id]);
  usePageTitle('The young person’s plan');
  useFocusHeadingWhenReady(loaded.state === 'loaded');
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={`/children/${id}/plan`}>Back to the plan</BackLink>
        {loaded.state === 'loading' && (
          <>
            <h1 className="govuk-heading-l">The young person’s plan</h1>
            <Loading />
          </>
        )}
        {loaded.state === 'failed' && (
          <>
            <h1 className="govuk-heading-l">The young person’s plan</h1>
            <LoadFailure error={loaded.error} />
          </>
        )}
        {loaded.data && !loaded.data.plan && (
          <>
            <h1 className="govuk-heading-l">The young person’s plan</h1>
            <p className="govuk-body">Make the plan first.</p>
          </>
        )}
        {loaded.data?.plan && loaded.data.data && (
          <PlainLanguageDetail childId={id} plan={loaded.data.plan} initial={loaded.data.data} />
        )}
      </div>
    </div>
  );
}
