/**
 * Fictional test data for the meetings domain: the borough of Fernbridge, invented children, persons of
 * concern, places and agencies. Phone numbers are from the range Ofcom keeps for drama (07700 900xxx);
 * registrations and postcodes use the invented "FB" area. Used only by the tests beside this file; not
 * exported from the capability's index.
 */

/** A valid id that is easy to read in a failure: id(7) is …-000000000007. */
export function id(n: number): string {
  return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

export const at = (iso: string) => new Date(iso);

export const AGENCY = {
  csc: { id: id(9001), name: 'Fernbridge Children’s Services', type: 'childrens_social_care' as const },
  police: { id: id(9002), name: 'Fernbridge Police', type: 'police' as const },
  health: { id: id(9003), name: 'Fernbridge Health Trust', type: 'health' as const },
  school: { id: id(9004), name: 'Fernbridge Academy', type: 'education' as const },
  yjs: { id: id(9005), name: 'Fernbridge Youth Justice Service', type: 'youth_justice' as const },
  vol: { id: id(9006), name: 'Safe Steps Fernbridge', type: 'voluntary_sector' as const },
};

export const CHILD = {
  amira: id(101),
  kai: id(102),
  leah: id(103),
  tyler: id(104),
  zoe: id(105),
};

export const CONTEXT = {
  dean: id(201), // a person of concern
  flat: id(202), // a place
  busStation: id(203),
  car: id(204),
  group: id(205),
};

/** Police intelligence about the person of concern: restricted, never in a school's copy. */
export const POLICE_INTELLIGENCE =
  'Intelligence graded B2 indicates that Dean Marsh uses the flat above the Quickbite takeaway on Mill Lane ' +
  'to hold children overnight and drives a silver Ford Focus FB19 XKT. He is believed to contact children ' +
  'on 07700 900461 and through the account @jaymarsh_fb.';
