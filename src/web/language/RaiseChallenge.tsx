/**
 * Raising a challenge to the wording of a text of a finalised record: which text (where the record has
 * more than one), which words, what they should say instead, and why. Prefilled from the language
 * assistant's first finding on the text as it is now.
 */
import { type FormEvent, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../api.ts';
import type { Child } from '../children/api.ts';
import { formatWhen } from '../children/format.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { Radios, TextInput } from '../components/fields.tsx';
import { useFormErrors } from '../components/form.ts';
import { usePageTitle } from '../components/page.ts';
import { type FlashState, FormButtons, Loading } from '../components/ui.tsx';
import { replacementFor, splitSuggestion } from './apply.ts';
import { RECORD_WORDS, recordPagePath } from './challenge-paths.ts';
import { challengesApi, type RecordRef, type Wording, type WordingRecordType } from './challenges-api.ts';
import { RecordFrame } from './RecordFrame.tsx';
import { TextAreaWithAssistant } from './TextAreaWithAssistant.tsx';

type Finding = Wording['findings'][number];

/** What a finding proposes: the tidied words to replace, the first suggestion, and the rule's reason. */
function proposalFor(text: string, finding: Finding) {
  const suggestion = splitSuggestion(finding.suggestions[0] ?? '').text;
  const change = replacementFor(text, finding, suggestion);
  const start = change?.start ?? finding.start;
  const end = change?.end ?? finding.end;
  return {
    span: { start, end, text: text.slice(start, end) },
    suggestedWording: change?.replacement ?? suggestion,
    reason: finding.message,
  };
}

const RAISE_FIELDS = {
  span: 'Which words',
  spanText: 'The words',
  suggestedWording: 'The suggested wording',
  reason: 'The reason',
};

/** Who wrote the text and what it is: "Direct work note, 3 March 2025 at 10:00, written by …". */
function aboutTheText(wording: Wording) {
  return `${wording.title}, ${formatWhen(wording.occurredAt)}, written by ${wording.author.name} (${wording.author.agencyName})`;
}

function RaiseForm({ child, record, wording }: { child: Child | null; record: RecordRef; wording: Wording }) {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const words = RECORD_WORDS[record.type];
  const text = wording.text;
  const findings = wording.findings;
  const initial = findings.find((f) => f.key === params.get('finding')) ?? findings[0];
  const first = initial ? proposalFor(text, initial) : null;
  const [choice, setChoice] = useState(initial?.key ?? '');
  const [spanText, setSpanText] = useState('');
  const [suggestedWording, setSuggestedWording] = useState(first?.suggestedWording ?? '');
  const [reason, setReason] = useState(first?.reason ?? '');
  const [working, setWorking] = useState(false);
  const { errors, show, hasErrors } = useFormErrors();
  usePageTitle('Challenge the wording', hasErrors);

  const choose = (value: string) => {
    setChoice(value);
    const finding = findings.find((f) => f.key === value);
    if (finding) {
      const proposal = proposalFor(text, finding);
      setSuggestedWording(proposal.suggestedWording);
      setReason(proposal.reason);
    } else if (value === 'whole') {
      setSuggestedWording(text);
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (working) return;
    setWorking(true);
    try {
      const finding = findings.find((f) => f.key === choice);
      let span: { start: number; end: number; text: string } | undefined;
      if (finding) span = proposalFor(text, finding).span;
      else if (choice === 'other') {
        const at = spanText ? text.indexOf(spanText) : -1;
        if (at < 0)
          throw new ApiError(400, 'validation_failed', 'spanText', [
            {
              path: 'spanText',
              message: spanText
                ? `must be copied exactly from the ${words.text}: these words are not in it`
                : `must be given: copy them from the ${words.text}`,
            },
          ]);
        span = { start: at, end: at + spanText.length, text: spanText };
      } else if (choice !== 'whole') {
        throw new ApiError(400, 'validation_failed', 'span', [
          {
            path: 'span',
            message: `must be chosen: the words the assistant found, other words, or the whole ${words.text}`,
          },
        ]);
      }
      await challengesApi.raise(record, {
        field: wording.field,
        version: wording.version,
        reason,
        suggestedWording,
        ...(span ? { span } : {}),
        ...(finding ? { ruleId: finding.ruleId, lexiconVersion: wording.lexiconVersion } : {}),
      });
      const state: FlashState = {
        flash: {
          success: true,
          heading: 'Your challenge has been sent',
          body: `${wording.author.name} or their manager will decide it. The ${words.text === 'note' ? 'note' : 'wording'} stays as it is until then.`,
        },
      };
      navigate(recordPagePath(record), { state });
    } catch (error) {
      // The server names the span's parts (span.text, span.end): on this page they are one question.
      const mapped =
        error instanceof ApiError
          ? new ApiError(
              error.status,
              error.code,
              error.message,
              error.fields.map((f) =>
                f.path.startsWith('span') ? { ...f, path: choice === 'other' ? 'spanText' : 'span' } : f,
              ),
            )
          : error;
      show(mapped, { fields: RAISE_FIELDS });
      setWorking(false);
    }
  };

  return (
    <>
      <ErrorSummary errors={errors} />
      {child && <span className="govuk-caption-l">{child.displayName}</span>}
      <h1 className="govuk-heading-l">Challenge the wording</h1>
      <p className="govuk-body">
        {aboutTheText(wording)}. Say which words should change, what they should say instead, and why.{' '}
        {wording.author.name} or their manager decides. If they accept, the {words.text} gets a new version
        and the original stays in its history.
      </p>
      <h2 className="govuk-heading-s">{wording.fieldName}</h2>
      <div className="govuk-inset-text lantern-pre-wrap">{text}</div>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <Radios
          name="span"
          legend="Which words are you challenging?"
          hint={
            findings.length > 0
              ? 'The language assistant found these words. You can choose other words instead.'
              : `The language assistant found nothing in this ${words.text}. You can still challenge its wording.`
          }
          options={[
            ...findings.map((f) => ({ value: f.key, label: `‘${f.text}’`, hint: f.message })),
            { value: 'other', label: `Other words in the ${words.text}` },
            { value: 'whole', label: `The whole ${words.text}` },
          ]}
          value={choice}
          onChange={choose}
          error={errors.byField.span}
        />
        {choice === 'other' && (
          <TextInput
            name="spanText"
            label={`The words, copied exactly from the ${words.text}`}
            value={spanText}
            onChange={setSpanText}
            error={errors.byField.spanText}
          />
        )}
        <TextAreaWithAssistant
          name="suggestedWording"
          label="What should it say instead?"
          hint="These words replace the ones you chose. Fill in anything in square brackets with what is known."
          rows={choice === 'whole' ? 10 : 3}
          value={suggestedWording}
          onChange={setSuggestedWording}
          error={errors.byField.suggestedWording}
          childAge={child?.age ?? undefined}
          field="challenge.suggestedWording"
        />
        <TextAreaWithAssistant
          name="reason"
          label="Why should the wording change?"
          hint={`The author sees this. It is kept with the history of the ${words.text}.`}
          rows={3}
          value={reason}
          onChange={setReason}
          error={errors.byField.reason}
        />
        <FormButtons working={working} text="Send the challenge" cancelTo={recordPagePath(record)} />
      </form>
    </>
  );
}

/** For a record with more than one text (an assessment's rationale and harm): which one is challenged. */
function ChooseText({ child, wording }: { child: Child | null; wording: Wording }) {
  const [, setParams] = useSearchParams();
  const [field, setField] = useState('');
  const { errors, show, hasErrors } = useFormErrors();
  usePageTitle('Challenge the wording', hasErrors);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!field) {
      show(
        new ApiError(400, 'validation_failed', 'field', [
          { path: 'field', message: 'must be chosen: which text you are challenging' },
        ]),
        { fields: { field: 'Which text' } },
      );
      return;
    }
    setParams({ field });
  };
  return (
    <>
      <ErrorSummary errors={errors} />
      {child && <span className="govuk-caption-l">{child.displayName}</span>}
      <h1 className="govuk-heading-l">Challenge the wording</h1>
      <p className="govuk-body">{aboutTheText(wording)}.</p>
      <form noValidate onSubmit={submit}>
        <Radios
          name="field"
          legend="Which text are you challenging?"
          legendClassName="govuk-fieldset__legend--m"
          options={wording.fields.map((f) => ({ value: f.field, label: f.fieldName }))}
          value={field}
          onChange={setField}
          error={errors.byField.field}
        />
        <button type="submit" className="govuk-button">
          Continue
        </button>
      </form>
    </>
  );
}

export function RaiseChallenge({ type }: { type: WordingRecordType }) {
  usePageTitle('Challenge the wording');
  const [params] = useSearchParams();
  const field = params.get('field') ?? undefined;
  return (
    <RecordFrame
      type={type}
      title="Challenge the wording"
      load={(record) => challengesApi.wording(record, field)}
      deps={[field]}
    >
      {({ child, data, record }) => {
        if (!field && data.fields.length > 1) return <ChooseText child={child} wording={data} />;
        // Until the chosen text has loaded.
        if (field && data.field !== field)
          return (
            <>
              <h1 className="govuk-heading-l">Challenge the wording</h1>
              <Loading />
            </>
          );
        if (!data.mayRaise)
          return (
            <>
              {child && <span className="govuk-caption-l">{child.displayName}</span>}
              <h1 className="govuk-heading-l">Challenge the wording</h1>
              <p className="govuk-body">
                The wording of {RECORD_WORDS[type].thisRecord} cannot be challenged now
                {data.whyNot ? `: ${data.whyNot}.` : '.'} A record’s wording can be challenged once it is
                finalised: a note once it is final, an assessment once it is completed, a meeting’s minutes
                once it has been held.
              </p>
            </>
          );
        return <RaiseForm key={data.field} child={child} record={record} wording={data} />;
      }}
    </RecordFrame>
  );
}
