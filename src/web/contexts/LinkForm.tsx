/**
 * Record a link between a child and a context, or two contexts: what the link is, when it was seen,
 * where the information came from, how sure we are of it (the 3×5×2 grade, explained in plain English),
 * who may see it, and when it should be reviewed.
 */
import { type FormEvent, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiError, api } from '../api.ts';
import { childrenApi } from '../children/api.ts';
import { DateInput, type DateParts, EMPTY_DATE, FreeText, isoDate } from '../children/fields.tsx';
import { useApiData } from '../components/data.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { Radios, Select, TextInput } from '../components/fields.tsx';
import { useFormErrors } from '../components/form.ts';
import { usePageTitle } from '../components/page.ts';
import { BackLink, type FlashState, LoadFailure, Loading } from '../components/ui.tsx';
import { useMe } from '../session.tsx';
import { type ContextReference, contextsApi } from './api.ts';
import { GradingLegend, useContextReference } from './parts.tsx';
import { type Picked, RecordPicker } from './RecordPicker.tsx';

const FIELDS = {
  other: 'The other record',
  nature: 'How they are linked',
  firstSeen: 'First seen',
  lastSeen: 'Last seen',
  'source.agencyId': 'Which agency the information came from',
  'source.reference': 'Their reference',
  'grading.source': 'How reliable is the source?',
  'grading.intelligence': 'How does the source know?',
  'grading.handling': 'Who may it be shared with?',
  'grading.handlingConditions': 'The conditions for sharing',
  sensitivity: 'Label',
  reviewDate: 'Review date',
  note: 'Note',
};

interface Direction {
  value: string;
  nature: string;
  from: Picked;
  to: Picked;
  label: string;
  hint: string;
}

/** The natures that fit the two records, in whichever direction each reads. */
function directions(a: Picked, b: Picked, reference: ContextReference): Direction[] {
  const out: Direction[] = [];
  for (const [from, to] of [
    [a, b],
    [b, a],
  ] as const) {
    if (to.kind === 'child') continue;
    const scope = from.kind === 'child' ? 'child_context' : 'context_context';
    for (const n of reference.natures) {
      if (n.scope !== scope || !n.from.includes(from.kind) || !n.to.includes(to.kind)) continue;
      const value = `${n.id}:${from.id}`;
      if (out.some((d) => d.value === value)) continue;
      out.push({
        value,
        nature: n.id,
        from,
        to,
        label: `${from.name}: ${n.label.toLowerCase()} ${to.name}`,
        hint: n.description,
      });
    }
  }
  return out;
}

export function LinkForm() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const me = useMe();
  const contextId = params.get('context');
  const childId = params.get('child');
  const other = contextId && params.get('with') === 'child' ? 'child' : 'context';
  const reference = useContextReference();
  const agencies = useApiData(() => api.agencies(), []);
  const fixed = useApiData<Picked>(async () => {
    if (contextId) {
      const { context } = await contextsApi.get(contextId);
      return { kind: context.kind, id: context.id, name: context.name };
    }
    const { child } = await childrenApi.get(childId ?? '');
    return { kind: 'child', id: child.id, name: child.displayName };
  }, [contextId, childId]);
  const [picked, setPicked] = useState<Picked | null>(null);
  const [direction, setDirection] = useState('');
  const [firstSeen, setFirstSeen] = useState<DateParts>(EMPTY_DATE);
  const [lastSeen, setLastSeen] = useState<DateParts>(EMPTY_DATE);
  const [agencyId, setAgencyId] = useState(me.user.agency.id);
  const [sourceRef, setSourceRef] = useState('');
  const [grade, setGrade] = useState({ source: '', intelligence: '', handling: '', conditions: '' });
  const [sensitivity, setSensitivity] = useState('standard');
  const [reviewDate, setReviewDate] = useState<DateParts>(EMPTY_DATE);
  const [note, setNote] = useState('');
  const [working, setWorking] = useState(false);
  const { errors, show, hasErrors } = useFormErrors();
  usePageTitle('Record a link', hasErrors);
  const back = contextId ? `/contexts/${contextId}` : `/network?centre=${childId ?? ''}`;

  if (reference.state !== 'loaded' || fixed.state !== 'loaded') {
    return (
      <>
        <BackLink to={back} />
        <h1 className="govuk-heading-l">Record a link</h1>
        {reference.state === 'failed' && <LoadFailure error={reference.error} />}
        {fixed.state === 'failed' && <LoadFailure error={fixed.error} />}
        {(reference.state === 'loading' || fixed.state === 'loading') && <Loading />}
      </>
    );
  }
  const ref = reference.data;
  const options = picked ? directions(fixed.data, picked, ref) : [];
  const chosen = options.find((d) => d.value === direction);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (working) return;
    if (!picked || !chosen) {
      const message = picked ? 'Choose how they are linked' : 'Choose the other record';
      show(
        new ApiError(400, 'validation_failed', message, [{ path: picked ? 'nature' : 'other', message }]),
        {
          fields: FIELDS,
        },
      );
      return;
    }
    setWorking(true);
    try {
      const { link } = await contextsApi.createLink({
        from: { kind: chosen.from.kind, id: chosen.from.id },
        to: { kind: chosen.to.kind, id: chosen.to.id },
        nature: chosen.nature,
        firstSeen: isoDate(firstSeen),
        lastSeen: isoDate(lastSeen),
        source: {
          agencyId,
          authorId: me.user.id,
          ...(sourceRef.trim() ? { reference: sourceRef.trim() } : {}),
        },
        grading: {
          source: grade.source || undefined,
          intelligence: grade.intelligence || undefined,
          handling: grade.handling || undefined,
          ...(grade.handling === 'C' ? { handlingConditions: grade.conditions } : {}),
        },
        sensitivity,
        reviewDate: isoDate(reviewDate),
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      const state: FlashState = { flash: { success: true, heading: 'Link recorded', body: link.reads } };
      navigate(back, { state });
    } catch (error) {
      show(error, { fields: FIELDS });
      setWorking(false);
    }
  };

  const gradeRadios = (
    key: 'source' | 'intelligence' | 'handling',
    grades: ContextReference['grading']['sourceEvaluations'],
  ) => (
    <Radios
      name={`grading.${key}`}
      legend={FIELDS[`grading.${key}`]}
      options={grades.map((g) => ({ value: g.id, label: `${g.id} — ${g.name}`, hint: g.explanation }))}
      value={grade[key]}
      onChange={(v) => setGrade({ ...grade, [key]: v })}
      error={errors.byField[`grading.${key}`]}
      small
    />
  );

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={back} />
        <ErrorSummary errors={errors} />
        <span className="govuk-caption-l">{fixed.data.name}</span>
        <h1 className="govuk-heading-l">Record a link</h1>
        <form noValidate onSubmit={(event) => void submit(event)}>
          <RecordPicker
            name="other"
            what={other}
            label={other === 'child' ? 'Which child' : 'Which record'}
            picked={picked}
            onPick={(p) => {
              setPicked(p);
              setDirection('');
            }}
            error={errors.byField.other}
          />
          {picked && (
            <Radios
              name="nature"
              legend={FIELDS.nature}
              options={options.map((d) => ({ value: d.value, label: d.label, hint: d.hint }))}
              value={direction}
              onChange={setDirection}
              error={errors.byField.nature}
            />
          )}
          <DateInput
            name="firstSeen"
            legend={FIELDS.firstSeen}
            hint="For example, 27 3 2025"
            value={firstSeen}
            onChange={setFirstSeen}
            error={errors.byField.firstSeen}
          />
          <DateInput
            name="lastSeen"
            legend="Last seen (if later)"
            value={lastSeen}
            onChange={setLastSeen}
            error={errors.byField.lastSeen}
          />
          <Select
            name="source.agencyId"
            label={FIELDS['source.agencyId']}
            hint="Recorded by you, from this agency’s information."
            options={(agencies.data?.agencies ?? []).map((a) => ({ value: a.id, label: a.name }))}
            value={agencyId}
            onChange={setAgencyId}
            error={errors.byField['source.agencyId'] ?? errors.byField.source}
          />
          <TextInput
            name="source.reference"
            label="Their reference (optional)"
            hint="For example an intelligence log number."
            value={sourceRef}
            onChange={setSourceRef}
            error={errors.byField['source.reference']}
          />
          <h2 className="govuk-heading-m">How sure are we?</h2>
          <GradingLegend reference={ref} />
          {gradeRadios('source', ref.grading.sourceEvaluations)}
          {gradeRadios('intelligence', ref.grading.intelligenceAssessments)}
          {gradeRadios('handling', ref.grading.handlingCodes)}
          {grade.handling === 'C' && (
            <TextInput
              name="grading.handlingConditions"
              label={FIELDS['grading.handlingConditions']}
              hint="For example: police and children’s services only; not to be shared with the family."
              value={grade.conditions}
              onChange={(conditions) => setGrade({ ...grade, conditions })}
              error={errors.byField['grading.handlingConditions']}
            />
          )}
          <Radios
            name="sensitivity"
            legend={FIELDS.sensitivity}
            hint="Who may see this link."
            options={ref.sensitivity.filter((s) => s.usable).map((s) => ({ value: s.id, label: s.name }))}
            value={sensitivity}
            onChange={setSensitivity}
            error={errors.byField.sensitivity}
          />
          <DateInput
            name="reviewDate"
            legend="Review date (optional)"
            hint={`If you leave it empty, ${ref.reviewMonths} months after it was last seen; at most ${ref.maxReviewMonths} months. An unconfirmed link is no longer shown by default after its review date, so that it does not label a child.`}
            value={reviewDate}
            onChange={setReviewDate}
            error={errors.byField.reviewDate}
          />
          <FreeText
            name="note"
            label="Note (optional)"
            field="link.note"
            rows={3}
            value={note}
            onChange={setNote}
            error={errors.byField.note}
          />
          <button type="submit" className="govuk-button" disabled={working}>
            Save the link
          </button>
        </form>
      </div>
    </div>
  );
}
