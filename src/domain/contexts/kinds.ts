/**
 * The vocabulary of contexts and connections: what kinds of context Lantern records, what kinds of
 * place, and the natures of links between a child and a context or between two contexts.
 *
 * Language (PRODUCT.md §3, seed 000 §4): a person of concern is described by what they did, never by
 * the word an exploiter uses about themselves ("boyfriend", "girlfriend"); and an exploiting adult's
 * contact with a child is never a "relationship". Every label and description here is tested against a
 * list of words that must not appear. Things given to a child are what the person used to exploit, not
 * something the child traded.
 *
 * Sources: seed 004, "Multi Agency Child Exploitation meeting and risk assessment" (connections between
 * children, perpetrators, locations and premises); research notes anchor-systems §4.3 (contextual
 * safeguarding: peers, places, persons of concern, online spaces); seed 001 research notes §5.3
 * (locations, vehicles, online identities, businesses such as hotels and taxis).
 */

export const CONTEXT_KINDS = [
  'person_of_concern',
  'place',
  'peer_group',
  'online_space',
  'vehicle',
  'business',
] as const;
export type ContextKind = (typeof CONTEXT_KINDS)[number];

export interface ContextKindInfo {
  readonly name: string;
  readonly description: string;
}

export const CONTEXT_KIND_INFO = {
  person_of_concern: {
    name: 'Person of concern',
    description:
      'Someone who may pose a risk to children. Recorded by what they are known or suspected to have done, with the source of each piece of information. A person of concern who is under 18 is a child first: their own child record is linked and shown before anything else.',
  },
  place: {
    name: 'Place',
    description:
      'A location linked to harm or to where children are taken, found or contacted: a home, hotel, takeaway, park, shop, taxi rank, party house and so on.',
  },
  peer_group: {
    name: 'Peer group',
    description:
      'A group of young people who spend time together, mapped to understand and reduce harm, not to label the children in it.',
  },
  online_space: {
    name: 'Online space',
    description: 'An account, group, channel or server on an online platform, with its handle or name.',
  },
  vehicle: {
    name: 'Vehicle',
    description: 'A vehicle used to transport or contact children, identified by its registration.',
  },
  business: {
    name: 'Business',
    description:
      'A business whose premises, staff or vehicles are linked to harm: a hotel, a takeaway, a taxi or private hire firm, licensed premises.',
  },
} as const satisfies Record<ContextKind, ContextKindInfo>;

export const PLACE_KINDS = [
  'home',
  'childrens_home',
  'hotel',
  'bed_and_breakfast',
  'hostel',
  'takeaway',
  'shop',
  'licensed_premises',
  'park',
  'street',
  'school',
  'leisure',
  'transport_hub',
  'taxi_rank',
  'car_park',
  'party_house',
  'other',
] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

export const PLACE_KIND_NAMES = {
  home: 'Home (house or flat)',
  childrens_home: "Children's home or supported accommodation",
  hotel: 'Hotel',
  bed_and_breakfast: 'Bed and breakfast or guest house',
  hostel: 'Hostel',
  takeaway: 'Takeaway',
  shop: 'Shop',
  licensed_premises: 'Pub, bar or club',
  park: 'Park or open space',
  street: 'Street or other public space',
  school: 'School or college',
  leisure: 'Leisure centre, arcade, cinema or shopping centre',
  transport_hub: 'Bus or train station',
  taxi_rank: 'Taxi rank',
  car_park: 'Car park',
  party_house: 'House used for parties',
  other: 'Other place',
} as const satisfies Record<PlaceKind, string>;

/** Places where guests stay overnight: the kinds a hotel and B&B information request can concern. */
export const OVERNIGHT_ACCOMMODATION: readonly PlaceKind[] = ['hotel', 'bed_and_breakfast', 'hostel'];

export const ONLINE_PLATFORMS = [
  'instagram',
  'snapchat',
  'tiktok',
  'whatsapp',
  'facebook',
  'x',
  'telegram',
  'discord',
  'youtube',
  'gaming',
  'other',
] as const;
export type OnlinePlatform = (typeof ONLINE_PLATFORMS)[number];

export const ONLINE_PLATFORM_NAMES = {
  instagram: 'Instagram',
  snapchat: 'Snapchat',
  tiktok: 'TikTok',
  whatsapp: 'WhatsApp',
  facebook: 'Facebook',
  x: 'X (Twitter)',
  telegram: 'Telegram',
  discord: 'Discord',
  youtube: 'YouTube',
  gaming: 'Gaming network (Xbox, PlayStation, Roblox…)',
  other: 'Other platform',
} as const satisfies Record<OnlinePlatform, string>;

export const ONLINE_SPACE_KINDS = ['account', 'group', 'channel', 'server', 'website'] as const;
export type OnlineSpaceKind = (typeof ONLINE_SPACE_KINDS)[number];

export const BUSINESS_SECTORS = [
  'hotel_or_guest_house',
  'takeaway_or_restaurant',
  'taxi_or_private_hire',
  'shop',
  'licensed_premises',
  'car_wash',
  'other',
] as const;
export type BusinessSector = (typeof BUSINESS_SECTORS)[number];

export const BUSINESS_SECTOR_NAMES = {
  hotel_or_guest_house: 'Hotel, B&B or guest house',
  takeaway_or_restaurant: 'Takeaway or restaurant',
  taxi_or_private_hire: 'Taxi or private hire firm',
  shop: 'Shop',
  licensed_premises: 'Pub, bar or club',
  car_wash: 'Car wash',
  other: 'Other business',
} as const satisfies Record<BusinessSector, string>;

/** One end of a link: a child's record, or a context of some kind. */
export type EndpointKind = 'child' | ContextKind;

export type LinkScope = 'child_context' | 'context_context';

export interface LinkNature {
  readonly id: string;
  readonly scope: LinkScope;
  /** How the link reads from its `from` end: "[child] transported by [vehicle]". */
  readonly label: string;
  /** How it reads from the other end: "[vehicle] transported [child]". */
  readonly inverseLabel: string;
  /** Kinds allowed at the `from` end (always `child` for child_context links). */
  readonly from: readonly EndpointKind[];
  /** Kinds allowed at the `to` end. */
  readonly to: readonly ContextKind[];
  readonly description: string;
  /**
   * Whether two children linked to the same context this way are "connected" in the MACE group view.
   * Attending the same school is not, on its own, a connection of concern; being taken to the same
   * flat is.
   */
  readonly connectsChildren: boolean;
}

const ALL_CONTEXTS: readonly ContextKind[] = CONTEXT_KINDS;

export const LINK_NATURES = [
  // Child ↔ context: always read from the child.
  {
    id: 'seen_with',
    scope: 'child_context',
    label: 'Seen with',
    inverseLabel: 'Seen with',
    from: ['child'],
    to: ['person_of_concern', 'peer_group'],
    description: 'The child was seen in the company of this person or group.',
    connectsChildren: true,
  },
  {
    id: 'transported_by',
    scope: 'child_context',
    label: 'Transported by',
    inverseLabel: 'Transported',
    from: ['child'],
    to: ['person_of_concern', 'vehicle', 'business'],
    description: 'The child was driven, collected or moved by this person, in this vehicle or by this firm.',
    connectsChildren: true,
  },
  {
    id: 'contacted_online_by',
    scope: 'child_context',
    label: 'Contacted online by',
    inverseLabel: 'Contacted online',
    from: ['child'],
    to: ['person_of_concern', 'online_space'],
    description: 'This person or account contacted the child through an online platform or game.',
    connectsChildren: true,
  },
  {
    id: 'contacted_by_phone_by',
    scope: 'child_context',
    label: 'Contacted by phone or text by',
    inverseLabel: 'Contacted by phone or text',
    from: ['child'],
    to: ['person_of_concern'],
    description: 'This person called or texted the child, or gave the child a phone.',
    connectsChildren: true,
  },
  {
    id: 'given_gifts_by',
    scope: 'child_context',
    label: 'Given gifts, money or other things by',
    inverseLabel: 'Gave gifts, money or other things to',
    from: ['child'],
    to: ['person_of_concern', 'business'],
    description:
      'Gifts, money, food, phone credit, lifts or somewhere to stay given to the child: a way people who exploit create a sense of debt.',
    connectsChildren: true,
  },
  {
    id: 'given_alcohol_or_drugs_by',
    scope: 'child_context',
    label: 'Given alcohol or drugs by',
    inverseLabel: 'Gave alcohol or drugs to',
    from: ['child'],
    to: ['person_of_concern'],
    description: 'This person supplied the child with alcohol or drugs.',
    connectsChildren: true,
  },
  {
    id: 'harmed_by',
    scope: 'child_context',
    label: 'Harmed by (known or suspected)',
    inverseLabel: 'Harmed (known or suspected)',
    from: ['child'],
    to: ['person_of_concern'],
    description:
      'Known or suspected sexual or criminal exploitation or other abuse of the child by this person. The grading and source say how sure it is.',
    connectsChildren: true,
  },
  {
    id: 'lives_at',
    scope: 'child_context',
    label: 'Lives at',
    inverseLabel: 'Home of',
    from: ['child'],
    to: ['place'],
    description: "The child's home or placement.",
    connectsChildren: true,
  },
  {
    id: 'stayed_at',
    scope: 'child_context',
    label: 'Stayed at',
    inverseLabel: 'Where the child stayed',
    from: ['child'],
    to: ['place'],
    description: 'The child stayed overnight here (a hotel, a flat, a house used for parties).',
    connectsChildren: true,
  },
  {
    id: 'taken_to',
    scope: 'child_context',
    label: 'Taken to',
    inverseLabel: 'Where the child was taken',
    from: ['child'],
    to: ['place', 'business'],
    description: 'Someone took the child to this place.',
    connectsChildren: true,
  },
  {
    id: 'found_at',
    scope: 'child_context',
    label: 'Found at',
    inverseLabel: 'Where the child was found',
    from: ['child'],
    to: ['place'],
    description: 'Where the child was found, for example after a missing episode.',
    connectsChildren: true,
  },
  {
    id: 'frequents',
    scope: 'child_context',
    label: 'Spends time at',
    inverseLabel: 'Where the child spends time',
    from: ['child'],
    to: ['place', 'online_space', 'business'],
    description: 'A place or online space where the child is often seen or spends time.',
    connectsChildren: true,
  },
  {
    id: 'part_of',
    scope: 'child_context',
    label: 'Part of',
    inverseLabel: 'Includes',
    from: ['child'],
    to: ['peer_group', 'online_space'],
    description: 'The child is part of this peer group or online group.',
    connectsChildren: true,
  },
  {
    id: 'works_at',
    scope: 'child_context',
    label: 'Works or worked at',
    inverseLabel: 'Where the child works or worked',
    from: ['child'],
    to: ['place', 'business'],
    description: 'The child is given work, paid or unpaid, at this place or business.',
    connectsChildren: true,
  },
  {
    id: 'attends',
    scope: 'child_context',
    label: 'Attends',
    inverseLabel: 'Attended by',
    from: ['child'],
    to: ['place'],
    description:
      'The child goes to this school, college or club. Sharing a school is not on its own a connection of concern, so these links do not join children into groups.',
    connectsChildren: false,
  },

  // Context ↔ context: read from the `from` context.
  {
    id: 'associates_with',
    scope: 'context_context',
    label: 'Associates with',
    inverseLabel: 'Associates with',
    from: ['person_of_concern'],
    to: ['person_of_concern', 'peer_group'],
    description:
      'This person is known or suspected to act with, or spend time with, the other person or group.',
    connectsChildren: true,
  },
  {
    id: 'part_of',
    scope: 'context_context',
    label: 'Part of',
    inverseLabel: 'Includes',
    from: ['person_of_concern'],
    to: ['peer_group', 'online_space'],
    description: 'This person is part of the group or online group.',
    connectsChildren: true,
  },
  {
    id: 'drives_or_uses',
    scope: 'context_context',
    label: 'Drives or uses',
    inverseLabel: 'Driven or used by',
    from: ['person_of_concern'],
    to: ['vehicle'],
    description: 'This person drives or uses the vehicle.',
    connectsChildren: true,
  },
  {
    id: 'registered_keeper_of',
    scope: 'context_context',
    label: 'Registered keeper of',
    inverseLabel: 'Registered to',
    from: ['person_of_concern', 'business'],
    to: ['vehicle'],
    description: 'The vehicle is registered to this person or business.',
    connectsChildren: true,
  },
  {
    id: 'lives_at',
    scope: 'context_context',
    label: 'Lives at',
    inverseLabel: 'Home of',
    from: ['person_of_concern'],
    to: ['place'],
    description: 'Where this person lives or stays.',
    connectsChildren: true,
  },
  {
    id: 'frequents',
    scope: 'context_context',
    label: 'Spends time at',
    inverseLabel: 'Where this person spends time',
    from: ['person_of_concern', 'vehicle'],
    to: ['place', 'online_space', 'business'],
    description: 'A place, business or online space where this person or vehicle is often seen.',
    connectsChildren: true,
  },
  {
    id: 'owns_or_runs',
    scope: 'context_context',
    label: 'Owns, runs or manages',
    inverseLabel: 'Owned, run or managed by',
    from: ['person_of_concern'],
    to: ['business', 'place', 'online_space'],
    description: 'This person owns, runs or manages the business, premises, account or group.',
    connectsChildren: true,
  },
  {
    id: 'works_at',
    scope: 'context_context',
    label: 'Works at',
    inverseLabel: 'Workplace of',
    from: ['person_of_concern'],
    to: ['business', 'place'],
    description: 'This person works at the business or premises (including as a driver).',
    connectsChildren: true,
  },
  {
    id: 'trades_from',
    scope: 'context_context',
    label: 'Trades from',
    inverseLabel: 'Premises of',
    from: ['business'],
    to: ['place'],
    description: "The business's premises.",
    connectsChildren: true,
  },
  {
    id: 'operates_vehicle',
    scope: 'context_context',
    label: 'Operates',
    inverseLabel: 'Operated by',
    from: ['business'],
    to: ['vehicle'],
    description: 'The firm operates or licenses the vehicle (for example a private hire car).',
    connectsChildren: true,
  },
  {
    id: 'seen_at',
    scope: 'context_context',
    label: 'Seen at',
    inverseLabel: 'Where seen',
    from: ['person_of_concern', 'vehicle'],
    to: ['place'],
    description: 'The person or vehicle was seen at this place.',
    connectsChildren: true,
  },
  {
    id: 'linked_to',
    scope: 'context_context',
    label: 'Linked to',
    inverseLabel: 'Linked to',
    from: ALL_CONTEXTS,
    to: ALL_CONTEXTS,
    description: 'Another connection between two contexts; say what it is in the note.',
    connectsChildren: true,
  },
] as const satisfies readonly LinkNature[];

export type LinkNatureId = (typeof LINK_NATURES)[number]['id'];

export const LINK_NATURE_IDS = [...new Set(LINK_NATURES.map((n) => n.id))] as [
  LinkNatureId,
  ...LinkNatureId[],
];

/** The nature with this id in this scope, if there is one. */
export function findLinkNature(id: string, scope: LinkScope): LinkNature | undefined {
  return (LINK_NATURES as readonly LinkNature[]).find((n) => n.id === id && n.scope === scope);
}

/** Whether a nature may join these two kinds of endpoint. */
export function natureAllows(nature: LinkNature, from: EndpointKind, to: ContextKind): boolean {
  return nature.from.includes(from) && nature.to.includes(to);
}

export function isContextKind(value: string): value is ContextKind {
  return (CONTEXT_KINDS as readonly string[]).includes(value);
}
