import { describe, expect, it } from 'vitest';
import { EMPTY_DRAFT, fieldStep, requestBody } from './draft.tsx';

describe('the referral request', () => {
  const draft = {
    ...EMPTY_DRAFT,
    immediateDanger: false,
    child: {
      ...EMPTY_DRAFT.child,
      givenName: 'Keira',
      familyName: 'Ashworth',
      knownAs: 'Kiki, K ',
      estimatedAge: '14',
    },
    narrative: 'What was seen.',
    seenOrHeardBy: 'Head of year',
    happenedOn: { day: '20', month: '11', year: '2025' },
    harmKinds: ['sexual'],
    prompts: ['s-missing'],
    observations: {},
    childKnows: true,
    familyKnows: false,
  };

  it('sends the description, with a choice not made left out for the server to ask for', () => {
    const body = requestBody(draft) as Record<string, unknown>;
    expect(body.child).toMatchObject({ givenName: 'Keira', knownAs: ['Kiki', 'K'], estimatedAge: 14 });
    expect(body.onlineElement).toBeUndefined();
    expect(body.withoutConsentReason).toBeUndefined();
    expect(body.childId).toBeUndefined();
  });

  it('dates a ticked prompt with what happened unless the referrer gave its own date', () => {
    const body = requestBody(draft) as { observations: { indicatorId: string; observedOn: string }[] };
    expect(body.observations).toEqual([
      { indicatorId: 's-missing', observedOn: '2025-11-20', note: undefined },
    ]);
  });

  it('sends an existing record instead of the description when the referrer picked one', () => {
    const existing = {
      id: '6f1c4c56-1111-4a4a-9a9a-123456789abc',
      displayName: 'Keira Ashworth',
      knownAs: [],
      dateOfBirth: null,
      dateOfBirthEstimated: false,
      school: null,
      caseStatus: 'open',
    };
    const body = requestBody({ ...draft, existingChild: existing }) as Record<string, unknown>;
    expect(body.childId).toBe(existing.id);
    expect(body.child).toBeUndefined();
  });

  it('knows which question each field the server names is on', () => {
    expect(fieldStep('child.dateOfBirth')).toBe('child');
    expect(fieldStep('seenOrHeardBy')).toBe('what-happened');
    expect(fieldStep('observations.s-missing.observedOn')).toBe('prompts');
    expect(fieldStep('withoutConsentReason')).toBe('consent');
  });
});
