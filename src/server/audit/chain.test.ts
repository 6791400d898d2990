import { describe, expect, it } from 'vitest';
import { type ChainedContent, canonicalJson, entryHash, findFirstBreak, GENESIS_HASH } from './chain.ts';

type Entry = ChainedContent & { hash: string };

/** A well-formed chain of `n` entries, each linked to the one before it. */
function chain(n: number, start = { seq: 0, hash: GENESIS_HASH }): Entry[] {
  const entries: Entry[] = [];
  let prevHash = start.hash;
  for (let i = 1; i <= n; i++) {
    const content: ChainedContent = {
      seq: start.seq + i,
      occurredAt: new Date(Date.UTC(2026, 0, 1, 9, 0, i)).toISOString(),
      requestId: `req-${i}`,
      actorUserId: '3f1c9a52-7f55-4f5e-9d55-0a4d6c1e2b01',
      actorAgencyId: null,
      action: 'agency.created',
      recordType: 'agency',
      recordId: `agency-${i}`,
      childId: null,
      fields: ['name', 'type'],
      reason: null,
      outcome: 'success',
      details: { step: i, nested: { b: 2, a: 1 } },
      prevHash,
    };
    const hash = entryHash(content);
    entries.push({ ...content, hash });
    prevHash = hash;
  }
  return entries;
}

/** Replaces one entry and recomputes its own hash, as someone covering their tracks would. */
function rehashed(entry: Entry, change: Partial<ChainedContent>): Entry {
  const { hash: _old, ...content } = { ...entry, ...change };
  return { ...content, hash: entryHash(content) };
}

describe('canonicalJson', () => {
  it('serialises objects the same whatever order their keys were written in, at every depth', () => {
    const a = { b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } };
    const b = { a: { c: null, d: [1, { x: 1, y: 2 }] }, b: 1 };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(canonicalJson(a)).toBe('{"a":{"c":null,"d":[1,{"x":1,"y":2}]},"b":1}');
  });

  it('keeps the order of arrays, which is meaningful', () => {
    expect(canonicalJson(['a', 'b'])).not.toBe(canonicalJson(['b', 'a']));
  });

  it('drops undefined properties and writes a lone undefined as null, as a jsonb round trip would', () => {
    expect(canonicalJson({ a: 1, b: undefined })).toBe('{"a":1}');
    expect(canonicalJson(undefined)).toBe('null');
    expect(canonicalJson(null)).toBe('null');
  });

  it('escapes strings and keys as JSON does', () => {
    expect(canonicalJson({ 'k"ey': 'line\nbreak “quoted”' })).toBe('{"k\\"ey":"line\\nbreak “quoted”"}');
    expect(JSON.parse(canonicalJson({ 'k"ey': 'line\nbreak' }))).toEqual({ 'k"ey': 'line\nbreak' });
  });

  it('does not confuse a string with the number it spells', () => {
    expect(canonicalJson({ a: '1' })).not.toBe(canonicalJson({ a: 1 }));
  });
});

describe('entryHash', () => {
  it('is the same for the same content with its details in any key order', () => {
    const [entry] = chain(1) as [Entry];
    const reordered = { ...entry, details: { nested: { a: 1, b: 2 }, step: 1 } };
    expect(entryHash(reordered)).toBe(entry.hash);
  });

  it('changes when any single field changes', () => {
    const [entry] = chain(1) as [Entry];
    const changes: Partial<ChainedContent>[] = [
      { seq: 2 },
      { occurredAt: '2026-01-01T09:00:02.000Z' },
      { requestId: null },
      { actorUserId: null },
      { action: 'agency.updated' },
      { recordId: 'agency-9' },
      { fields: ['name'] },
      { reason: 'because' },
      { outcome: 'denied' },
      { details: { step: 2, nested: { a: 1, b: 2 } } },
      { prevHash: 'f'.repeat(64) },
    ];
    for (const change of changes)
      expect(entryHash({ ...entry, ...change }), JSON.stringify(change)).not.toBe(entry.hash);
  });
});

describe('findFirstBreak', () => {
  it('finds nothing wrong with an intact chain, or an empty one', () => {
    expect(findFirstBreak(chain(5))).toBeNull();
    expect(findFirstBreak([])).toBeNull();
  });

  it('names an entry whose content was edited', () => {
    const entries = chain(5);
    entries[2] = { ...(entries[2] as Entry), reason: 'edited afterwards' };
    expect(findFirstBreak(entries)).toEqual({ kind: 'tampered', seq: 3 });
  });

  it('names the entry after one that was edited and re-hashed: the link no longer matches', () => {
    const entries = chain(5);
    entries[2] = rehashed(entries[2] as Entry, { reason: 'edited and re-hashed' });
    expect(findFirstBreak(entries)).toEqual({ kind: 'broken_link', seq: 4 });
  });

  it('names the first missing sequence number when an entry was deleted', () => {
    const entries = chain(5);
    entries.splice(1, 1);
    expect(findFirstBreak(entries)).toEqual({ kind: 'gap', seq: 3, expectedSeq: 2 });
  });

  it('notices a missing first entry', () => {
    expect(findFirstBreak(chain(3).slice(1))).toEqual({ kind: 'gap', seq: 2, expectedSeq: 1 });
  });

  it('names a reordered entry even when the sequence numbers were rewritten to look contiguous', () => {
    const entries = chain(5);
    const third = entries[2] as Entry;
    const fourth = entries[3] as Entry;
    entries[2] = rehashed(fourth, { seq: 3 });
    entries[3] = rehashed(third, { seq: 4 });
    expect(findFirstBreak(entries)).toEqual({ kind: 'broken_link', seq: 3 });
  });

  it('names an entry relinked to a different predecessor', () => {
    const entries = chain(5);
    entries[3] = rehashed(entries[3] as Entry, { prevHash: (entries[1] as Entry).hash });
    expect(findFirstBreak(entries)).toEqual({ kind: 'broken_link', seq: 4 });
  });

  it('reports only the first of several breaks', () => {
    const entries = chain(6);
    entries[4] = { ...(entries[4] as Entry), action: 'user.created' };
    entries[1] = { ...(entries[1] as Entry), action: 'user.created' };
    expect(findFirstBreak(entries)).toEqual({ kind: 'tampered', seq: 2 });
  });

  it('continues from where a previous page ended', () => {
    const first = chain(3);
    const last = first[2] as Entry;
    const next = chain(3, { seq: last.seq, hash: last.hash });
    expect(findFirstBreak(next, { seq: last.seq, hash: last.hash })).toBeNull();
    // The next page must start right after the previous one, and link to its last entry.
    expect(findFirstBreak(next.slice(1), { seq: last.seq, hash: last.hash })).toEqual({
      kind: 'gap',
      seq: 5,
      expectedSeq: 4,
    });
    expect(findFirstBreak(next, { seq: last.seq, hash: (first[1] as Entry).hash })).toEqual({
      kind: 'broken_link',
      seq: 4,
    });
  });
});
