import { describe, expect, it } from 'vitest';
import { phrase } from './form.ts';

describe('phrase: a server field error as a sentence on the page', () => {
  it('gives a predicate its field as the subject', () => {
    expect(phrase('must not be empty', 'Agency name')).toBe('Agency name must not be empty');
    expect(phrase('is required', 'Agency')).toBe('Agency is required');
  });

  it('capitalises a message that is already a sentence, without a final full stop', () => {
    expect(phrase('an account with this email already exists', 'Work email address')).toBe(
      'An account with this email already exists',
    );
    expect(phrase('The email address or password is not right.', 'Password')).toBe(
      'The email address or password is not right',
    );
  });

  it('does not show a list of internal codes', () => {
    expect(phrase('Invalid option: expected one of "police"|"health"', 'Type of agency')).toBe(
      'Type of agency must be one of the options shown',
    );
  });

  it('leaves a message alone when there is no field to name', () => {
    expect(phrase('must be at most 200 characters', undefined)).toBe('Must be at most 200 characters');
  });
});
