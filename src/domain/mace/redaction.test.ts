import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { SensitivityLabel } from '../access/types.ts';
import { AGENCY, at, CHILD, CONTEXT, id, POLICE_INTELLIGENCE } from './fixtures.ts';
import {
  type MeetingPack,
  type PackPart,
  type PackRecipient,
  packFor,
  recordSending,
  renderPackText,
} from './redaction.ts';
import { findRestrictedQuotes } from './shareable-check.ts';

const dean = {
  contextId: CONTEXT.dean,
  kind: 'person_of_concern',
  label: 'Dean Marsh',
  sensitivity: 'police_intelligence',
} as const;
const flat = {
  contextId: CONTEXT.flat,
  kind: 'place',
  label: 'Flat above Quickbite takeaway',
  sensitivity: 'standard',
} as const;

const part = (
  n: number,
  sensitivity: SensitivityLabel,
  text: string,
  extra: Partial<PackPart> = {},
): PackPart => ({
  id: id(5000 + n),
  sensitivity,
  text,
  ...extra,
});

const TEXT = {
  summary: 'Amira is 14 and lives with her mother in Eastgate. Her lead worker is Jo Bennett.',
  health: 'Amira has told the school nurse she is not sleeping and has lost weight since January.',
  sexualHealth: 'Amira attended the sexual health clinic on 3 March and was offered an STI screen.',
  thirdParty:
    'Leah, who is also 13, told her foster carer that Amira introduced her to the people at the flat.',
  shareable:
    'Partners agreed that Amira is being exploited. Police will lead disruption; the school will keep a trusted adult with her at the end of each day.',
  deanIntel:
    'Dean Marsh was arrested in 2024 for supplying class A drugs; bail conditions expired in January.',
  covert: 'Plain-clothes officers to watch the Mill Lane flat on Friday and Saturday nights.',
};

const PACK: MeetingPack = {
  id: id(6000),
  kind: 'minutes',
  meeting: {
    id: id(6001),
    typeLabel: 'MACE meeting',
    title: 'Fernbridge MACE, April 2026',
    startsAt: at('2026-04-14T08:30:00Z'),
    chairName: 'Priya Shah',
  },
  attendance: [
    { name: 'Priya Shah', agencyName: AGENCY.csc.name, status: 'present' },
    { name: 'DS Tom Reilly', agencyName: AGENCY.police.name, status: 'present' },
    { name: 'Grace Obi', agencyName: AGENCY.health.name, status: 'deputy', deputyName: 'Helen Carter' },
    { name: 'Mark Ellis', agencyName: AGENCY.school.name, status: 'apologies' },
  ],
  items: [
    {
      itemId: id(1001),
      heading: 'Amira',
      sensitivity: 'standard',
      childId: CHILD.amira,
      parts: [
        part(1, 'standard', TEXT.summary, { heading: 'Summary' }),
        part(2, 'police_intelligence', POLICE_INTELLIGENCE, {
          heading: 'Intelligence',
          attribution: 'Fernbridge Police; lawful basis: Crime and Disorder Act 1998, section 115',
        }),
        part(3, 'health', TEXT.health, { heading: 'Health' }),
        part(4, 'sexual_health', TEXT.sexualHealth, { heading: 'Sexual health' }),
        part(5, 'third_party', TEXT.thirdParty, { heading: 'About another child' }),
        part(6, 'standard', TEXT.shareable, { heading: 'Agreed', shareable: true }),
      ],
      decisions: [part(7, 'standard', 'Continue at MACE next month.', { shareable: true })],
      actions: [
        {
          id: id(5008),
          title: 'Keep a trusted adult with Amira at the end of each day',
          ownerName: 'Mark Ellis',
          agencyName: AGENCY.school.name,
          dueDate: '2026-04-21',
          status: 'open',
          sensitivity: 'standard',
        },
        {
          id: id(5009),
          title: TEXT.covert,
          ownerName: 'DS Tom Reilly',
          agencyName: AGENCY.police.name,
          dueDate: '2026-04-18',
          status: 'open',
          sensitivity: 'police_intelligence',
          carriedOver: 1,
        },
      ],
      linkedContexts: [dean, flat],
    },
    {
      itemId: id(1002),
      heading: 'Kai',
      sensitivity: 'standard',
      childId: CHILD.kai,
      parts: [
        part(10, 'standard', 'Kai’s safety plan to be reviewed at his next strategy meeting.', {
          shareable: true,
        }),
      ],
      linkedContexts: [dean, flat],
    },
    {
      itemId: id(1003),
      heading: 'Person of concern: Dean Marsh',
      sensitivity: 'police_intelligence',
      context: dean,
      parts: [part(11, 'police_intelligence', TEXT.deanIntel)],
    },
  ],
};

const recipient = (
  name: string,
  agency: (typeof AGENCY)[keyof typeof AGENCY],
  roles: PackRecipient['roles'],
  relationships?: PackRecipient['relationships'],
): PackRecipient => ({
  userId: id(7000 + name.length),
  name,
  agencyId: agency.id,
  agencyName: agency.name,
  agencyType: agency.type,
  roles,
  ...(relationships ? { relationships } : {}),
});

const SCHOOL = recipient('Mark Ellis', AGENCY.school, ['practitioner']);
const POLICE = recipient('DS Tom Reilly', AGENCY.police, ['practitioner']);
const NURSE = recipient('Grace Obi', AGENCY.health, ['practitioner']);
const CHAIR = recipient('Priya Shah', AGENCY.csc, ['mace_chair']);
const LEAD_WORKER = recipient('Jo Bennett', AGENCY.csc, ['practitioner'], {
  [CHILD.amira]: { isLeadWorker: true },
});

const partIds = (pack: MeetingPack) => pack.items.flatMap((i) => i.parts.map((p) => p.id));
const POLICE_TEXTS = [POLICE_INTELLIGENCE, TEXT.deanIntel, TEXT.covert];

describe('a school’s copy', () => {
  const copy = packFor(SCHOOL, PACK);
  const text = renderPackText(copy);

  it('holds no police intelligence: no part, action, item or link, and no quote of one in its text', () => {
    expect(copy.items.map((i) => i.heading)).toEqual(['Amira', 'Kai']);
    expect(partIds(copy)).toEqual([id(5001), id(5006), id(5010)]);
    expect(copy.items[0]?.actions?.map((a) => a.id)).toEqual([id(5008)]);
    expect(copy.items.flatMap((i) => i.linkedContexts ?? []).map((c) => c.label)).toEqual([
      'Flat above Quickbite takeaway',
      'Flat above Quickbite takeaway',
    ]);
    for (const police of POLICE_TEXTS) expect(text).not.toContain(police);
    expect(findRestrictedQuotes(text, POLICE_TEXTS)).toEqual([]);
    for (const word of [
      'Dean Marsh',
      'FB19 XKT',
      '07700 900461',
      'jaymarsh',
      'Plain-clothes',
      'Police intelligence',
      'Restricted',
    ]) {
      expect(text).not.toContain(word);
    }
  });

  it('holds no health, sexual health or third-party information either', () => {
    for (const t of [TEXT.health, TEXT.sexualHealth, TEXT.thirdParty]) expect(text).not.toContain(t);
  });

  it('shows the place that appears in both items, and not the person of concern known from intelligence', () => {
    expect(text).toContain(
      'Appearing in more than one item\n- Place "Flat above Quickbite takeaway": items 1, 2',
    );
  });
});

describe('other recipients', () => {
  it('police see the intelligence, the person of concern and the covert action, not health or third-party text', () => {
    const copy = packFor(POLICE, PACK);
    expect(copy.items.map((i) => i.heading)).toEqual(['Amira', 'Kai', 'Person of concern: Dean Marsh']);
    expect(partIds(copy)).toEqual([id(5001), id(5002), id(5006), id(5010), id(5011)]);
    const text = renderPackText(copy);
    expect(text).toContain(POLICE_INTELLIGENCE);
    expect(text).toContain(`[Restricted: Police intelligence] Intelligence`);
    expect(text).toContain(
      'Shared by Fernbridge Police; lawful basis: Crime and Disorder Act 1998, section 115',
    );
    expect(text).toContain(
      `- ${TEXT.covert}. Owner: DS Tom Reilly, Fernbridge Police. Due 18 Apr 2026. Not started; carried over 1 time.`,
    );
    expect(text).toContain('- Person of concern "Dean Marsh": items 1, 2, 3');
    expect(text).not.toContain(TEXT.health);
    expect(text).not.toContain(TEXT.thirdParty);
  });

  it('a health practitioner at the meeting sees health text, not sexual health text unless named on the record', () => {
    expect(partIds(packFor(NURSE, PACK))).toEqual([id(5001), id(5003), id(5006), id(5010)]);
    const named = recipient('Grace Obi', AGENCY.health, ['practitioner'], {
      [CHILD.amira]: { isInvolvedProfessional: true },
    });
    expect(partIds(packFor(named, PACK))).toEqual([id(5001), id(5003), id(5004), id(5006), id(5010)]);
  });

  it('the lead worker sees health and third-party text for their child, never police intelligence', () => {
    expect(partIds(packFor(LEAD_WORKER, PACK))).toEqual([id(5001), id(5003), id(5005), id(5006), id(5010)]);
  });

  it('a MACE chair from children’s social care does not see police intelligence through the chair role', () => {
    const copy = packFor(CHAIR, PACK);
    expect(partIds(copy)).toEqual([id(5001), id(5006), id(5010)]);
    expect(findRestrictedQuotes(renderPackText(copy), POLICE_TEXTS)).toEqual([]);
  });

  it('a referrer invited to the meeting gets the shareable minutes and decisions only', () => {
    const referrer = recipient('Sam Ito', AGENCY.vol, ['referrer']);
    const copy = packFor(referrer, PACK);
    expect(copy.items.map((i) => i.heading)).toEqual(['Amira', 'Kai']);
    expect(partIds(copy)).toEqual([id(5006), id(5010)]);
    expect(copy.items[0]?.decisions?.map((d) => d.id)).toEqual([id(5007)]);
    expect(copy.items[0]?.actions).toEqual([]);
    expect(renderPackText(copy)).not.toContain(TEXT.summary);
  });

  it('someone who is not a meeting member gets nothing', () => {
    const analyst = recipient('Ana Lyst', AGENCY.csc, ['analyst']);
    const copy = packFor(analyst, PACK);
    expect(copy.items).toEqual([]);
    expect(copy.attendance).toEqual([]);
  });

  it('never lets a part through on the shareable flag unless it is standard, nor a part with an unknown label', () => {
    const pack: MeetingPack = {
      ...PACK,
      items: [
        {
          itemId: id(1),
          heading: 'Amira',
          sensitivity: 'standard',
          childId: CHILD.amira,
          parts: [
            part(1, 'police_intelligence', 'flagged shareable by mistake', { shareable: true }),
            part(2, 'secret' as SensitivityLabel, 'unknown label'),
          ],
        },
      ],
    };
    expect(partIds(packFor(SCHOOL, pack))).toEqual([]);
    expect(partIds(packFor(POLICE, pack))).toEqual([id(5001)]);
  });
});

describe('renderPackText', () => {
  it('gives the text of the PDF, beginning with the header and attendance', () => {
    const text = renderPackText(packFor(SCHOOL, PACK));
    expect(text.split('\n').slice(0, 12)).toEqual([
      'MACE meeting: Minutes',
      'Fernbridge MACE, April 2026',
      'Date: Tue, 14 Apr 2026, 09:30 BST',
      'Chair: Priya Shah',
      'Prepared for: Mark Ellis, Fernbridge Academy (Education)',
      'Confidential. This copy holds only the information its recipient may see; copies for other agencies hold different information. Do not forward it or copy from it.',
      '',
      'Attendance',
      '- Priya Shah, Fernbridge Children’s Services: Present',
      '- DS Tom Reilly, Fernbridge Police: Present',
      '- Grace Obi, Fernbridge Health Trust: Sent a deputy (Helen Carter attended)',
      '- Mark Ellis, Fernbridge Academy: Apologies',
    ]);
    expect(text).toContain(
      `1. Amira\n   Summary\n   ${TEXT.summary}\n   [Shareable] Agreed\n   ${TEXT.shareable}`,
    );
    expect(text).toContain('   Decisions\n   - [Shareable] Continue at MACE next month.');
    expect(text).toContain('2. Kai');
    expect(text.endsWith('\n')).toBe(true);
  });

  it('says "Meeting pack" for a pack sent before the meeting, and has no cross-reference when nothing repeats', () => {
    const text = renderPackText({ ...PACK, kind: 'pack', attendance: [], items: [] });
    expect(text.startsWith('MACE meeting: Meeting pack\n')).toBe(true);
    expect(text).not.toContain('Attendance');
    expect(text).not.toContain('Appearing in more than one item');
  });
});

describe('recordSending', () => {
  it('records who was sent which copy, with everything it held and a hash of its text', () => {
    const copy = packFor(SCHOOL, PACK);
    const sentAt = at('2026-04-15T10:00:00Z');
    const record = recordSending(copy, sentAt, id(7999));
    expect(record).toEqual({
      packId: id(6000),
      meetingId: id(6001),
      kind: 'minutes',
      recipientUserId: SCHOOL.userId,
      recipientAgencyId: AGENCY.school.id,
      sentAt,
      sentBy: id(7999),
      includedIds: [id(1001), id(5001), id(5006), id(5007), id(5008), id(1002), id(5010)],
      textSha256: createHash('sha256').update(renderPackText(copy)).digest('hex'),
    });
    expect(recordSending(packFor(POLICE, PACK), sentAt, id(7999)).textSha256).not.toBe(record.textSha256);
  });
});
