import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CLOSURE_REASON_NAMES,
  CLOSURE_REASONS,
  EXCHANGE_GAINERS,
  FLAG_KIND_NAMES,
  FLAG_KINDS,
  FLAG_SETTINGS,
  HARM_STATUS_NAMES,
  HARM_STATUSES,
  NOT_YET_ENGAGED,
  NOT_YET_ENGAGED_NAME,
  NOTE_TYPE_NAMES,
  NOTE_TYPES,
  VERIFICATION_NAMES,
  VERIFICATION_STATUSES,
} from '../../domain/children/case-record.ts';
import {
  CARE_STATUS_NAMES,
  CARE_STATUSES,
  PERSON_ROLE_NAMES,
  PERSON_ROLES,
  PROFESSIONAL_KIND_NAMES,
  PROFESSIONAL_KINDS,
} from '../../domain/children/record.ts';
import {
  DECISION_RULES,
  HARM_KIND_NAMES,
  HARM_KINDS,
  IMMEDIATE_DANGER_GUIDANCE,
  SCREENING_DECISIONS,
  STATUTORY_STATUS_NAMES,
  STATUTORY_STATUSES,
} from '../../domain/referrals/decisions.ts';
import {
  INDICATOR_GROUP_NAMES,
  INDICATOR_GROUPS,
  INDICATOR_GUIDE,
} from '../../domain/referrals/indicator-guide.ts';
import { TIMESCALES } from '../../domain/referrals/timescales.ts';
import type { AppContext } from '../context.ts';
import { signedIn } from '../http/access.ts';

const Option = z.object({ value: z.string(), label: z.string() });
const options = <T extends string>(values: readonly T[], names: Record<T, string>) =>
  values.map((value) => ({ value, label: names[value] }));

/** The options and guidance a web form needs for referrals and the case record, from the domain data. */
export function caseReferenceRoutes(app: FastifyInstance, _ctx: AppContext) {
  app.withTypeProvider<ZodTypeProvider>().get('/api/reference/case-record', {
    config: signedIn(),
    schema: {
      tags: ['reference'],
      summary:
        'Options for referrals and the case record: indicator guide, decisions, closure reasons, note types and more',
      response: {
        200: z.object({
          indicatorGuide: z.object({
            version: z.string(),
            title: z.string(),
            usage: z.string(),
            groups: z.array(Option),
            items: z.array(
              z.object({
                id: z.string(),
                group: z.string(),
                text: z.string(),
                evidenceNote: z.string(),
                source: z.string(),
              }),
            ),
          }),
          immediateDanger: z.object({ title: z.string(), steps: z.array(z.string()) }),
          harmKinds: z.array(Option),
          screeningDecisions: z.array(
            z.object({
              value: z.string(),
              label: z.string(),
              description: z.string(),
              setsStatus: z.string().nullable(),
              requiresAdvice: z.boolean(),
              tasks: z.array(z.object({ kind: z.string(), title: z.string(), dueInWorkingDays: z.number() })),
            }),
          ),
          statutoryStatuses: z.array(Option),
          closureReasons: z.array(Option),
          keepOpenOption: z.object({ value: z.string(), label: z.string(), explanation: z.string() }),
          noteTypes: z.array(Option),
          verificationStatuses: z.array(Option),
          flagKinds: z.array(Option),
          exchangeGainers: z.array(z.string()),
          flagSettings: z.array(z.string()),
          harmStatuses: z.array(Option),
          personRoles: z.array(Option),
          careStatuses: z.array(Option),
          professionalKinds: z.array(Option),
          timescales: z.object({ version: z.string(), screeningDecisionWorkingDays: z.number() }),
        }),
      },
    },
    handler: async () => ({
      indicatorGuide: {
        version: INDICATOR_GUIDE.version,
        title: INDICATOR_GUIDE.title,
        usage: INDICATOR_GUIDE.usage,
        groups: options(INDICATOR_GROUPS, INDICATOR_GROUP_NAMES),
        items: INDICATOR_GUIDE.items.map((i) => ({ ...i })),
      },
      immediateDanger: {
        title: IMMEDIATE_DANGER_GUIDANCE.title,
        steps: [...IMMEDIATE_DANGER_GUIDANCE.steps],
      },
      harmKinds: options(HARM_KINDS, HARM_KIND_NAMES),
      screeningDecisions: SCREENING_DECISIONS.map((value) => {
        const rule = DECISION_RULES[value];
        return {
          value,
          label: rule.name,
          description: rule.description,
          setsStatus: rule.setsStatus,
          requiresAdvice: rule.requiresAdvice,
          tasks: rule.tasks.map((t) => ({ ...t })),
        };
      }),
      statutoryStatuses: options(STATUTORY_STATUSES, STATUTORY_STATUS_NAMES),
      closureReasons: options(CLOSURE_REASONS, CLOSURE_REASON_NAMES),
      keepOpenOption: {
        value: NOT_YET_ENGAGED,
        label: NOT_YET_ENGAGED_NAME,
        explanation:
          'The case stays open and the lead worker gets an outreach action: the service keeps looking for a way to reach the child.',
      },
      noteTypes: options(NOTE_TYPES, NOTE_TYPE_NAMES),
      verificationStatuses: options(VERIFICATION_STATUSES, VERIFICATION_NAMES),
      flagKinds: options(FLAG_KINDS, FLAG_KIND_NAMES),
      exchangeGainers: [...EXCHANGE_GAINERS],
      flagSettings: [...FLAG_SETTINGS],
      harmStatuses: options(HARM_STATUSES, HARM_STATUS_NAMES),
      personRoles: options(PERSON_ROLES, PERSON_ROLE_NAMES),
      careStatuses: options(CARE_STATUSES, CARE_STATUS_NAMES),
      professionalKinds: options(PROFESSIONAL_KINDS, PROFESSIONAL_KIND_NAMES),
      timescales: {
        version: TIMESCALES.version,
        screeningDecisionWorkingDays: TIMESCALES.screeningDecisionWorkingDays,
      },
    }),
  });
}
