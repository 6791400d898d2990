import { describe, expect, it } from 'vitest';
import {
  amend,
  amendedVersionReason,
  decisionProblem,
  mayAmendRecord,
  mayDecide,
  mayWithdraw,
  placeholderIn,
  spanProblem,
  whyNotDecide,
  wordingProblem,
} from './challenges.ts';

const TEXT = 'Ruby absconded from Larch House at 22:00 and was found at Fernbridge station.';
const span = (text: string, from = TEXT) => ({
  start: from.indexOf(text),
  end: from.indexOf(text) + text.length,
  text,
});

describe('challenge spans', () => {
  it('accepts the words as they are at that place', () => {
    expect(spanProblem(TEXT, span('absconded'))).toBeNull();
  });

  it('names the field that is wrong', () => {
    expect(spanProblem(TEXT, { start: 5, end: 4, text: '' })?.path).toBe('span.end');
    expect(spanProblem(TEXT, { start: -1, end: 4, text: 'Ruby' })?.path).toBe('span.start');
    expect(spanProblem(TEXT, { start: 0, end: 500, text: 'x' })?.path).toBe('span.end');
    expect(spanProblem(TEXT, { start: 0, end: 4, text: 'Rubi' })?.path).toBe('span.text');
    expect(spanProblem('a   b', { start: 1, end: 3, text: '  ' })?.path).toBe('span.text');
  });
});

describe('wording', () => {
  it('refuses a placeholder left to fill in, and empty wording', () => {
    expect(placeholderIn('is being exploited by [who]')).toBe('[who]');
    expect(placeholderIn('has been [what she did]')).toBe('[what she did]');
    expect(placeholderIn('child sexual abuse material (CSAM)')).toBeNull();
    expect(wordingProblem('suggestedWording', 'went missing from [placement]')?.message).toMatch(
      /\[placement\]/,
    );
    expect(wordingProblem('suggestedWording', '  ')?.message).toBe('must not be empty');
    expect(wordingProblem('suggestedWording', 'went missing')).toBeNull();
  });
});

describe('amending the text', () => {
  it('replaces the challenged words where they were', () => {
    const result = amend(TEXT, span('absconded'), 'went missing');
    expect(result).toEqual({
      ok: true,
      text: 'Ruby went missing from Larch House at 22:00 and was found at Fernbridge station.',
      start: 5,
      end: 17,
      moved: false,
    });
  });

  it('follows the words when the record has moved on, to the nearest place they now are', () => {
    const moved = `On Friday, ${TEXT} Staff said she absconded again.`;
    const result = amend(moved, span('absconded'), 'went missing');
    expect(result.ok && result.text).toBe(
      `On Friday, Ruby went missing from Larch House at 22:00 and was found at Fernbridge station. Staff said she absconded again.`,
    );
    expect(result.ok && result.moved).toBe(true);
  });

  it('cannot apply when the words have gone', () => {
    expect(amend('Ruby went missing on Friday.', span('absconded'), 'went missing')).toEqual({
      ok: false,
      reason: 'words_gone',
    });
  });

  it('replaces the whole text when the challenge has no span', () => {
    const whole = { start: 0, end: TEXT.length, text: TEXT };
    expect(amend(TEXT, whole, 'Ruby went missing.')).toMatchObject({ ok: true, text: 'Ruby went missing.' });
  });
});

describe('who may do what', () => {
  const author = { userId: 'u-author', agencyId: 'a-csc', roles: ['practitioner'] };
  const manager = { userId: 'u-manager', agencyId: 'a-csc', roles: ['manager'] };
  const otherManager = { userId: 'u-other', agencyId: 'a-police', roles: ['manager'] };
  const colleague = { userId: 'u-colleague', agencyId: 'a-csc', roles: ['practitioner'] };
  const note = { authorUserId: 'u-author', authorAgencyId: 'a-csc' };
  const open = { status: 'open' as const, raisedBy: 'u-colleague' };

  it('the author or a manager in the author’s agency decides; nobody else', () => {
    expect(mayDecide(author, note, open)).toBe(true);
    expect(mayDecide(manager, note, open)).toBe(true);
    expect(mayDecide(otherManager, note, open)).toBe(false);
    expect(mayAmendRecord(colleague, note)).toBe(false);
  });

  it('never the person who raised it, and only while open', () => {
    const raisedByManager = { status: 'open' as const, raisedBy: 'u-manager' };
    expect(mayDecide(manager, note, raisedByManager)).toBe(false);
    expect(whyNotDecide(manager, note, raisedByManager)).toMatch(/you raised this challenge/);
    expect(mayDecide(author, note, { ...open, status: 'declined' })).toBe(false);
  });

  it('the raiser withdraws while open', () => {
    expect(mayWithdraw(colleague, open)).toBe(true);
    expect(mayWithdraw(author, open)).toBe(false);
    expect(mayWithdraw(colleague, { ...open, status: 'accepted' })).toBe(false);
  });
});

describe('decisions', () => {
  it('a decline needs a reason', () => {
    expect(decisionProblem({ decision: 'decline' })?.path).toBe('reason');
    expect(decisionProblem({ decision: 'decline', reason: ' ' })?.path).toBe('reason');
    expect(decisionProblem({ decision: 'decline', reason: 'The words are Ruby’s own.' })).toBeNull();
    expect(decisionProblem({ decision: 'decline', reason: 'x', wording: 'y' })?.path).toBe('wording');
  });

  it('an acceptance may change the wording, but not leave a placeholder', () => {
    expect(decisionProblem({ decision: 'accept' })).toBeNull();
    expect(decisionProblem({ decision: 'accept', wording: 'was taken by [who]' })?.path).toBe('wording');
  });

  it('records why the version was made', () => {
    expect(amendedVersionReason('It blames Ruby.')).toBe(
      'Wording amended after a challenge: It blames Ruby.',
    );
    expect(amendedVersionReason('x'.repeat(3000))).toHaveLength(2000);
  });
});
