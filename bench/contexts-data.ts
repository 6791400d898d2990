/**
 * A synthetic partnership for the contexts benchmark, generated in SQL (generate_series) so that
 * hundreds of thousands of rows take seconds, not minutes. Everything is invented: names are built
 * from syllables, phone numbers come from Ofcom's drama ranges, postcodes use the unallocated ZX area
 * and registrations start with Z.
 *
 * The shape: children and contexts fall into communities of a few hundred records; most links stay
 * inside a community (as connections do in a town), a few cross between them. About one link in ten
 * is police intelligence; grades, dates and review dates vary so the visibility conditions and the
 * default view have real work to do.
 */
import { sql, type Transaction } from 'kysely';
import type { DB } from '../src/server/db/schema.ts';

export interface Sizes {
  children: number;
  persons: number;
  places: number;
  vehicles: number;
  peerGroups: number;
  childLinks: number;
  contextLinks: number;
  communities: number;
}

/** 100,000 people (children and persons of concern) and 500,000 links at scale 1. */
export function sizesFor(scale: number): Sizes {
  const n = (x: number) => Math.max(10, Math.round(x * scale));
  return {
    children: n(40_000),
    persons: n(60_000),
    places: n(20_000),
    vehicles: n(5_000),
    peerGroups: n(2_000),
    childLinks: n(300_000),
    contextLinks: n(200_000),
    communities: Math.max(2, Math.round(500 * scale)),
  };
}

export interface Ids {
  agencyId: string;
  intelId: string;
  practitionerId: string;
}

type Trx = Transaction<DB>;

const SYLLABLES = [
  'bar',
  'ken',
  'dal',
  'mor',
  'ton',
  'wick',
  'ley',
  'ford',
  'ash',
  'brook',
  'cal',
  'der',
  'fen',
  'gar',
  'hol',
  'lin',
  'mar',
  'nor',
  'pen',
  'rad',
  'sel',
  'tam',
  'ver',
  'wen',
  'yar',
  'zel',
  'quin',
  'rost',
  'thal',
  'bry',
];
const GIVEN = [
  'Aden',
  'Brisa',
  'Caelan',
  'Dacey',
  'Eloen',
  'Fenna',
  'Garin',
  'Halsey',
  'Ivor',
  'Jessamy',
  'Kerris',
  'Lowen',
  'Marek',
  'Nessa',
  'Oren',
  'Pell',
  'Quillan',
  'Rosca',
  'Saffi',
  'Tamsin',
  'Ulric',
  'Veyra',
  'Wynn',
  'Xanthe',
  'Yorick',
  'Zadie',
  'Arlo',
  'Bexley',
  'Corin',
  'Delphine',
  'Emrys',
  'Faelan',
  'Gwenna',
  'Hollis',
  'Isolde',
  'Jarek',
  'Kestra',
  'Lorcan',
  'Mirren',
  'Nyle',
];
// Ofcom's numbers for drama: 0113 496 0000–0999 and the like, as E.164 prefixes with three digits to add.
const PHONE_PREFIXES = [
  '+441134960',
  '+441144960',
  '+441154960',
  '+441164960',
  '+441174960',
  '+441184960',
  '+441214960',
  '+441314960',
  '+441414960',
  '+441514960',
  '+441614960',
  '+442079460',
  '+447700900',
];

const arr = (values: string[]) => sql`ARRAY[${sql.join(values.map((v) => sql.lit(v)))}]::text[]`;

/** A deterministic invented name for record `i`: a given name and a three-syllable family name. */
const nameSql = (i: string) => sql`(
  (${arr(GIVEN)})[1 + (${sql.raw(i)} * 7) % ${GIVEN.length}] || ' ' ||
  initcap((${arr(SYLLABLES)})[1 + (${sql.raw(i)} * 13) % ${SYLLABLES.length}] ||
          (${arr(SYLLABLES)})[1 + (${sql.raw(i)} / 31) % ${SYLLABLES.length}] ||
          (${arr(SYLLABLES)})[1 + (${sql.raw(i)} / 997) % ${SYLLABLES.length}]))`;

export async function people(trx: Trx, s: Sizes, ids: Ids) {
  await sql`INSERT INTO people (id, given_name, family_name, date_of_birth, created_by)
    SELECT md5('child' || i)::uuid, split_part(${nameSql('i')}, ' ', 1), split_part(${nameSql('i')}, ' ', 2),
      current_date - (3650 + (i * 37) % 2555), ${ids.practitionerId}::uuid
    FROM generate_series(1, ${s.children}::int) AS i`.execute(trx);
  await sql`INSERT INTO person_roles (person_id, role) SELECT md5('child' || i)::uuid, 'child'
    FROM generate_series(1, ${s.children}::int) AS i`.execute(trx);
}

/** Contexts numbered 1..total: persons, then places, vehicles, peer groups. */
export function contextRanges(s: Sizes) {
  const persons = [1, s.persons] as const;
  const places = [s.persons + 1, s.persons + s.places] as const;
  const vehicles = [places[1] + 1, places[1] + s.vehicles] as const;
  const groups = [vehicles[1] + 1, vehicles[1] + s.peerGroups] as const;
  return { persons, places, vehicles, groups, total: groups[1] };
}

export async function contexts(trx: Trx, s: Sizes, ids: Ids) {
  const r = contextRanges(s);
  const common = sql`${ids.intelId}::uuid, ${ids.agencyId}::uuid`;
  // Persons of concern: a name, for a third an alias, for four in ten a phone; one in ten police intelligence.
  await sql`INSERT INTO contexts (id, kind, sensitivity, display_name, details, created_by, created_agency_id)
    SELECT md5('ctx' || i)::uuid, 'person_of_concern', CASE WHEN i % 10 = 0 THEN 'police_intelligence' ELSE 'standard' END,
      ${nameSql('(i + 100000)')},
      jsonb_build_object('kind', 'person_of_concern', 'name', ${nameSql('(i + 100000)')},
        'aliases', CASE WHEN i % 3 = 0 THEN jsonb_build_array(initcap((${arr(SYLLABLES)})[1 + (i * 17) % ${SYLLABLES.length}] || 'y')) ELSE '[]'::jsonb END,
        'phones', CASE WHEN i % 5 < 2 THEN jsonb_build_array(jsonb_build_object('number',
          (${arr(PHONE_PREFIXES)})[1 + i % ${PHONE_PREFIXES.length}] || lpad(((i * 7) % 1000)::text, 3, '0'), 'uk', true)) ELSE '[]'::jsonb END,
        'handles', '[]'::jsonb, 'vehicleRegistrations', '[]'::jsonb, 'addresses', '[]'::jsonb,
        'sensitivity', CASE WHEN i % 10 = 0 THEN 'police_intelligence' ELSE 'standard' END),
      ${common}
    FROM generate_series(${r.persons[0]}::int, ${r.persons[1]}::int) AS i`.execute(trx);
  await sql`INSERT INTO contexts (id, kind, sensitivity, display_name, details, created_by, created_agency_id)
    SELECT md5('ctx' || i)::uuid, 'place', 'standard', (i % 400) || ' ' || initcap((${arr(SYLLABLES)})[1 + i % ${SYLLABLES.length}]) || ' Street',
      jsonb_build_object('kind', 'place', 'placeKind', (ARRAY['home', 'takeaway', 'park', 'hotel', 'shop'])[1 + i % 5],
        'addressLines', jsonb_build_array((i % 400) || ' ' || initcap((${arr(SYLLABLES)})[1 + i % ${SYLLABLES.length}]) || ' Street'),
        'postcode', 'ZX' || (1 + i % 9) || ' ' || (i % 10) || 'AB', 'sensitivity', 'standard'),
      ${common}
    FROM generate_series(${r.places[0]}::int, ${r.places[1]}::int) AS i`.execute(trx);
  await sql`INSERT INTO contexts (id, kind, sensitivity, display_name, details, created_by, created_agency_id)
    SELECT md5('ctx' || i)::uuid, 'vehicle', 'standard', 'ZA' || lpad((i % 100)::text, 2, '0') || ' ' || chr(65 + i % 26) || chr(65 + (i / 26) % 26) || chr(65 + (i / 676) % 26),
      jsonb_build_object('kind', 'vehicle', 'registration', 'ZA' || lpad((i % 100)::text, 2, '0') || chr(65 + i % 26) || chr(65 + (i / 26) % 26) || chr(65 + (i / 676) % 26),
        'make', (ARRAY['Ford', 'Vauxhall', 'BMW', 'Audi'])[1 + i % 4], 'colour', (ARRAY['silver', 'black', 'white'])[1 + i % 3], 'sensitivity', 'standard'),
      ${common}
    FROM generate_series(${r.vehicles[0]}::int, ${r.vehicles[1]}::int) AS i`.execute(trx);
  await sql`INSERT INTO contexts (id, kind, sensitivity, display_name, details, created_by, created_agency_id)
    SELECT md5('ctx' || i)::uuid, 'peer_group', 'standard', 'Group ' || i,
      jsonb_build_object('kind', 'peer_group', 'name', 'Group ' || i, 'sensitivity', 'standard'), ${common}
    FROM generate_series(${r.groups[0]}::int, ${r.groups[1]}::int) AS i`.execute(trx);
}

/** The identifiers matching and search use, in the normal forms the application writes. */
export async function identifiers(trx: Trx) {
  await sql`INSERT INTO context_identifiers (context_id, kind, value)
    SELECT id, 'name', lower(details->>'name') FROM contexts WHERE details ? 'name'
    UNION ALL
    SELECT id, 'alias', lower(a) FROM contexts, jsonb_array_elements_text(details->'aliases') AS a WHERE kind = 'person_of_concern'
    UNION ALL
    SELECT DISTINCT id, 'phone', p->>'number' FROM contexts, jsonb_array_elements(details->'phones') AS p WHERE kind = 'person_of_concern'
    UNION ALL
    SELECT id, 'street', lower(details->'addressLines'->>0) FROM contexts WHERE kind = 'place'
    UNION ALL
    SELECT id, 'postcode', details->>'postcode' FROM contexts WHERE kind = 'place'
    UNION ALL
    SELECT id, 'registration', replace(replace(details->>'registration', 'O', '0'), 'I', '1') FROM contexts WHERE kind = 'vehicle'
    ON CONFLICT DO NOTHING`.execute(trx);
}

const LINK_COLUMNS = sql`scope, from_kind, from_child_id, from_context_id, to_kind, to_context_id, nature, first_seen, last_seen,
  review_date, source_agency_id, source_author_id, grade_source, grade_intelligence, grade_handling, sensitivity, confirmed, created_by`;

/** Links from children, then between contexts; mostly within a community, one in fifty across. */
export async function links(trx: Trx, s: Sizes, ids: Ids) {
  const r = contextRanges(s);
  const K = s.communities;
  // A context number in community `c`, of the kind chosen by `pick` (0 person, 1 place, 2 vehicle, 3 group).
  const contextIn = sql`CASE pick
      WHEN 0 THEN 1 + ((c + K * floor(random() * ${Math.max(1, Math.floor(s.persons / K))}))::int % ${s.persons})
      WHEN 1 THEN ${r.places[0]} + ((c + K * floor(random() * ${Math.max(1, Math.floor(s.places / K))}))::int % ${s.places})
      WHEN 2 THEN ${r.vehicles[0]} + ((c + K * floor(random() * ${Math.max(1, Math.floor(s.vehicles / K))}))::int % ${s.vehicles})
      ELSE ${r.groups[0]} + ((c + K * floor(random() * ${Math.max(1, Math.floor(s.peerGroups / K))}))::int % ${s.peerGroups}) END`;
  const kinds = sql`(ARRAY['person_of_concern', 'place', 'vehicle', 'peer_group'])[pick + 1]`;
  const graded = sql`g.src, g.intel, 'P', CASE WHEN random() < 0.1 THEN 'police_intelligence' ELSE 'standard' END,
    g.src = '1' AND g.intel IN ('A', 'B'), ${ids.intelId}::uuid`;
  const seen = sql`seen.last - (random() * 60)::int, seen.last, seen.last + 182, ${ids.agencyId}::uuid, ${ids.intelId}::uuid`;
  const grade = sql`CROSS JOIN LATERAL (SELECT (ARRAY['1', '1', '2', '2', '3'])[1 + floor(random() * 5)::int] AS src,
      (ARRAY['A', 'B', 'B', 'C', 'C', 'D'])[1 + floor(random() * 6)::int] AS intel, e.l AS gl) g
    CROSS JOIN LATERAL (SELECT current_date - (random() * 400)::int AS last, e.l AS sl) seen`;
  await sql`INSERT INTO context_links (${LINK_COLUMNS})
    SELECT 'child_context', 'child', md5('child' || child)::uuid, NULL, ${kinds}, md5('ctx' || ctx)::uuid,
      (ARRAY['seen_with', 'frequents', 'transported_by', 'part_of'])[pick + 1], ${seen}, ${graded}
    FROM (
      SELECT l, pick, c, 1 + ((c + K * floor(random() * ${Math.max(1, Math.floor(s.children / K))}))::int % ${s.children}) AS child, ${contextIn} AS ctx
      FROM (SELECT l, (l % 4) AS pick, CASE WHEN random() < 0.02 THEN floor(random() * ${K})::int ELSE l % ${K} END AS c, ${K}::int AS K
            FROM generate_series(1, ${s.childLinks}::int) AS l) AS base
    ) AS e ${grade}`.execute(trx);
  await sql`INSERT INTO context_links (${LINK_COLUMNS})
    SELECT 'context_context', 'person_of_concern', NULL, md5('ctx' || person)::uuid, ${kinds}, md5('ctx' || ctx)::uuid,
      (ARRAY['associates_with', 'seen_at', 'drives_or_uses', 'part_of'])[pick + 1], ${seen}, ${graded}
    FROM (
      SELECT l, pick, c, 1 + ((c + K * floor(random() * ${Math.max(1, Math.floor(s.persons / K))}))::int % ${s.persons}) AS person, ${contextIn} AS ctx
      FROM (SELECT l, (l % 4) AS pick, CASE WHEN random() < 0.02 THEN floor(random() * ${K})::int ELSE l % ${K} END AS c, ${K}::int AS K
            FROM generate_series(1, ${s.contextLinks}::int) AS l) AS base
    ) AS e ${grade}
    WHERE md5('ctx' || person) <> md5('ctx' || ctx)`.execute(trx);
}
