/**
 * Invented names, places and vehicles for the matching evaluation set. Every name is made up and
 * obviously so; real first names appear only to exercise the nickname list, always with an invented
 * family name.
 */
import type { OnlinePlatform } from './kinds.ts';

export const GIVEN_A = [
  'Zor',
  'Quil',
  'Fen',
  'Dax',
  'Mor',
  'Bel',
  'Tav',
  'Ryn',
  'Ost',
  'Vel',
  'Kar',
  'Lum',
  'Pax',
  'Jor',
  'Nim',
  'Sab',
  'Tul',
  'Yar',
  'Hux',
  'Wen',
];
export const GIVEN_B = [
  'bin',
  'lan',
  'ric',
  'ton',
  'vey',
  'mond',
  'dell',
  'ro',
  'zo',
  'ek',
  'wyn',
  'dra',
  'mir',
  'ter',
  'oss',
  'ula',
];
/** Real first names from the equivalence list, so nickname and transliteration matching is exercised. */
export const GIVEN_WITH_VARIANTS: Record<string, readonly string[]> = {
  Jonathan: ['Jon', 'Jonny'],
  Mohammed: ['Muhammad', 'Mohamed', 'Mohammad'],
  Michael: ['Mike', 'Mikey'],
  Daniel: ['Danny', 'Dan'],
  Katherine: ['Kate', 'Katie', 'Catherine'],
  Rebecca: ['Becky'],
  Yusuf: ['Yousef', 'Yusef'],
  Ahmed: ['Ahmad'],
};
export const FAMILY_A = [
  'Quill',
  'Marrow',
  'Thistle',
  'Bramble',
  'Fennel',
  'Gorse',
  'Nettle',
  'Hollin',
  'Sorrel',
  'Tansy',
  'Burdock',
  'Wimble',
  'Crumb',
  'Pebble',
  'Muddle',
  'Tumble',
];
export const FAMILY_B = [
  'feather',
  'gate',
  'wick',
  'cott',
  'by',
  'worth',
  'field',
  'stone',
  'ridge',
  'more',
  'bottom',
  'shaw',
];
export const MIDDLE = ['Orrin', 'Ptolemy', 'Quentavius', 'Brisby'];
export const ALIASES = [
  'Jay-Dee',
  'Zed',
  'Kaz',
  'Shadow',
  'Tiny',
  'Ace',
  'Dex',
  'Bam',
  'Rio',
  'Nino',
  'Smoke',
  'Blue',
  'Moth',
  'Sparrow',
  'Pip',
  'Tricks',
];
export const PLATFORMS: readonly OnlinePlatform[] = ['instagram', 'snapchat', 'tiktok'];
export const STREET_A = [
  'Marrow',
  'Quill',
  'Thistle',
  'Bramble',
  'Gorse',
  'Nettle',
  'Tansy',
  'Wimble',
  'Crumble',
  'Fiddle',
];
export const STREET_B = ['gate', 'wick', 'field', 'stone', 'ridge', 'moor'];
export const STREET_TYPES: Record<string, string> = {
  Road: 'Rd',
  Street: 'St',
  Lane: 'Ln',
  Avenue: 'Ave',
  Close: 'Cl',
  Crescent: 'Cres',
  Gardens: 'Gdns',
};
export const TOWNS = ['Fennelby', 'Upper Muddleton', 'Crumbridge', 'Little Snoring-on-Quill'];
export const HOTEL_NAMES = [
  'The Gilded Marrow Hotel',
  'Sleepy Badger Inn',
  'The Wandering Thistle Hotel',
  'Moth and Lantern B&B',
];
export const MAKES = ['Ford', 'Vauxhall', 'Volkswagen', 'Toyota', 'BMW', 'Audi', 'Nissan', 'Kia'];
export const COLOURS = ['black', 'silver', 'white', 'grey', 'blue', 'red'];
export const PLATE_LETTERS = 'ABCDEFGHJKLMNOPRSTUVWXY';
export const INWARD_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';
