import { describe, expect, it } from 'vitest';
import { POLICE_INTELLIGENCE } from './fixtures.ts';
import { findRestrictedQuotes, quoteRefusalMessage, type RestrictedQuote } from './shareable-check.ts';

const HEALTH =
  'School nurse reports that Amira attended the sexual health clinic on 3 March and was given emergency ' +
  'contraception. She told the nurse that an older man collects her from the bus station after school.';

const spans = (text: string, quotes: readonly RestrictedQuote[]) =>
  quotes.map((q) => text.slice(q.start, q.end));

describe('findRestrictedQuotes on realistic minutes', () => {
  it('passes a shareable minute that says what was agreed without repeating the intelligence', () => {
    const shareable =
      'Partners shared information about an adult of concern linked to Amira and to Kai. Police will lead a ' +
      'disruption plan. Children’s Services will review the safety plan with Amira and her mother this week, ' +
      'and the school will make sure a trusted adult meets her at the end of each day.';
    expect(findRestrictedQuotes(shareable, [POLICE_INTELLIGENCE, HEALTH])).toEqual([]);
  });

  it('finds a sentence copied from police intelligence, with where it is in both texts', () => {
    const shareable =
      'Agreed: safety plan to be reviewed. Police said he uses the flat above the Quickbite takeaway on Mill Lane ' +
      'to hold children overnight. School to monitor attendance.';
    const quotes = findRestrictedQuotes(shareable, [
      { id: 'intel-1', text: POLICE_INTELLIGENCE, sensitivity: 'police_intelligence' },
    ]);
    expect(quotes).toHaveLength(1);
    const [quote] = quotes as [RestrictedQuote];
    expect(quote.kind).toBe('shared_words');
    expect(quote.text).toBe(
      'uses the flat above the Quickbite takeaway on Mill Lane to hold children overnight',
    );
    expect(shareable.slice(quote.start, quote.end)).toBe(quote.text);
    expect(quote.words).toBe(12);
    expect(quote.sources).toHaveLength(1);
    const source = quote.sources[0];
    expect(source).toMatchObject({ index: 0, id: 'intel-1', sensitivity: 'police_intelligence' });
    expect(POLICE_INTELLIGENCE.slice(source?.start, source?.end)).toBe(
      'uses the flat above the Quickbite takeaway on Mill Lane to hold children overnight',
    );
  });

  it('ignores case, punctuation, spacing, accents and the articles a, an, the', () => {
    const shareable =
      'He USES a flat — above a Quickbite   takeaway, on Mill-Lane; to hold CHILDREN overnight!';
    const quotes = findRestrictedQuotes(shareable, [POLICE_INTELLIGENCE]);
    expect(spans(shareable, quotes)).toEqual([
      'USES a flat — above a Quickbite   takeaway, on Mill-Lane; to hold CHILDREN overnight',
    ]);
    expect(
      findRestrictedQuotes('Café owner saw the child at the Fernbridge market', [
        'cafe owner saw a child at fernbridge market',
      ]),
    ).toHaveLength(1);
  });

  it('does not count five words in common, and counts six', () => {
    const restricted = 'the person of concern drives children to the coast at weekends';
    expect(findRestrictedQuotes('They said he drives children to the coast.', [restricted])).toEqual([]);
    // "drives children to coast at weekends": six words once the article is skipped.
    expect(
      spans(
        'Reported: drives children to the coast at weekends.',
        findRestrictedQuotes('Reported: drives children to the coast at weekends.', [restricted]),
      ),
    ).toEqual(['drives children to the coast at weekends']);
  });

  it('follows a configured number of words', () => {
    const restricted = 'seen at the bus station with two older males';
    expect(findRestrictedQuotes('Amira was at the bus station with friends.', [restricted])).toEqual([]);
    expect(
      findRestrictedQuotes('Amira was at the bus station with friends.', [restricted], { minWords: 4 }),
    ).toHaveLength(1);
  });

  it('finds quotes from several restricted texts, each with its sources, in order', () => {
    const shareable =
      'Nurse said an older man collects her from the bus station after school. Police added that he is ' +
      'believed to contact children on a number known to them.';
    const quotes = findRestrictedQuotes(shareable, [
      POLICE_INTELLIGENCE,
      { text: HEALTH, sensitivity: 'sexual_health' },
    ]);
    expect(spans(shareable, quotes)).toEqual([
      // The span starts at the first word compared: the article before it is skipped.
      'older man collects her from the bus station after school',
      'he is believed to contact children on',
    ]);
    expect(quotes.map((q) => q.sources.map((s) => s.index))).toEqual([[1], [0]]);
    expect(quotes[0]?.sources[0]?.sensitivity).toBe('sexual_health');
  });

  it('merges overlapping runs into one span', () => {
    const restricted = 'one two three four five six seven eight nine ten';
    const quotes = findRestrictedQuotes('zero one two three four five six seven eight nine ten eleven', [
      restricted,
    ]);
    expect(quotes).toHaveLength(1);
    expect(quotes[0]?.text).toBe('one two three four five six seven eight nine ten');
    expect(quotes[0]?.words).toBe(10);
  });

  it('returns nothing for empty or missing inputs', () => {
    expect(findRestrictedQuotes('', [POLICE_INTELLIGENCE])).toEqual([]);
    expect(findRestrictedQuotes('Some words here to check against nothing at all', [])).toEqual([]);
    expect(findRestrictedQuotes('Some words here', ['   '])).toEqual([]);
    expect(findRestrictedQuotes('Some words here', [null as never, { text: 5 } as never])).toEqual([]);
  });
});

describe('distinctive tokens from restricted text', () => {
  it('finds a registration however it is written', () => {
    for (const written of ['FB19 XKT', 'fb19xkt', 'FB19-XKT']) {
      const shareable = `Partners to look out for the car ${written} near school.`;
      const quotes = findRestrictedQuotes(shareable, [POLICE_INTELLIGENCE]);
      expect(quotes.map((q) => [q.kind, q.text])).toEqual([['vehicle_registration', written]]);
    }
  });

  it('finds a phone number however it is spaced, including +44', () => {
    for (const written of ['07700 900461', '07700900461', '+44 7700 900461', '07700-900-461']) {
      const quotes = findRestrictedQuotes(`Number to block: ${written}.`, [POLICE_INTELLIGENCE]);
      expect(quotes.map((q) => [q.kind, q.text])).toEqual([['phone_number', written]]);
    }
    expect(findRestrictedQuotes('Call the school on 07700 900999.', [POLICE_INTELLIGENCE])).toEqual([]);
  });

  it('finds an online handle, an email address and a postcode', () => {
    const restricted = 'Messages from @jaymarsh_fb and deanm@example.net; parties at 14 Mill Lane, FB3 2QT.';
    const shareable = 'Block @JayMarsh_fb, report DeanM@example.net, and avoid FB3 2QT.';
    expect(findRestrictedQuotes(shareable, [restricted]).map((q) => [q.kind, q.text])).toEqual([
      ['online_handle', '@JayMarsh_fb'],
      ['email_address', 'DeanM@example.net'],
      ['postcode', 'FB3 2QT'],
    ]);
  });

  it('does not mistake road names or ordinary words for registrations', () => {
    const restricted = 'Seen on the M62 and the A180 with Dean.';
    expect(findRestrictedQuotes('Travel on the M62 and A180 to be discussed.', [restricted])).toEqual([]);
  });

  it('reports a token only when the restricted text holds the same one', () => {
    expect(findRestrictedQuotes('Car FB20 ABC seen.', [POLICE_INTELLIGENCE])).toEqual([]);
  });
});

describe('quoteRefusalMessage', () => {
  it('names the field, what was quoted and what to do', () => {
    const shareable =
      'He drives a silver Ford Focus FB19 XKT and uses the flat above the Quickbite takeaway on Mill Lane.';
    const message = quoteRefusalMessage(
      'minutes[0].shareable',
      findRestrictedQuotes(shareable, [POLICE_INTELLIGENCE]),
    );
    expect(message).toBe(
      'minutes[0].shareable quotes restricted text: "drives a silver Ford Focus FB19 XKT" (6 words copied from ' +
        'restricted text); "FB19 XKT" (a vehicle registration held in restricted text); "uses the flat above the ' +
        'Quickbite takeaway on Mill Lane" (8 words copied from restricted text). The shareable minutes go to ' +
        'every agency at the meeting and may go to the young person and family, so restricted information stays ' +
        'in the restricted minutes. Reword the shareable minute to say what was agreed without repeating it.',
    );
  });
});
