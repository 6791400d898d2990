import { syncInstruments } from '../assessment/instruments.ts';
import { DraftBody } from '../assessment/schemas.ts';
import { completeAssessment, saveDraft, startAssessment } from '../assessment/service.ts';
import { generatePlainLanguage, recordResponse } from '../plans/plain-language.ts';
import { PlanBody, ResponseBody } from '../plans/schemas.ts';
import { agreePlan, createPlan, setObjectiveStatus } from '../plans/service.ts';
import { type Cast, type DemoCtx, WHO, when } from './cast.ts';
import type { ChildIds } from './children.ts';
import type { EntryIds } from './records.ts';

const none = { type: 'factor_list', factors: [] };

/** Kayla's Risk Analysis Framework, by her lead worker: judgement with a rationale, never a score. */
export function kaylaRaf(entries: EntryIds) {
  return {
    answers: {
      'context.reason': { type: 'choice', value: 'first_analysis' },
      'dev.missing': { type: 'yes_no_unknown', value: 'yes', indicatorRef: 's-missing' },
      'dev.risk_factors': {
        type: 'factor_list',
        factors: [
          {
            id: 'f-hotel',
            kind: 'risk',
            domain: 'developmental_needs',
            description: 'An adult of 29 took Kayla to a hotel room; she believes she owes him for a phone.',
            indicatorRef: 's-older-controlling',
            evidence: [{ chronologyEntryId: entries['kayla-hotel'] }],
          },
        ],
      },
      'dev.protective_factors': {
        type: 'factor_list',
        factors: [
          {
            id: 'f-art',
            kind: 'protective',
            domain: 'developmental_needs',
            description: 'Goes to art every morning and talks to her art teacher, whom she trusts.',
            indicatorRef: 'p-trusted-adult',
            evidence: [{ chronologyEntryId: entries['kayla-school'] }],
          },
        ],
      },
      'parenting.risk_factors': none,
      'parenting.protective_factors': {
        type: 'factor_list',
        factors: [
          {
            id: 'f-nan',
            kind: 'protective',
            domain: 'parenting_capacity',
            description: 'Her nan reports every time Kayla is missing and wants help to keep her safe.',
            evidence: [{ chronologyEntryId: entries['kayla-school'] }],
          },
        ],
      },
      'env.risk_factors': {
        type: 'factor_list',
        factors: [
          {
            id: 'f-takeaway',
            kind: 'risk',
            domain: 'family_and_environment',
            description: 'Adults linked to the hotel also gather at a takeaway near her school.',
            evidence: [{ chronologyEntryId: entries['kayla-hotel'] }],
          },
        ],
      },
      'env.protective_factors': none,
    },
    analysis:
      'Kayla is being sexually exploited by an adult who uses gifts, a sense of debt and lifts to control her. The harm happens at a hotel and is arranged from a takeaway where other children are also seen.',
    balance:
      'Her nan, her art teacher and her worker are strong protective factors, but they do not yet outweigh the harm from Dale Crowthorne while he can still reach her.',
    needsToChange:
      'Dale Crowthorne’s access to Kayla is stopped; the hotel stops letting rooms to him; Kayla has safe adults to call at any hour.',
    judgement: {
      level: 'significant',
      rationale:
        'An adult has sexually abused Kayla and still has contact with her. Disruption has started but is not yet in place.',
    },
    harm: {
      status: 'known',
      kinds: ['sexual'],
      description: 'Kayla has been sexually abused at the Brackenfold Hotel by an adult who exploits her.',
    },
    voices: {
      child: {
        status: 'given',
        inTheirOwnWords: true,
        words: 'I just want things to go back to normal. I want to do my art and see my brother.',
        howExpressed: 'spoken',
        on: when.day(27),
      },
      parentsCarers: [
        {
          status: 'given',
          person: 'Maureen Thistlewood',
          relationship: 'Grandmother',
          view: 'Wants Kayla home every night and the man stopped from contacting her.',
        },
      ],
      agencies: [
        {
          status: 'given',
          agency: 'Fernbridge Academy',
          view: 'Attendance is improving; art is a strength.',
        },
      ],
    },
  };
}

/** A MACE risk assessment: one tool for sexual and criminal exploitation, alongside the statutory plan. */
export function maceAssessment(
  entryId: string,
  o: {
    exploitation: string;
    plan: string;
    risk: string;
    protective: string;
    persons: string;
    tasks: string;
    analysis: string;
    balance: string;
    needsToChange: string;
    level: string;
    rationale: string;
    harm: { status: string; kinds: string[]; description: string };
    voice: string;
    carer: { person: string; relationship: string; view: string };
  },
) {
  return {
    analysis: o.analysis,
    balance: o.balance,
    needsToChange: o.needsToChange,
    judgement: { level: o.level, rationale: o.rationale },
    harm: o.harm,
    voices: {
      child: {
        status: 'given',
        inTheirOwnWords: true,
        words: o.voice,
        howExpressed: 'spoken',
        on: when.day(10),
      },
      parentsCarers: [{ status: 'given', ...o.carer }],
      agencies: [],
    },
    answers: {
      'mace.exploitation': { type: 'choice', value: o.exploitation },
      'mace.statutory_plan': { type: 'choice', value: o.plan },
      'mace.risk_factors': {
        type: 'factor_list',
        factors: [
          {
            id: 'm-risk',
            kind: 'risk',
            domain: 'family_and_environment',
            description: o.risk,
            evidence: [{ chronologyEntryId: entryId }],
          },
        ],
      },
      'mace.protective_factors': {
        type: 'factor_list',
        factors: [
          {
            id: 'm-protective',
            kind: 'protective',
            domain: 'developmental_needs',
            description: o.protective,
            evidence: [{ chronologyEntryId: entryId }],
          },
        ],
      },
      'mace.connections.persons': { type: 'long_text', value: o.persons },
      'mace.tasks': { type: 'long_text', value: o.tasks },
    },
  };
}

export const KAYLA_MACE = {
  exploitation: 'sexual',
  plan: 'child_protection',
  risk: 'Dale Crowthorne (29) books hotel rooms and drives Kayla there in a silver car.',
  protective: 'Kayla trusts her nan and her specialist worker and uses her code word.',
  persons: 'Dale Crowthorne, adult man, 29; a second unnamed man who works at Marlpit Chicken & Pizza.',
  tasks: 'Police: serve a CAWN on Dale Crowthorne. Licensing: information request to the Brackenfold Hotel.',
  analysis:
    'Kayla is sexually exploited by an adult who controls her through gifts and a sense of debt; the same adults are seen with other children at the takeaway.',
  balance: 'Her nan and her worker protect her, but the adult can still reach her by phone and car.',
  needsToChange: 'The adult is stopped from contacting Kayla and the hotel and takeaway are disrupted.',
  level: 'significant',
  rationale: 'Harm is known and the person causing it has not yet been stopped.',
  harm: {
    status: 'known',
    kinds: ['sexual'],
    description: 'Sexual abuse at the Brackenfold Hotel by an adult who exploits her.',
  },
  voice: 'I don’t want him to know I told you. I want my phone number changed.',
  carer: {
    person: 'Maureen Thistlewood',
    relationship: 'Grandmother',
    view: 'Wants the police to stop him and Kayla to feel safe at home.',
  },
};

export const JAYDEN_MACE = {
  exploitation: 'criminal',
  plan: 'child_in_need',
  risk: 'Older young men at Wrenfield Park hand Jayden bags to carry and say he owes them money.',
  protective: 'Close to his grandad; goes to football training every week.',
  persons: 'Three older young men seen at the skate park; one known as "Ricks".',
  tasks: 'Youth Justice: weekly sessions. Police: patrols at the skate park and a check of the phones.',
  analysis:
    'Jayden is being used by older young men, and probably an adult above them, to carry drugs; a debt is used to keep him doing it.',
  balance: 'His grandad and his football coach are protective; the debt and threats outweigh them for now.',
  needsToChange: 'The group at the skate park is disrupted and the debt is no longer used to control Jayden.',
  level: 'moderate',
  rationale: 'Criminal exploitation is suspected, not yet confirmed; his family and coach are engaged.',
  harm: {
    status: 'suspected',
    kinds: ['criminal'],
    description: 'Suspected to be made to carry drugs by an older group at Wrenfield Park.',
  },
  voice: 'I can handle it. I just don’t want my grandad to get hurt.',
  carer: {
    person: 'Desmond Pellworth',
    relationship: 'Grandfather',
    view: 'Frightened for Jayden; wants the older boys kept away from him.',
  },
};

async function assess(ctx: DemoCtx, childId: string, instrumentId: string, content: unknown) {
  const { id } = await startAssessment(ctx, childId, { instrumentId, instrumentVersion: '2025.1' });
  await saveDraft(ctx, childId, id, DraftBody.parse(content));
  await completeAssessment(ctx, childId, id);
  return id;
}

/** Kayla's safety and support plan: disruption aimed at the adults, goals in her own words. */
export function kaylaPlan(u: { alex: string; dan: string; leo: string }) {
  const objective = (
    id: string,
    aim: string,
    owner: string,
    userId: string,
    agency: string,
    due: number,
  ) => ({
    id,
    aim,
    owner: { name: owner, userId },
    agency: { name: agency },
    dueDate: when.day(-due),
    status: { status: 'not_started' },
  });
  return {
    reviewDate: when.day(-28),
    howWeWillKnow:
      'Dale Crowthorne has no contact with Kayla, the hotel refuses him rooms, and Kayla tells us she feels safer.',
    sections: {
      keeping_safe_now: {
        objectives: [
          objective(
            'o-code-word',
            'Alex agrees a code word with Kayla and collects her at any hour when she uses it.',
            'Alex Morgan',
            u.alex,
            'Fernbridge Children’s Services',
            7,
          ),
        ],
      },
      disruption_and_investigation: {
        objectives: [
          objective(
            'o-cawn',
            'Police serve a Child Abduction Warning Notice on Dale Crowthorne.',
            'Dan Hughes',
            u.dan,
            'Fernbridge Police',
            5,
          ),
          objective(
            'o-hotel',
            'Police and licensing ask the Brackenfold Hotel for its guest records and train its staff.',
            'Dan Hughes',
            u.dan,
            'Fernbridge Police',
            21,
          ),
        ],
      },
      support_and_therapeutic_help: {
        objectives: [
          objective(
            'o-advocate',
            'Safe Steps offers Kayla weekly art sessions with her specialist worker, at her pace.',
            'Leo Marsh',
            u.leo,
            'Safe Steps Fernbridge',
            14,
          ),
        ],
      },
      young_persons_goals: {
        objectives: [
          {
            ...objective(
              'g-art',
              'I want to do art at college and take my brother swimming.',
              'Alex Morgan',
              u.alex,
              'Fernbridge Children’s Services',
              60,
            ),
            inTheirOwnWords: true,
          },
        ],
      },
    },
  };
}

/** What Kayla said about her plain-language plan, read with her advocate. */
export const kaylaResponse = () => ({
  sawItOn: when.day(1),
  howShared: 'with_an_advocate',
  hadTimeToQuestion: true,
  said: {
    status: 'in_their_words',
    words: 'I like that it says about my art. I don’t want the police coming to my nan’s.',
  },
  viewsFollowed: 'partly',
  whyNot:
    'The police need to visit once to serve the notice; Alex will be there and it will be after school.',
});

/** Assessments (RAF and MACE risk assessment), Kayla's plan, agreed, with a plain-language version. */
export async function createPlanning(as: Cast, children: ChildIds, entries: EntryIds) {
  const alex = await as(WHO.alex);
  // The instruments are published when the server starts; the demo may load before (`lantern demo`).
  await syncInstruments(alex.db);
  const kayla = children.kayla as string;
  const jayden = children.jayden as string;
  await assess(alex, kayla, 'raf', kaylaRaf(entries));
  await assess(
    alex,
    kayla,
    'mace-risk-assessment',
    maceAssessment(entries['kayla-hotel'] as string, KAYLA_MACE),
  );
  await assess(
    alex,
    jayden,
    'mace-risk-assessment',
    maceAssessment(entries['jayden-park'] as string, JAYDEN_MACE),
  );

  const u = {
    alex: alex.user.id,
    dan: (await as(WHO.dan)).user.id,
    leo: (await as(WHO.leo)).user.id,
  };
  const { id: planId } = await createPlan(alex, kayla, PlanBody.parse(kaylaPlan(u)));
  // Done since: the code word was agreed, and the CAWN was served (see the disruption tracker).
  await setObjectiveStatus(alex, kayla, planId, 'o-code-word', { status: 'done', doneOn: when.day(6) });
  await setObjectiveStatus(alex, kayla, planId, 'o-cawn', { status: 'done', doneOn: when.day(3) });
  await agreePlan(alex, kayla, planId);
  const { document } = await generatePlainLanguage(alex, kayla, planId);
  if (document) await recordResponse(alex, kayla, planId, document.id, ResponseBody.parse(kaylaResponse()));
  return { assessments: 3, plans: 1 };
}
