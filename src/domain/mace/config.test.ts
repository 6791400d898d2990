import { describe, expect, it } from 'vitest';
import {
  labelOf,
  MEETING_TYPES,
  MEETINGS_CONFIG,
  type MeetingsConfig,
  meetingsConfigSchema,
  STATUTORY_PLANS,
  TRIAGE_RULES,
} from './config.ts';

function clone(): MeetingsConfig {
  return structuredClone(MEETINGS_CONFIG);
}

function messages(config: unknown): string[] {
  const result = meetingsConfigSchema.safeParse(config);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('the shipped configuration', () => {
  it('is valid', () => {
    expect(messages(MEETINGS_CONFIG)).toEqual([]);
    expect(MEETINGS_CONFIG.version).toMatch(/^\d{4}\.\d+$/);
  });

  it('has terms of reference for every meeting type, each purpose with a source', () => {
    for (const type of MEETING_TYPES) {
      const t = MEETINGS_CONFIG.meetingTypes[type];
      expect(t.termsOfReference.purpose.length).toBeGreaterThan(0);
      for (const p of [...t.termsOfReference.purpose, ...t.termsOfReference.outputs]) {
        expect(p.source.length, `${type}: ${p.text}`).toBeGreaterThan(10);
      }
      for (const agency of t.termsOfReference.quorum.agencies) {
        expect(t.termsOfReference.coreAgencies).toContain(agency);
      }
    }
  });

  it('draws the MACE purposes from seed 004 and the chair from seed 003 Rec 16', () => {
    const mace = MEETINGS_CONFIG.meetingTypes.mace.termsOfReference;
    expect(mace.purpose.filter((p) => p.source.includes('Seed 004')).length).toBeGreaterThanOrEqual(2);
    expect(mace.purpose.map((p) => p.text).join(' ')).toMatch(/persons of concern, places and premises/);
    expect(mace.chair.source).toMatch(/Rec 16/);
    expect(mace.viceChair?.source).toMatch(/Rec 16/);
    expect(MEETINGS_CONFIG.meetingTypes.mace_triage.termsOfReference.purpose[0]?.source).toMatch(/Seed 004/);
  });

  it('is monthly for triage and MACE, as needed for strategy meetings', () => {
    expect(MEETINGS_CONFIG.meetingTypes.mace.cadence.kind).toBe('monthly');
    expect(MEETINGS_CONFIG.meetingTypes.mace_triage.cadence.kind).toBe('monthly');
    expect(MEETINGS_CONFIG.meetingTypes.strategy.cadence.kind).toBe('as_needed');
  });

  it('lets the young person and family take part in their own meetings only', () => {
    expect(MEETINGS_CONFIG.meetingTypes.strategy.youngPersonAndFamilyTakePart).toBe(true);
    expect(MEETINGS_CONFIG.meetingTypes.review.youngPersonAndFamilyTakePart).toBe(true);
    expect(MEETINGS_CONFIG.meetingTypes.mace.youngPersonAndFamilyTakePart).toBe(false);
    expect(MEETINGS_CONFIG.meetingTypes.mace_triage.youngPersonAndFamilyTakePart).toBe(false);
  });

  it('has a source for every triage rule', () => {
    for (const rule of TRIAGE_RULES)
      expect(MEETINGS_CONFIG.triage.rules[rule].source.length).toBeGreaterThan(5);
  });

  it('lists the lawful bases the seeds and the issue name, consent first', () => {
    const ids = MEETINGS_CONFIG.lawfulBases.map((b) => b.id);
    expect(ids[0]).toBe('consent');
    expect(ids).toEqual(
      expect.arrayContaining([
        'public_interest_significant_harm',
        'children_act_1989_s47',
        'children_act_1989_s17',
        'crime_and_disorder_act_1998_s115',
        'uk_gdpr_public_task_safeguarding',
      ]),
    );
    expect(MEETINGS_CONFIG.lawfulBases.filter((b) => b.isConsent).map((b) => b.id)).toEqual(['consent']);
  });

  it('names every statutory plan and follows seed 004 for the plans MACE runs alongside', () => {
    for (const plan of STATUTORY_PLANS) expect(MEETINGS_CONFIG.statutoryPlans.names[plan]).toBeTruthy();
    expect(MEETINGS_CONFIG.statutoryPlans.qualifying).toEqual([
      'child_in_need',
      'child_protection',
      'looked_after',
    ]);
    expect(MEETINGS_CONFIG.statutoryPlans.source).toMatch(/Seed 004/);
  });

  it('escalates overdue actions to the chair and the owner’s manager', () => {
    expect(MEETINGS_CONFIG.actions.notify).toEqual(['meeting_chair', 'owner_manager']);
  });
});

describe('the configuration schema refuses', () => {
  it('a quorum agency that is not a core agency', () => {
    const c = clone();
    c.meetingTypes.review.termsOfReference.quorum.agencies = ['childrens_social_care', 'housing'];
    expect(messages(c)).toEqual([
      'meetingTypes.review.termsOfReference.quorum.agencies: housing is needed for quorum but is not a core agency of the review meeting',
    ]);
  });

  it('a repeated id in a list', () => {
    const c = clone();
    c.lawfulBases.push({ ...(c.lawfulBases[1] as MeetingsConfig['lawfulBases'][number]) });
    expect(messages(c)).toContain('lawfulBases: lawfulBases has a repeated id');
    const d = clone();
    d.triage.levelsOfConcern.push({ id: 'mild', label: 'Mild again' });
    expect(messages(d)).toContain('triage.levelsOfConcern: triage.levelsOfConcern has a repeated id');
  });

  it('lawful bases without consent', () => {
    const c = clone();
    c.lawfulBases = c.lawfulBases.filter((b) => !b.isConsent);
    expect(messages(c).join('\n')).toMatch(/must include consent/);
  });

  it('a repeated qualifying plan', () => {
    const c = clone();
    c.statutoryPlans.qualifying = ['looked_after', 'looked_after'];
    expect(messages(c)).toContain('statutoryPlans.qualifying: statutoryPlans.qualifying has a repeated plan');
  });

  it('a missing meeting type, an unknown key, a bad threshold, an unknown role or agency', () => {
    const missing = clone() as unknown as { meetingTypes: Record<string, unknown> };
    delete missing.meetingTypes.review;
    expect(messages(missing).join('\n')).toMatch(/meetingTypes\.review/);

    const extra = { ...clone(), colour: 'blue' };
    expect(messages(extra).join('\n')).toMatch(/colour/);

    const threshold = clone();
    threshold.triage.rules.linked_children_on_list.minimum = 1;
    expect(messages(threshold).join('\n')).toMatch(/linked_children_on_list\.minimum/);

    const role = clone() as unknown as {
      meetingTypes: { mace: { termsOfReference: { chair: { roles: string[] } } } };
    };
    role.meetingTypes.mace.termsOfReference.chair.roles = ['boss'];
    expect(messages(role).join('\n')).toMatch(/chair\.roles/);

    const agency = clone() as unknown as {
      meetingTypes: { mace: { termsOfReference: { coreAgencies: string[] } } };
    };
    agency.meetingTypes.mace.termsOfReference.coreAgencies.push('church');
    expect(messages(agency).join('\n')).toMatch(/coreAgencies/);
  });

  it('an empty purpose or a purpose without a source', () => {
    const c = clone();
    c.meetingTypes.mace.termsOfReference.purpose = [];
    expect(messages(c).join('\n')).toMatch(/purpose/);
    const d = clone() as unknown as {
      meetingTypes: { mace: { termsOfReference: { purpose: { text: string }[] } } };
    };
    d.meetingTypes.mace.termsOfReference.purpose = [{ text: 'Meet.' }];
    expect(messages(d).join('\n')).toMatch(/purpose\.0\.source/);
  });
});

describe('labelOf', () => {
  it('finds a label and falls back to the id', () => {
    expect(labelOf(MEETINGS_CONFIG.triage.levelsOfConcern, 'severe')).toBe('Severe');
    expect(labelOf(MEETINGS_CONFIG.triage.levelsOfConcern, 'amber')).toBe('amber');
  });
});
