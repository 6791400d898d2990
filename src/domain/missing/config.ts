/**
 * Missing episodes and return interviews: the partnership's knowledge and timescales as data.
 *
 * Local protocols differ in names, timescales and lists (seed 003 §10), so everything a partnership may
 * reasonably change lives here, versioned and cited, rather than in code. Every clock and share reports
 * the `version` it used; records should keep the version they were made under, so that a change here
 * never silently moves an existing deadline.
 *
 * Wording matters: every label here is read by practitioners and may be read by the child. A child who
 * goes missing is a child at risk of harm; nothing here says the child chose it, and pull factors name
 * what the people who exploit children do (PRODUCT.md §3).
 */
import { z } from 'zod';
import { isValidLocalDate, isWeekend, LONDON } from './london.ts';

const id = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/, { message: 'must be a lower_snake_case identifier' })
  .max(60);
const label = z.string().trim().min(1).max(200);
const source = z.string().trim().min(1).max(500);
const localDate = z.string().refine(isValidLocalDate, { message: 'must be a real date like 2026-12-25' });

const optionSchema = z.strictObject({ id, label, description: z.string().trim().min(1).max(500).optional() });
const factorSchema = z.strictObject({ id, label, source });

/**
 * When the return interview is due. `elapsed_hours` counts real hours, whatever the clocks do;
 * `working_days` ends at the end of the Nth working day after the (London) day of return, skipping
 * weekends and the bank holidays below.
 */
export const interviewDeadlineSchema = z.discriminatedUnion('basis', [
  z.strictObject({
    basis: z.literal('elapsed_hours'),
    hours: z
      .number()
      .int()
      .min(1)
      .max(24 * 28),
    source,
  }),
  z.strictObject({ basis: z.literal('working_days'), workingDays: z.number().int().min(1).max(20), source }),
]);
export type InterviewDeadline = z.infer<typeof interviewDeadlineSchema>;

function uniqueIds(items: readonly { id: string }[]): boolean {
  return new Set(items.map((i) => i.id)).size === items.length;
}

export const missingConfigSchema = z
  .strictObject({
    version: z.string().trim().min(1).max(40),
    source: source,
    /** Working days and months are counted on this calendar. Lantern serves England and Wales. */
    timeZone: z.literal(LONDON),
    interviewDeadline: interviewDeadlineSchema,
    bankHolidays: z.strictObject({
      region: z.literal('england-and-wales'),
      source,
      note: z.string().trim().min(1).max(1000),
      /** The last date the list is known to be complete for; deadlines after it carry a warning. */
      coversUntil: localDate,
      dates: z.array(z.strictObject({ date: localDate, name: label })).min(1),
    }),
    repeatEpisodes: z.strictObject({
      /** This many episodes (this one included) … */
      episodes: z.number().int().min(2).max(50),
      /** … reported within this many calendar days up to and including the day of this one. */
      withinDays: z.number().int().min(1).max(366),
      source,
    }),
    policeRiskGrades: z.strictObject({
      source,
      note: z.string().trim().min(1).max(1000),
      grades: z.array(optionSchema).min(1),
    }),
    protocolCategories: z.strictObject({ source, categories: z.array(optionSchema).min(1) }),
    /** Where the child was reported missing from. `placement: true` marks a care placement. */
    missingFrom: z.array(optionSchema.extend({ placement: z.boolean() })).min(1),
    howReturned: z.array(optionSchema).min(1),
    pushFactors: z.array(factorSchema).min(1),
    pullFactors: z.array(factorSchema).min(1),
  })
  .superRefine((config, ctx) => {
    const dates = config.bankHolidays.dates.map((d) => d.date);
    dates.forEach((date, i) => {
      // An impossible date is already reported by its own check.
      if (!isValidLocalDate(date)) return;
      if (isWeekend(date)) {
        ctx.addIssue({
          code: 'custom',
          path: ['bankHolidays', 'dates', i, 'date'],
          message: `${date} is a weekend: list the substitute weekday that is the bank holiday`,
        });
      }
      const previous = dates[i - 1];
      if (previous !== undefined && previous >= date) {
        ctx.addIssue({
          code: 'custom',
          path: ['bankHolidays', 'dates', i, 'date'],
          message: `${date} is out of order or repeated: keep the list sorted and unique`,
        });
      }
      if (date > config.bankHolidays.coversUntil) {
        ctx.addIssue({
          code: 'custom',
          path: ['bankHolidays', 'dates', i, 'date'],
          message: `${date} is after coversUntil (${config.bankHolidays.coversUntil})`,
        });
      }
    });
    const lists = {
      policeRiskGrades: config.policeRiskGrades.grades,
      protocolCategories: config.protocolCategories.categories,
      missingFrom: config.missingFrom,
      howReturned: config.howReturned,
      pushFactors: config.pushFactors,
      pullFactors: config.pullFactors,
    };
    for (const [name, items] of Object.entries(lists)) {
      if (!uniqueIds(items))
        ctx.addIssue({ code: 'custom', path: [name], message: `${name} has a repeated id` });
    }
    const pushIds = new Set(config.pushFactors.map((f) => f.id));
    for (const f of config.pullFactors) {
      if (pushIds.has(f.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['pullFactors'],
          message: `${f.id} is both a push and a pull factor`,
        });
      }
    }
  });

export type MissingConfig = z.infer<typeof missingConfigSchema>;

const DFE_2014 =
  'DfE (January 2014) Statutory guidance on children who run away or go missing from home or care, ' +
  '"Independent return interviews" (research note anchor-systems §4.4)';

/**
 * The shipped configuration, validated when this module loads so that a broken edit fails at start-up
 * rather than mid-shift. A partnership copies it, changes what its protocol says, and bumps the version.
 */
export const MISSING_CONFIG: MissingConfig = missingConfigSchema.parse({
  version: '2026.1',
  source:
    'Issue 7 (missing episodes and return home interviews); seeds 002 and 004; research note anchor-systems §4.4; ' +
    'sources per entry',
  timeZone: LONDON,
  interviewDeadline: {
    basis: 'elapsed_hours',
    hours: 72,
    source: `${DFE_2014}: the interview is offered within 72 hours of the child's return`,
  },
  bankHolidays: {
    region: 'england-and-wales',
    source: 'GOV.UK, "UK bank holidays", https://www.gov.uk/bank-holidays (England and Wales)',
    note:
      "England and Wales only. Scotland (for example 2 January and St Andrew's Day) and Northern Ireland " +
      "(St Patrick's Day, Battle of the Boyne) have different bank holidays, and Scotland has no Easter " +
      'Monday holiday: a partnership there needs its own list. GOV.UK publishes about two years ahead; the ' +
      'dates after the last published year follow the usual rules (Easter, first and last Mondays, ' +
      'substitute days) and must be checked when GOV.UK publishes them, as one-off holidays are added by ' +
      'proclamation.',
    coversUntil: '2028-12-31',
    dates: [
      { date: '2025-01-01', name: "New Year's Day" },
      { date: '2025-04-18', name: 'Good Friday' },
      { date: '2025-04-21', name: 'Easter Monday' },
      { date: '2025-05-05', name: 'Early May bank holiday' },
      { date: '2025-05-26', name: 'Spring bank holiday' },
      { date: '2025-08-25', name: 'Summer bank holiday' },
      { date: '2025-12-25', name: 'Christmas Day' },
      { date: '2025-12-26', name: 'Boxing Day' },
      { date: '2026-01-01', name: "New Year's Day" },
      { date: '2026-04-03', name: 'Good Friday' },
      { date: '2026-04-06', name: 'Easter Monday' },
      { date: '2026-05-04', name: 'Early May bank holiday' },
      { date: '2026-05-25', name: 'Spring bank holiday' },
      { date: '2026-08-31', name: 'Summer bank holiday' },
      { date: '2026-12-25', name: 'Christmas Day' },
      { date: '2026-12-28', name: 'Boxing Day (substitute day)' },
      { date: '2027-01-01', name: "New Year's Day" },
      { date: '2027-03-26', name: 'Good Friday' },
      { date: '2027-03-29', name: 'Easter Monday' },
      { date: '2027-05-03', name: 'Early May bank holiday' },
      { date: '2027-05-31', name: 'Spring bank holiday' },
      { date: '2027-08-30', name: 'Summer bank holiday' },
      { date: '2027-12-27', name: 'Christmas Day (substitute day)' },
      { date: '2027-12-28', name: 'Boxing Day (substitute day)' },
      { date: '2028-01-03', name: "New Year's Day (substitute day)" },
      { date: '2028-04-14', name: 'Good Friday' },
      { date: '2028-04-17', name: 'Easter Monday' },
      { date: '2028-05-01', name: 'Early May bank holiday' },
      { date: '2028-05-29', name: 'Spring bank holiday' },
      { date: '2028-08-28', name: 'Summer bank holiday' },
      { date: '2028-12-25', name: 'Christmas Day' },
      { date: '2028-12-26', name: 'Boxing Day' },
    ],
  },
  repeatEpisodes: {
    episodes: 3,
    withinDays: 90,
    source:
      'Issue 7 default (3 episodes in 90 days). Local protocols vary: one cited in anchor-systems §4.4 acts ' +
      'on two or more episodes',
  },
  policeRiskGrades: {
    source:
      'College of Policing, Authorised Professional Practice: Missing persons (risk assessment); HMICFRS ' +
      'glossary, "Missing person": a continuum of risk from no apparent risk (absent) to high risk',
    note:
      "The police's grading of the missing person report, recorded as the police gave it. It is not " +
      "Lantern's judgement of the child and decides nothing here: practitioners have warned that grading a " +
      'child who has been missing for days as "medium" minimises harm (seed 000, key theme 6).',
    grades: [
      {
        id: 'no_apparent_risk',
        label: 'No apparent risk',
        description: 'Police assessed no apparent risk of harm to the child or the public',
      },
      { id: 'low', label: 'Low risk', description: 'Police assessed risk of harm as possible but minimal' },
      {
        id: 'medium',
        label: 'Medium risk',
        description: 'Police assessed risk of harm as likely but not serious',
      },
      { id: 'high', label: 'High risk', description: 'Police assessed risk of serious harm as very likely' },
    ],
  },
  protocolCategories: {
    source:
      'The local runaway and missing from home and care protocol. "Absent" comes from the 2013 police ' +
      'definitions (not where expected, no apparent risk); HMIC (2016, "Missing children: who cares?") found ' +
      'children recorded as absent could receive no response, so Lantern treats both alike for every trigger',
    categories: [
      { id: 'missing', label: 'Missing', description: 'Whereabouts cannot be established (local protocol)' },
      {
        id: 'absent',
        label: 'Absent',
        description: 'Not where they are expected or required to be (local protocol)',
      },
    ],
  },
  missingFrom: [
    { id: 'home', label: 'Home (family or relatives)', placement: false },
    {
      id: 'care_placement',
      label: 'Care placement (foster, residential or supported accommodation)',
      placement: true,
    },
    { id: 'school', label: 'School or college', placement: false },
    { id: 'other', label: 'Somewhere else', placement: false },
  ],
  howReturned: [
    { id: 'came_back_themselves', label: 'Came back by themselves' },
    { id: 'found_by_police', label: 'Found by police' },
    { id: 'found_by_family_or_carers', label: 'Found or collected by family or carers' },
    {
      id: 'found_by_professional',
      label: 'Found or collected by a professional',
      description: 'For example a social worker, youth worker or placement staff',
    },
    {
      id: 'brought_back_by_someone_else',
      label: 'Brought back or dropped off by someone else',
      description: 'Record who under "who with": the person may be a person of concern',
    },
    { id: 'other', label: 'Other' },
  ],
  pushFactors: [
    {
      id: 'conflict_at_home',
      label: 'Conflict or arguments at home',
      source: 'Seed 002 (instability and insecure relationships with families; disrupted family life)',
    },
    {
      id: 'abuse_or_neglect_at_home',
      label: 'Abuse or neglect at home',
      source: `${DFE_2014} (risk factors in the home)`,
    },
    {
      id: 'domestic_abuse_at_home',
      label: 'Domestic abuse in the household',
      source: 'Seed 000 (witnessing domestic abuse at home)',
    },
    {
      id: 'placement_breakdown',
      label: 'Placement breaking down or ending',
      source: 'Seed 002 (living in residential care; instability); issue 7',
    },
    {
      id: 'placement_not_meeting_needs',
      label: 'Placement not meeting the child’s needs or not feeling safe there',
      source: 'Seed 003 §4.48–4.52 (out-of-area placements: what placements do when a child goes missing)',
    },
    {
      id: 'placed_far_from_home',
      label: 'Placed far from family, friends or school',
      source: 'Seed 003 §4.48–4.52 and Rec 19 (out-of-area placements: isolation, missing episodes rise)',
    },
    {
      id: 'not_listened_to',
      label: 'Not being listened to or involved in decisions about them',
      source: 'Seed 003 §4.28 (young people: not being heard could be a push factor)',
    },
    {
      id: 'feeling_unsafe_where_they_live',
      label: 'Feeling unsafe or at risk where they live',
      source:
        'Seed 002 and seed 001 §3.1 (running away can be a response to feeling at risk where they live)',
    },
    {
      id: 'bullying',
      label: 'Bullying, including sexual bullying, in person or online',
      source: 'Seed 002 (evidence of sexual bullying)',
    },
    {
      id: 'bereavement_or_loss',
      label: 'Bereavement or loss',
      source: 'Seed 002 (recent bereavement or loss)',
    },
    {
      id: 'education_difficulties',
      label: 'Difficulties at school, exclusion or being out of education',
      source: 'Seed 002 (disengagement from education); seed 001 §3.1 (being absent from school)',
    },
    {
      id: 'emotional_needs_unmet',
      label: 'Mental health or emotional needs not being met',
      source: 'Seed 002 (poor mental health; self-harm)',
    },
  ],
  pullFactors: [
    {
      id: 'groomed_with_gifts_or_money',
      label: 'Someone giving gifts, money, food or phone credit to groom the child',
      source: 'Seed 002 (methods: presents, food treats, rewards such as mobile phone top-ups)',
    },
    {
      id: 'supplied_drugs_or_alcohol',
      label: 'Someone supplying drugs or alcohol to the child',
      source:
        'Seed 002 (drug or alcohol misuse as a sign of exploitation); seed 001 §3.2 (methods used to coerce a child)',
    },
    {
      id: 'false_affection',
      label: 'Someone offering attention, affection or a “relationship” to exploit the child',
      source: 'Seed 002 (methods: attention, false promises of love and affection)',
    },
    {
      id: 'belonging_offered_by_group',
      label: 'A group offering a sense of belonging, status or protection in order to exploit the child',
      source: 'Seed 001 §3.1 (grooming in gangs and exploitation is strikingly similar); seed 002',
    },
    {
      id: 'threats_debt_or_coercion',
      label: 'Threats, debts or coercion from people exploiting the child',
      source: `Seed 001 §3.1 (being coerced to leave home); ${DFE_2014} (a child forced or lured to leave)`,
    },
    {
      id: 'sent_to_carry_or_sell_drugs',
      label: 'Being sent by others to carry or sell drugs (criminal exploitation, including county lines)',
      source: 'Seed 001 §3.1 (criminal exploitation); seed 003 §4.24–4.25 (drug carrying)',
    },
    {
      id: 'groomed_online',
      label: 'Online contact from someone grooming the child',
      source:
        'Seed 002 (exploitation online and offline); seed 003 §4.25 (instant messaging, a second phone)',
    },
    {
      id: 'drawn_in_through_peers',
      label: 'Other young people, themselves being exploited, used to draw the child in',
      source: 'Seed 002 (knows children already exploited; recruiting others; peer-on-peer exploitation)',
    },
    {
      id: 'place_used_by_adults_of_concern',
      label: 'A place where adults of concern host parties or offer somewhere to stay',
      source: 'Seed 004 (places and premises of concern; disruption, Appendix 2)',
    },
    {
      id: 'wanting_to_see_family_or_friends',
      label: 'Wanting to see family, friends or somewhere familiar',
      source: 'Seed 003 §4.48–4.52 (out-of-area placements); seed 001 §5.5 (circular journeys home)',
    },
  ],
} satisfies MissingConfig);

/** Looks up an option's label; falls back to the id so an old record never breaks a view. */
export function optionLabel(options: readonly { id: string; label: string }[], id: string): string {
  return options.find((o) => o.id === id)?.label ?? id;
}
