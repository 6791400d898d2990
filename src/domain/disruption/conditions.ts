/**
 * The small language eligibility rules are written in: named facts about a case ("subject.age", each
 * named child's age, whether the youth offending team was consulted), and conditions over them
 * (`is`, `in`, `atLeast`/`below`, `all`, `any`, `not`, `eachChild`).
 *
 * Evaluation is three-valued: a fact that is not recorded makes a condition unknown (null), never
 * silently true or false, and the facts that were missing are collected so the result can say what to
 * record.
 */
import { z } from 'zod';
import { ageOn, type IsoDate, isIsoDate } from '../contexts/dates.ts';
import { OVERNIGHT_ACCOMMODATION, type PlaceKind } from '../contexts/kinds.ts';
import type { Applicant, TargetKind } from './measures.ts';

// ---------------------------------------------------------------------------------------------------
// Facts
// ---------------------------------------------------------------------------------------------------

export const OFFENCE_CATEGORIES = ['sexual', 'violent', 'slavery_or_trafficking', 'other'] as const;
export type OffenceCategory = (typeof OFFENCE_CATEGORIES)[number];

export interface OffenceRecord {
  category: OffenceCategory;
  outcome: 'conviction' | 'caution';
  /** Committed outside the UK. */
  overseas?: boolean;
}

export const POLICE_RANKS = ['constable', 'sergeant', 'inspector_or_above'] as const;
export type PoliceRank = (typeof POLICE_RANKS)[number];

export interface ChildFacts {
  id: string;
  dateOfBirth?: IsoDate;
  /** When the date of birth is not known. */
  ageYears?: number;
  lookedAfter?: boolean;
  /** There are concerns the child has been trafficked (including moved within the UK). */
  traffickingConcern?: boolean;
}

/** What is known when eligibility is checked. Anything left out is "not recorded", never assumed. */
export interface EligibilityFacts {
  /** The date of the check: ages are worked out on it. */
  on: IsoDate;
  applicant?: Applicant;
  target?: {
    kind: TargetKind;
    placeKind?: PlaceKind;
    /** A business in the hotel, guest house or B&B sector. */
    overnightAccommodation?: boolean;
    /** Holds a premises, taxi or private hire licence. */
    licensed?: boolean;
  };
  /** The person the measure is against, when it is against a person. */
  subject?: {
    dateOfBirth?: IsoDate;
    ageYears?: number;
    /** Convictions and cautions; an empty list means none. */
    offences?: readonly OffenceRecord[];
    sexualActDone?: boolean;
    actedCreatingSlaveryRisk?: boolean;
    harassmentAlarmDistress?: boolean;
    associatedWithChild?: boolean;
  };
  /** The named children the measure protects. */
  children?: readonly ChildFacts[];
  /** Professional judgements, each recorded with reasons elsewhere. */
  judgements?: {
    necessaryToProtect?: boolean;
    futureSlaveryOffenceRisk?: boolean;
    orderWillHelpPrevent?: boolean;
    significantHarmLikely?: boolean;
    exclusionStopsHarm?: boolean;
    premisesUsedForExploitation?: boolean;
  };
  proceedings?: { careOrEmergencyProtectionApplication?: boolean };
  exclusionAreaDefined?: boolean;
  issuerPoliceRank?: PoliceRank;
  /** Steps taken before applying. */
  steps?: {
    youthOffendingTeamConsulted?: boolean;
    youthOffendingTeamViewsObtained?: boolean;
    welfareAssessmentDone?: boolean;
    otherOrdersConsidered?: boolean;
    interventionsOffered?: boolean;
  };
}

export type Value = boolean | number | string | undefined;

export interface FactDef {
  readonly type: 'boolean' | 'number' | 'enum';
  /** How the fact reads in a message: "the subject's age". */
  readonly label: string;
  readonly get: (f: EligibilityFacts) => Value;
}

function ageOf(p: { dateOfBirth?: IsoDate; ageYears?: number } | undefined, on: IsoDate): number | undefined {
  if (!p) return undefined;
  if (p.dateOfBirth && isIsoDate(p.dateOfBirth)) return ageOn(p.dateOfBirth, on);
  return p.ageYears;
}

const offences = (f: EligibilityFacts, test: (o: OffenceRecord) => boolean): boolean | undefined =>
  f.subject?.offences === undefined ? undefined : f.subject.offences.some(test);

export const FACTS = {
  applicant: { type: 'enum', label: 'who is applying', get: (f) => f.applicant },
  'target.kind': { type: 'enum', label: 'what the measure is against', get: (f) => f.target?.kind },
  'target.overnightAccommodation': {
    type: 'boolean',
    label: 'whether the premises are a hotel, guest house or B&B',
    get: (f) =>
      f.target?.overnightAccommodation ??
      (f.target?.placeKind ? OVERNIGHT_ACCOMMODATION.includes(f.target.placeKind) : undefined),
  },
  'target.licensed': {
    type: 'boolean',
    label: 'whether the target holds a licence',
    get: (f) => f.target?.licensed,
  },
  'subject.age': { type: 'number', label: "the subject's age", get: (f) => ageOf(f.subject, f.on) },
  'subject.sexualOrViolentConvictionOrCaution': {
    type: 'boolean',
    label: "the subject's convictions and cautions",
    get: (f) => offences(f, (o) => o.category === 'sexual' || o.category === 'violent'),
  },
  'subject.slaveryOrTraffickingConviction': {
    type: 'boolean',
    label: "the subject's convictions",
    get: (f) => offences(f, (o) => o.category === 'slavery_or_trafficking' && o.outcome === 'conviction'),
  },
  'subject.anyConviction': {
    type: 'boolean',
    label: "the subject's convictions",
    get: (f) => offences(f, (o) => o.outcome === 'conviction'),
  },
  'subject.overseasSexualConvictionOrCaution': {
    type: 'boolean',
    label: "the subject's convictions and cautions overseas",
    get: (f) => offences(f, (o) => o.category === 'sexual' && o.overseas === true),
  },
  'subject.sexualActDone': {
    type: 'boolean',
    label: 'whether the subject has done an act of a sexual nature',
    get: (f) => f.subject?.sexualActDone,
  },
  'subject.actedCreatingSlaveryRisk': {
    type: 'boolean',
    label: 'whether the subject has acted in a way that creates a risk of a slavery or trafficking offence',
    get: (f) => f.subject?.actedCreatingSlaveryRisk,
  },
  'subject.harassmentAlarmDistress': {
    type: 'boolean',
    label: "whether the subject's behaviour caused or was likely to cause harassment, alarm or distress",
    get: (f) => f.subject?.harassmentAlarmDistress,
  },
  'subject.associatedWithChild': {
    type: 'boolean',
    label: "whether the subject is 'associated' with the child",
    get: (f) => f.subject?.associatedWithChild,
  },
  'children.count': { type: 'number', label: 'the named children', get: (f) => f.children?.length ?? 0 },
  'judgement.necessaryToProtect': {
    type: 'boolean',
    label: 'the judgement that the order is necessary to protect a person or the public from harm',
    get: (f) => f.judgements?.necessaryToProtect,
  },
  'judgement.futureSlaveryOffenceRisk': {
    type: 'boolean',
    label: 'the judgement that the subject may commit a modern slavery offence in future',
    get: (f) => f.judgements?.futureSlaveryOffenceRisk,
  },
  'judgement.orderWillHelpPrevent': {
    type: 'boolean',
    label: 'the judgement that the order will help prevent the behaviour',
    get: (f) => f.judgements?.orderWillHelpPrevent,
  },
  'judgement.significantHarmLikely': {
    type: 'boolean',
    label:
      "the judgement that the child is likely to suffer significant harm without the court's intervention",
    get: (f) => f.judgements?.significantHarmLikely,
  },
  'judgement.exclusionStopsHarm': {
    type: 'boolean',
    label: 'the judgement that excluding the person will stop the child suffering significant harm',
    get: (f) => f.judgements?.exclusionStopsHarm,
  },
  'judgement.premisesUsedForExploitation': {
    type: 'boolean',
    label: 'the belief that the premises have been or will be used for child sexual exploitation',
    get: (f) => f.judgements?.premisesUsedForExploitation,
  },
  'proceedings.careOrEmergencyProtectionApplication': {
    type: 'boolean',
    label: 'an application for an Interim Care Order or Emergency Protection Order',
    get: (f) => f.proceedings?.careOrEmergencyProtectionApplication,
  },
  'exclusion.areaDefined': {
    type: 'boolean',
    label: 'the defined exclusion area',
    get: (f) => f.exclusionAreaDefined,
  },
  'issuer.policeRank': { type: 'enum', label: "the issuing officer's rank", get: (f) => f.issuerPoliceRank },
  'steps.youthOffendingTeamConsulted': {
    type: 'boolean',
    label: 'early consultation of the youth offending team',
    get: (f) => f.steps?.youthOffendingTeamConsulted,
  },
  'steps.youthOffendingTeamViewsObtained': {
    type: 'boolean',
    label: "the youth offending team's views",
    get: (f) => f.steps?.youthOffendingTeamViewsObtained,
  },
  'steps.welfareAssessmentDone': {
    type: 'boolean',
    label: 'a structured, welfare-first assessment',
    get: (f) => f.steps?.welfareAssessmentDone,
  },
  'steps.otherOrdersConsidered': {
    type: 'boolean',
    label: 'consideration of other orders and sentences already in place',
    get: (f) => f.steps?.otherOrdersConsidered,
  },
  'steps.interventionsOffered': {
    type: 'boolean',
    label: 'interventions offered to reduce harmful behaviour',
    get: (f) => f.steps?.interventionsOffered,
  },
} as const satisfies Record<string, FactDef>;

export type FactName = keyof typeof FACTS;
const FACT_NAMES = Object.keys(FACTS) as [FactName, ...FactName[]];

export const CHILD_FACTS = {
  age: { type: 'number', label: "the child's age", get: (c: ChildFacts, on: IsoDate): Value => ageOf(c, on) },
  lookedAfter: {
    type: 'boolean',
    label: 'whether the child is looked after',
    get: (c: ChildFacts): Value => c.lookedAfter,
  },
  traffickingConcern: {
    type: 'boolean',
    label: 'whether there are concerns the child has been trafficked',
    get: (c: ChildFacts): Value => c.traffickingConcern,
  },
} as const;
export type ChildFactName = keyof typeof CHILD_FACTS;
const CHILD_FACT_NAMES = Object.keys(CHILD_FACTS) as [ChildFactName, ...ChildFactName[]];

// ---------------------------------------------------------------------------------------------------
// Conditions and rules
// ---------------------------------------------------------------------------------------------------

export type Condition =
  | { fact: FactName; is: boolean }
  | { fact: FactName; atLeast?: number; below?: number }
  | { fact: FactName; in: readonly string[] }
  | { all: readonly Condition[] }
  | { any: readonly Condition[] }
  | { not: Condition }
  /** Every named child (none named: true — pair with a rule that requires a named child). */
  | { eachChild: ChildCondition };

export type ChildCondition =
  | { childFact: ChildFactName; is: boolean }
  | { childFact: ChildFactName; atLeast?: number; below?: number }
  | { all: readonly ChildCondition[] }
  | { any: readonly ChildCondition[] };

const numberTest = z
  .object({ atLeast: z.number().optional(), below: z.number().optional() })
  .refine((t) => t.atLeast !== undefined || t.below !== undefined, 'a number test needs atLeast or below');

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.object({ fact: z.enum(FACT_NAMES), is: z.boolean() }).strict(),
    z.object({ fact: z.enum(FACT_NAMES), in: z.array(z.string()).min(1) }).strict(),
    z
      .object({ fact: z.enum(FACT_NAMES), atLeast: z.number().optional(), below: z.number().optional() })
      .strict()
      .and(numberTest),
    z.object({ all: z.array(conditionSchema).min(1) }).strict(),
    z.object({ any: z.array(conditionSchema).min(1) }).strict(),
    z.object({ not: conditionSchema }).strict(),
    z.object({ eachChild: childConditionSchema }).strict(),
  ]),
) as z.ZodType<Condition>;

export const childConditionSchema: z.ZodType<ChildCondition> = z.lazy(() =>
  z.union([
    z.object({ childFact: z.enum(CHILD_FACT_NAMES), is: z.boolean() }).strict(),
    z
      .object({
        childFact: z.enum(CHILD_FACT_NAMES),
        atLeast: z.number().optional(),
        below: z.number().optional(),
      })
      .strict()
      .and(numberTest),
    z.object({ all: z.array(childConditionSchema).min(1) }).strict(),
    z.object({ any: z.array(childConditionSchema).min(1) }).strict(),
  ]),
) as z.ZodType<ChildCondition>;

// ---------------------------------------------------------------------------------------------------
// The interpreter
// ---------------------------------------------------------------------------------------------------

/** true, false, or null when a fact it needs is not recorded. */
export type Tri = boolean | null;

function compare(
  value: Value,
  test: { is?: boolean; atLeast?: number; below?: number; in?: readonly string[] },
): Tri {
  if (value === undefined) return null;
  if (test.is !== undefined) return value === test.is;
  if (test.in !== undefined) return test.in.includes(String(value));
  if (typeof value !== 'number') return false;
  if (test.atLeast !== undefined && value < test.atLeast) return false;
  if (test.below !== undefined && value >= test.below) return false;
  return true;
}

function all(values: Tri[]): Tri {
  if (values.includes(false)) return false;
  return values.includes(null) ? null : true;
}

function any(values: Tri[]): Tri {
  if (values.includes(true)) return true;
  return values.includes(null) ? null : false;
}

function evalChild(c: ChildCondition, child: ChildFacts, on: IsoDate, missing: Set<string>): Tri {
  if ('all' in c) return all(c.all.map((x) => evalChild(x, child, on, missing)));
  if ('any' in c) return any(c.any.map((x) => evalChild(x, child, on, missing)));
  const def = CHILD_FACTS[c.childFact];
  const result = compare(def.get(child, on), c);
  if (result === null) missing.add(`${def.label} (${child.id})`);
  return result;
}

export function evaluate(c: Condition, facts: EligibilityFacts, missing: Set<string> = new Set()): Tri {
  if ('all' in c) return all(c.all.map((x) => evaluate(x, facts, missing)));
  if ('any' in c) return any(c.any.map((x) => evaluate(x, facts, missing)));
  if ('not' in c) {
    const v = evaluate(c.not, facts, missing);
    return v === null ? null : !v;
  }
  if ('eachChild' in c)
    return all((facts.children ?? []).map((child) => evalChild(c.eachChild, child, facts.on, missing)));
  const def: FactDef = FACTS[c.fact];
  const result = compare(def.get(facts), c);
  if (result === null) missing.add(def.label);
  return result;
}

export function render(message: string, facts: EligibilityFacts): string {
  return message.replace(/\{([a-zA-Z.]+)\}/g, (whole, name: string) => {
    const def = (FACTS as Record<string, FactDef>)[name];
    if (!def) return whole;
    const v = def.get(facts);
    return v === undefined ? 'not recorded' : String(v);
  });
}

function describeTest(
  label: string,
  t: { is?: boolean; atLeast?: number; below?: number; in?: readonly string[] },
): string {
  if (t.is !== undefined) return t.is ? `${label}: yes` : `${label}: no`;
  if (t.in !== undefined) return `${label}: ${t.in.join(' or ')}`;
  const parts = [
    t.atLeast !== undefined ? `at least ${t.atLeast}` : '',
    t.below !== undefined ? `below ${t.below}` : '',
  ];
  return `${label} ${parts.filter(Boolean).join(' and ')}`;
}

function describeChild(c: ChildCondition): string {
  if ('all' in c) return c.all.map(describeChild).join(' and ');
  if ('any' in c) return `(${c.any.map(describeChild).join(', or ')})`;
  return describeTest(CHILD_FACTS[c.childFact].label, c);
}

/** A condition in plain English, for documentation and for explaining a rule in the UI. */
export function describeCondition(c: Condition): string {
  if ('all' in c) return c.all.map(describeCondition).join(' and ');
  if ('any' in c) return `(${c.any.map(describeCondition).join(', or ')})`;
  if ('not' in c) return `not (${describeCondition(c.not)})`;
  if ('eachChild' in c) return `for each named child, ${describeChild(c.eachChild)}`;
  return describeTest(FACTS[c.fact].label, c);
}
