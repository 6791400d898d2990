/**
 * Places and people named in a return or a return interview, when they are existing place or person of
 * concern records: the record's name with a link to its page in Contexts, the words recorded with it, and
 * "Record this as a link", which puts the connection on the child's network with its source and grading.
 * A record the person may not see is never named: only the words recorded with the entry are shown.
 */
import { type FormEvent, type ReactNode, useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../api.ts';
import { Details } from '../children/fields.tsx';
import { Radios, TextInput } from '../components/fields.tsx';
import { Tag } from '../components/ui.tsx';
import { useContextReference } from '../contexts/parts.tsx';
import { type Mention, type MentionLinkInput, missingApi } from './api.ts';

const KIND_NAMES = { place: 'Place', person_of_concern: 'Person of concern' } as const;

/** How the child was at a place while missing: the link's nature, read from the child. */
const WAS_AT_NATURES = [
  { value: 'stayed_at', label: 'Stayed there', hint: 'The child stayed overnight there.' },
  { value: 'taken_to', label: 'Was taken there', hint: 'Someone took the child there.' },
  { value: 'frequents', label: 'Spends time there', hint: 'The child is often there.' },
];

export function wordsOf(m: Mention): string {
  const words = [m.name, m.address, m.description, m.note].filter(Boolean).join(' – ');
  return m.requested === 'new_of_concern'
    ? `${words} (to be recorded as a ${m.kind === 'place' ? 'place' : 'person'} of concern)`
    : words;
}

/** One entry: the linked record (if the person may see it) and the words recorded with it. */
export function MentionValue({ mention }: { mention: Mention }) {
  const words = wordsOf(mention);
  if (mention.context) {
    return (
      <>
        <Link className="govuk-link" to={`/contexts/${mention.context.id}`}>
          {mention.context.name}
        </Link>{' '}
        <Tag colour="blue">{KIND_NAMES[mention.context.kind]}</Tag>
        {words && <span className="govuk-!-display-block">{words}</span>}
        {mention.contextLinkId && (
          <span className="govuk-!-display-block govuk-hint govuk-!-margin-bottom-0">
            On the child’s network:{' '}
            <Link className="govuk-link" to={`/links/${mention.contextLinkId}`}>
              see the link and its grading
            </Link>
          </span>
        )}
      </>
    );
  }
  if (mention.requested === 'existing') {
    return (
      <>
        {words || 'A linked record'}
        <span className="govuk-!-display-block govuk-hint govuk-!-margin-bottom-0">
          Linked to a record you do not have access to.
        </span>
      </>
    );
  }
  return <>{words}</>;
}

/** A list of entries, each with "Record this as a link" where it can be offered. */
export function MentionList({
  mentions,
  canLink,
  onLinked,
}: {
  mentions: Mention[];
  canLink: boolean;
  onLinked?: (() => void) | undefined;
}) {
  if (mentions.length === 1 && mentions[0])
    return <MentionItem mention={mentions[0]} canLink={canLink} onLinked={onLinked} />;
  return (
    <ul className="govuk-list">
      {mentions.map((m) => (
        <li key={m.id}>
          <MentionItem mention={m} canLink={canLink} onLinked={onLinked} />
        </li>
      ))}
    </ul>
  );
}

function MentionItem({
  mention,
  canLink,
  onLinked,
}: {
  mention: Mention;
  canLink: boolean;
  onLinked?: (() => void) | undefined;
}) {
  return (
    <>
      <MentionValue mention={mention} />
      {canLink && mention.context && !mention.contextLinkId && onLinked && (
        <RecordAsLink mention={mention} onLinked={onLinked} />
      )}
    </>
  );
}

function GradeRadios({
  name,
  legend,
  grades,
  value,
  onChange,
  error,
}: {
  name: string;
  legend: string;
  grades: { id: string; name: string; explanation: string }[];
  value: string;
  onChange(value: string): void;
  error?: string | undefined;
}) {
  return (
    <Radios
      name={name}
      legend={legend}
      options={grades.map((g) => ({ value: g.id, label: `${g.id} — ${g.name}`, hint: g.explanation }))}
      value={value}
      onChange={onChange}
      error={error}
      small
    />
  );
}

/** "Record this as a link": the grading and, for a place the child was at, how they were there. */
export function RecordAsLink({ mention, onLinked }: { mention: Mention; onLinked(): void }) {
  const reference = useContextReference();
  const [nature, setNature] = useState('');
  const [grade, setGrade] = useState({ source: '', intelligence: '', handling: '', conditions: '' });
  const [working, setWorking] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const what = mention.kind === 'place' ? 'place' : 'person';
  const summary: ReactNode = (
    <>
      Record this {what} as a link<span className="govuk-visually-hidden">: {mention.context?.name}</span>
    </>
  );
  if (reference.state !== 'loaded') return <Details summary={summary}>Loading…</Details>;
  const { grading } = reference.data;
  const base = `link-${mention.id}`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (working) return;
    const missing: Record<string, string> = {};
    if (mention.role === 'was_at' && !nature) missing.nature = 'Choose how the child was there';
    if (!grade.source) missing['grading.source'] = 'Choose how reliable the source is';
    if (!grade.intelligence) missing['grading.intelligence'] = 'Choose how the source knows';
    if (!grade.handling) missing['grading.handling'] = 'Choose who it may be shared with';
    if (Object.keys(missing).length > 0) {
      setErrors(missing);
      return;
    }
    setErrors({});
    setProblem(null);
    setWorking(true);
    try {
      // The grades come from the server's own lists; the server checks them again.
      await missingApi.linkMention(mention.id, {
        ...(nature ? { nature } : {}),
        grading: {
          source: grade.source,
          intelligence: grade.intelligence,
          handling: grade.handling,
          ...(grade.handling === 'C' ? { handlingConditions: grade.conditions } : {}),
        },
      } as MentionLinkInput);
      onLinked();
    } catch (error) {
      if (error instanceof ApiError) {
        setErrors(Object.fromEntries((error.fields ?? []).map((f) => [f.path, f.message])));
        setProblem(error.message);
      } else {
        setProblem('The link could not be recorded. Try again.');
      }
      setWorking(false);
    }
  };

  return (
    <Details summary={summary}>
      <p className="govuk-body">
        This puts the {what} on the child’s network, with you and your agency as the source. Say how sure we
        are of it: the grade is shown wherever the link is.
      </p>
      {problem && (
        <p className="govuk-error-message" role="alert">
          {problem}
        </p>
      )}
      <form noValidate onSubmit={(event) => void submit(event)}>
        {mention.role === 'was_at' && (
          <Radios
            name={`${base}-nature`}
            legend="How was the child there?"
            options={WAS_AT_NATURES}
            value={nature}
            onChange={setNature}
            error={errors.nature}
            small
          />
        )}
        <GradeRadios
          name={`${base}-source`}
          legend="How reliable is the source?"
          grades={grading.sourceEvaluations}
          value={grade.source}
          onChange={(source) => setGrade({ ...grade, source })}
          error={errors['grading.source']}
        />
        <GradeRadios
          name={`${base}-intelligence`}
          legend="How does the source know?"
          grades={grading.intelligenceAssessments}
          value={grade.intelligence}
          onChange={(intelligence) => setGrade({ ...grade, intelligence })}
          error={errors['grading.intelligence']}
        />
        <GradeRadios
          name={`${base}-handling`}
          legend="Who may it be shared with?"
          grades={grading.handlingCodes}
          value={grade.handling}
          onChange={(handling) => setGrade({ ...grade, handling })}
          error={errors['grading.handling']}
        />
        {grade.handling === 'C' && (
          <TextInput
            name={`${base}-conditions`}
            label="The conditions"
            value={grade.conditions}
            onChange={(conditions) => setGrade({ ...grade, conditions })}
            error={errors['grading.handlingConditions']}
          />
        )}
        <button type="submit" className="govuk-button govuk-button--secondary">
          Record the link
        </button>
      </form>
    </Details>
  );
}
