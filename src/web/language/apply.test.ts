import { describe, expect, it } from 'vitest';
import { checkText } from '../../domain/language/index.ts';
import { applySuggestion, context, locate, splitSuggestion } from './apply.ts';

const SENTENCE = 'She is putting herself at risk with her boyfriend who is 24';
const [risk, boyfriend] = checkText(SENTENCE).findings;
if (!risk || !boyfriend) throw new Error('the library no longer flags the example sentence');

describe('using a suggestion', () => {
  it('replaces the flagged words, without doubling the word the suggestion starts with', () => {
    expect(applySuggestion(SENTENCE, risk, 'is being exploited by [who]')).toEqual({
      text: 'She is being exploited by [who] with her boyfriend who is 24',
      // The placeholder is selected, ready to be typed over.
      selectionStart: 26,
      selectionEnd: 31,
    });
    expect(applySuggestion(SENTENCE, risk, 'is at risk of harm from [who]')?.text).toBe(
      'She is at risk of harm from [who] with her boyfriend who is 24',
    );
  });

  it('lets an article replace the possessive before a person', () => {
    expect(applySuggestion(SENTENCE, boyfriend, 'an adult who is sexually exploiting her')).toEqual({
      text: 'She is putting herself at risk with an adult who is sexually exploiting her who is 24',
      selectionStart: 36,
      selectionEnd: 75,
    });
    // Otherwise the words before stay as they are.
    expect(applySuggestion(SENTENCE, boyfriend, 'a person of concern, [name], aged [age]')?.text).toBe(
      'She is putting herself at risk with a person of concern, [name], aged [age] who is 24',
    );
  });

  it('keeps a capital at the start of a sentence', () => {
    const text = 'Hard to engage at the moment.';
    const [finding] = checkText(text).findings;
    expect(finding?.text).toBe('Hard to engage');
    expect(applySuggestion(text, finding ?? risk, 'was not ready to talk at that time')?.text).toBe(
      'Was not ready to talk at that time at the moment.',
    );
  });

  it('finds the words again after the person has typed before them, or gives up if they are gone', () => {
    const typed = `Monday. ${SENTENCE}`;
    expect(locate(typed, risk)).toEqual({ start: 15, end: 38 });
    expect(applySuggestion(typed, risk, 'is being exploited by [who]')?.text).toBe(
      'Monday. She is being exploited by [who] with her boyfriend who is 24',
    );
    expect(locate('She is safe now.', risk)).toBeNull();
    expect(applySuggestion('She is safe now.', risk, 'is being exploited by [who]')).toBeNull();
  });

  it('shows the words around a finding on its own line', () => {
    expect(context(SENTENCE, risk)).toEqual({
      before: 'She is ',
      match: 'putting herself at risk',
      after: ' with her boyfriend who is 24',
    });
    const long = `First line.\n${'The review meeting was held at the school and attended by everyone, and '}she is hard to engage with the plan that was agreed by the group at the end of the meeting.`;
    const [finding] = checkText(long).findings;
    const shown = context(long, finding ?? risk, 20);
    expect(shown.match).toBe('hard to engage');
    expect(shown.before.startsWith('…')).toBe(true);
    expect(shown.after.endsWith('…')).toBe(true);
    expect(shown.before).not.toContain('First line');
  });

  it('shows a bracketed note to the writer without inserting it, but keeps a bracketed word', () => {
    expect(splitSuggestion('was raped by [who] (she is under 13)')).toEqual({
      text: 'was raped by [who]',
      note: 'she is under 13',
    });
    expect(splitSuggestion("she describes him as her 'boyfriend' (quote her own words)")).toEqual({
      text: "she describes him as her 'boyfriend'",
      note: 'quote her own words',
    });
    expect(splitSuggestion('child sexual abuse material (CSAM)')).toEqual({
      text: 'child sexual abuse material (CSAM)',
      note: null,
    });
    expect(splitSuggestion('is being exploited by [who]')).toEqual({
      text: 'is being exploited by [who]',
      note: null,
    });
  });
});
