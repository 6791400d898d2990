import { describe, expect, it } from 'vitest';
import { ACTION_GROUPS, ACTION_INFO, ACTIONS, isAction } from './actions.ts';
import { ACTION_GRANTS, FRONT_DOOR_AGENCIES, LABEL_GRANTS } from './rules.ts';
import {
  AGENCY_TYPE_LABELS,
  AGENCY_TYPES,
  hasRelationship,
  isAgencyType,
  isRole,
  isSensitivityLabel,
  NO_RELATIONSHIP,
  RELATIONSHIP_KIND_LABELS,
  RELATIONSHIP_KINDS,
  ROLE_LABELS,
  ROLES,
  SENSITIVITY_LABEL_NAMES,
  SENSITIVITY_LABELS,
} from './types.ts';

describe('vocabulary', () => {
  it.each([
    ['roles', ROLES, ROLE_LABELS],
    ['agency types', AGENCY_TYPES, AGENCY_TYPE_LABELS],
    ['sensitivity labels', SENSITIVITY_LABELS, SENSITIVITY_LABEL_NAMES],
    ['relationship kinds', RELATIONSHIP_KINDS, RELATIONSHIP_KIND_LABELS],
  ] as const)('every one of the %s has a plain-English name, and nothing else does', (_, values, names) => {
    expect(Object.keys(names).sort()).toEqual([...values].sort());
    for (const name of Object.values(names)) expect(name.trim()).not.toBe('');
    expect(new Set(values).size).toBe(values.length);
  });

  it('names police intelligence plainly for the UI', () => {
    expect(SENSITIVITY_LABEL_NAMES.police_intelligence).toBe('Police intelligence');
  });

  it('every action belongs to a known group and has a description', () => {
    expect(new Set(ACTIONS).size).toBe(ACTIONS.length);
    for (const action of ACTIONS) {
      expect(ACTION_GROUPS).toContain(ACTION_INFO[action].group);
      expect(ACTION_INFO[action].description.trim()).not.toBe('');
    }
  });
});

describe('NO_RELATIONSHIP', () => {
  it('holds no relationship and cannot be changed', () => {
    for (const kind of RELATIONSHIP_KINDS) expect(hasRelationship(NO_RELATIONSHIP, kind)).toBe(false);
    expect(Object.values(NO_RELATIONSHIP).every((v) => v === false)).toBe(true);
    expect(Object.isFrozen(NO_RELATIONSHIP)).toBe(true);
  });
});

describe('runtime guards', () => {
  it('accept the known values only', () => {
    expect(ROLES.every(isRole)).toBe(true);
    expect(AGENCY_TYPES.every(isAgencyType)).toBe(true);
    expect(SENSITIVITY_LABELS.every(isSensitivityLabel)).toBe(true);
    expect(ACTIONS.every(isAction)).toBe(true);
    for (const odd of ['', 'Police', 'toString', '__proto__', null, undefined, 1, {}]) {
      expect(isRole(odd)).toBe(false);
      expect(isAgencyType(odd)).toBe(false);
      expect(isSensitivityLabel(odd)).toBe(false);
      expect(isAction(odd)).toBe(false);
    }
  });

  it('hasRelationship is false for anything but a real true', () => {
    expect(hasRelationship(null, 'lead_worker')).toBe(false);
    expect(hasRelationship(undefined, 'lead_worker')).toBe(false);
    expect(hasRelationship({ ...NO_RELATIONSHIP, isLeadWorker: true }, 'lead_worker')).toBe(true);
    expect(hasRelationship({ ...NO_RELATIONSHIP, breakGlass: undefined }, 'break_glass')).toBe(false);
  });
});

describe('the rule tables', () => {
  it('cannot be changed at runtime', () => {
    expect(Object.isFrozen(ACTION_GRANTS)).toBe(true);
    expect(Object.isFrozen(ACTION_GRANTS['child.read'])).toBe(true);
    expect(Object.isFrozen(LABEL_GRANTS.police_intelligence[0])).toBe(true);
    expect(Object.isFrozen(FRONT_DOOR_AGENCIES)).toBe(true);
    expect(() => (FRONT_DOOR_AGENCIES as string[]).push('health')).toThrow();
  });
});
