/**
 * The assessment form's state, and how it becomes the draft the API stores. The form keeps what the
 * practitioner typed as it is; whether it is enough is for the server, which names the rule it refuses by.
 */
import { ApiError } from '../api.ts';
import type { Assessment, Factor, Instrument, Prompt } from './api.ts';

export interface FactorState {
  id: string;
  kind: string;
  domain: string;
  description: string;
  indicatorRef: string;
  evidence: string[];
  label: string;
}

export interface VoiceItem {
  status: string;
  who: string;
  relationship: string;
  view: string;
  reason: string;
  label: string;
}

export interface FormState {
  answers: Record<string, Record<string, unknown>>;
  factors: Record<string, FactorState[]>;
  analysis: string;
  balance: string;
  needsToChange: string;
  level: string;
  rationale: string;
  harm: { status: string; kinds: string[]; description: string; evidence: string[] };
  child: {
    status: string;
    words: string;
    ownWords: boolean;
    howExpressed: string;
    on: string;
    reason: string;
  };
  parents: VoiceItem[];
  agencies: VoiceItem[];
  childLabel: string;
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const rec = (v: unknown) => (v && typeof v === 'object' ? (v as Record<string, unknown>) : {});
const ids = (links: unknown) =>
  Array.isArray(links) ? links.map((l) => str(rec(l).chronologyEntryId)).filter(Boolean) : [];

export const newId = (prefix: string) => `${prefix}-${Math.random().toString(36).slice(2, 10)}`;

export function prompts(instrument: Instrument): Prompt[] {
  return instrument.sections.flatMap((s) => s.prompts);
}

/** The form, filled in from the draft as the server holds it. */
export function stateFrom(assessment: Assessment, instrument: Instrument): FormState {
  const answers: FormState['answers'] = {};
  const factors: FormState['factors'] = {};
  for (const prompt of prompts(instrument)) {
    const answer = rec(assessment.answers[prompt.id]);
    if (prompt.answer.type === 'factor_list') {
      factors[prompt.id] = (Array.isArray(answer.factors) ? (answer.factors as Factor[]) : []).map((f) => ({
        id: f.id,
        kind: f.kind,
        domain: f.domain,
        description: f.description ?? '',
        indicatorRef: f.indicatorRef ?? '',
        evidence: ids(f.evidence),
        label: f.label ?? 'standard',
      }));
    } else if (Object.keys(answer).length > 0) {
      answers[prompt.id] = answer;
    }
  }
  const harm = rec(assessment.harm);
  const voices = assessment.voices;
  const child = rec(voices?.child);
  const item = (v: Record<string, unknown>, whoKey: string): VoiceItem => ({
    status: str(v.status),
    who: str(v[whoKey]),
    relationship: str(v.relationship),
    view: str(v.view),
    reason: str(v.reason),
    label: str(v.label) || 'standard',
  });
  return {
    answers,
    factors,
    analysis: assessment.analysis ?? '',
    balance: assessment.balance ?? '',
    needsToChange: assessment.needsToChange ?? '',
    level: assessment.judgement.level ?? '',
    rationale: assessment.judgement.rationale ?? '',
    harm: {
      status: str(harm.status),
      kinds: Array.isArray(harm.kinds) ? (harm.kinds as string[]) : [],
      description: str(harm.description),
      evidence: ids(harm.evidence),
    },
    child: {
      status: str(child.status),
      words: str(child.words),
      ownWords: child.inTheirOwnWords === true,
      howExpressed: str(child.howExpressed),
      on: str(child.on),
      reason: str(child.reason),
    },
    parents: (voices?.parentsCarers ?? []).map((v) => item(v, 'person')),
    agencies: (voices?.agencies ?? []).map((v) => item(v, 'agency')),
    childLabel: str(child.label) || 'standard',
  };
}

const given = (s: string) => s.trim();

function voiceBody(v: VoiceItem, whoKey: 'person' | 'agency') {
  const who = whoKey === 'person' ? { person: v.who, relationship: v.relationship } : { agency: v.who };
  if (v.status === 'not_obtained') return { status: 'not_obtained', ...who, reason: v.reason };
  return { status: 'given', ...who, view: v.view };
}

/** The draft body: what is answered, in the shape the instrument's answer types take. */
export function draftBody(state: FormState, instrument: Instrument) {
  const answers: Record<string, unknown> = {};
  const labels: Record<string, string> = {};
  for (const prompt of prompts(instrument)) {
    if (prompt.answer.type === 'factor_list') {
      answers[prompt.id] = {
        type: 'factor_list',
        factors: (state.factors[prompt.id] ?? []).map((f) => {
          if (f.label !== 'standard') labels[`factor:${f.id}`] = f.label;
          return {
            id: f.id,
            kind: f.kind,
            domain: f.domain,
            description: f.description,
            ...(f.indicatorRef ? { indicatorRef: f.indicatorRef } : {}),
            evidence: f.evidence.map((chronologyEntryId) => ({ chronologyEntryId })),
          };
        }),
      };
      continue;
    }
    const answer = state.answers[prompt.id];
    if (!answer) continue;
    if ((answer.type === 'text' || answer.type === 'long_text') && !given(str(answer.value))) continue;
    if (answer.type === 'evidence_links' && ids(answer.links).length === 0) continue;
    if (answer.type === 'context_refs') {
      // Only the reference and the note are sent; the name shown is the record's, read each time.
      const refs = (Array.isArray(answer.refs) ? answer.refs : []).map((r) => {
        const ref = rec(r);
        const note = str(ref.note).trim();
        return { contextId: str(ref.contextId), kind: str(ref.kind), ...(note ? { note } : {}) };
      });
      if (refs.length > 0) answers[prompt.id] = { type: 'context_refs', refs };
      continue;
    }
    answers[prompt.id] = answer;
  }
  const c = state.child;
  const child =
    c.status === 'given'
      ? {
          status: 'given',
          inTheirOwnWords: c.ownWords,
          words: c.words,
          howExpressed: c.howExpressed || undefined,
          on: c.on || undefined,
        }
      : c.status === 'not_obtained'
        ? { status: 'not_obtained', reason: c.reason }
        : undefined;
  if (child && state.childLabel !== 'standard') labels['voice:child'] = state.childLabel;
  state.parents.forEach((p, i) => {
    if (p.label !== 'standard') labels[`voice:parent:${i}`] = p.label;
  });
  state.agencies.forEach((a, i) => {
    if (a.label !== 'standard') labels[`voice:agency:${i}`] = a.label;
  });
  const h = state.harm;
  const harm = !h.status
    ? undefined
    : h.status === 'none_identified'
      ? { status: 'none_identified' }
      : {
          status: h.status,
          kinds: h.kinds,
          description: h.description,
          evidence: h.evidence.map((chronologyEntryId) => ({ chronologyEntryId })),
        };
  return {
    answers,
    analysis: state.analysis,
    balance: state.balance,
    needsToChange: state.needsToChange,
    judgement: { ...(state.level ? { level: state.level } : {}), rationale: state.rationale },
    ...(harm ? { harm } : {}),
    voices: {
      ...(child ? { child } : {}),
      parentsCarers: state.parents.map((p) => voiceBody(p, 'person')),
      agencies: state.agencies.map((a) => voiceBody(a, 'agency')),
    },
    labels,
  };
}

/**
 * The server reports an error at the exact path it found it (`answers.dev.risk_factors.factors.0.evidence`);
 * the form shows it against the nearest field on the page.
 */
export function nearestFields(error: unknown, fields: readonly string[]): unknown {
  if (!(error instanceof ApiError)) return error;
  const nearest = (path: string) => {
    let best = '';
    for (const field of fields) {
      if ((path === field || path.startsWith(`${field}.`)) && field.length > best.length) best = field;
    }
    return best || path;
  };
  return new ApiError(
    error.status,
    error.code,
    error.message,
    error.fields.map((f) => ({ path: nearest(f.path), message: f.message })),
  );
}
