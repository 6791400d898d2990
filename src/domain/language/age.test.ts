import { describe, expect, it } from 'vitest';
import { type AgeReading, readOtherPersonAge } from './age.ts';
import { tokenize } from './tokenize.ts';

/** Reads the age around `phrase` (one or more words), as the matcher does around a match. */
function read(text: string, phrase = 'boyfriend', childAge?: number): AgeReading {
  const tokens = tokenize(text);
  const words = phrase.split(' ');
  const at = tokens.findIndex((_, i) => words.every((w, k) => tokens[i + k]?.norm === w));
  return readOtherPersonAge(tokens, text, at, at + words.length, childAge);
}

describe('reading the other person’s age', () => {
  it.each([
    ['Her boyfriend, who is 24, collects her.', 'adult'],
    ['Her boyfriend (19) collects her.', 'adult'],
    ['Her boyfriend Rico, aged 31, has a car.', 'adult'],
    ['She has a 22yo boyfriend.', 'adult'],
    ['Her boyfriend is in his twenties.', 'adult'],
    ['Her older boyfriend collects her.', 'adult'],
    ['Her boyfriend is a person of concern.', 'adult'],
    ['Her boyfriend is exploiting her.', 'adult'],
    ['She has a new boyfriend. He is 24.', 'adult'],
  ] as const)('%s → %s', (text, expected) => {
    expect(read(text)).toBe(expected);
  });

  it.each([
    ['Her boyfriend, who is also 15, walked her home.'],
    ['Her boyfriend (15) walked her home.'],
    ['Her boyfriend is the same age as her.'],
    ['Her boyfriend is in the same year at school.'],
    ['Ava (14) says her boyfriend is 15.'],
  ])('%s → peer', (text) => {
    expect(read(text)).toBe('peer');
  });

  it('sees an age gap of three years or more between two children', () => {
    expect(read('Ella (13) says her 17-year-old boyfriend buys her vapes.')).toBe('age-gap');
    expect(read('Ella (15) says her 17-year-old boyfriend buys her vapes.')).toBe('peer');
  });

  it('uses the child’s age from the record when the note only gives the other age', () => {
    expect(read('Her boyfriend is 17.', 'boyfriend', 13)).toBe('age-gap');
    expect(read('Her boyfriend is 17.', 'boyfriend', 16)).toBe('peer');
  });

  it('reads "a boy of 17" and "a man aged 30" as the other person’s age', () => {
    expect(read('Amy (13) is in a relationship with a boy of 17.', 'relationship with')).toBe('age-gap');
    expect(read('She is in a relationship with a boy of 14.', 'relationship with')).toBe('peer');
    expect(read('She is in a relationship with a boy in her class.', 'relationship with')).toBe('peer');
    expect(read('She is in a relationship with a man aged 30.', 'relationship with')).toBe('adult');
  });

  it('says unknown when nothing in the text shows the other person’s age', () => {
    expect(read('She spent the weekend with her boyfriend.')).toBe('unknown');
  });

  it('does not mistake times, dates, money or durations for ages', () => {
    expect(read('Her boyfriend picked her up at 22:30.')).toBe('unknown');
    expect(read('Her boyfriend gave her £20.')).toBe('unknown');
    expect(read('Her boyfriend has been around for 24 hours.')).toBe('unknown');
    expect(read('Her boyfriend visited on 24 March.')).toBe('unknown');
  });
});
