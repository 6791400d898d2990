/**
 * Which configuration a record is read under. Every record keeps the version it was made under, so a
 * partnership that changes a timescale never silently moves an existing deadline: the clock of an old
 * episode is worked out with the configuration it was recorded with.
 *
 * A partnership that changes the configuration keeps the previous version in `KNOWN_CONFIGS` for as long
 * as records made under it are open.
 */
import { MISSING_CONFIG, type MissingConfig } from '../../domain/missing/index.ts';

const KNOWN_CONFIGS: ReadonlyMap<string, MissingConfig> = new Map([[MISSING_CONFIG.version, MISSING_CONFIG]]);

/** The configuration new records are made under. */
export const CURRENT_CONFIG: MissingConfig = MISSING_CONFIG;

/**
 * The configuration a record was made under. A version no longer known falls back to the current one,
 * with a warning the clock carries, rather than failing the page.
 */
export function configFor(version: string): { config: MissingConfig; warning: string | null } {
  const known = KNOWN_CONFIGS.get(version);
  if (known) return { config: known, warning: null };
  return {
    config: CURRENT_CONFIG,
    warning:
      `This record was made under configuration ${version}, which is no longer available; ` +
      `the clock uses version ${CURRENT_CONFIG.version}.`,
  };
}

/** The option lists and timescales a form needs, from the current configuration. */
export function reference(config: MissingConfig = CURRENT_CONFIG) {
  const options = (list: readonly { id: string; label: string; description?: string | undefined }[]) =>
    list.map((o) => ({ id: o.id, label: o.label, description: o.description ?? null }));
  const deadline = config.interviewDeadline;
  return {
    version: config.version,
    deadline:
      deadline.basis === 'elapsed_hours'
        ? { basis: deadline.basis, amount: deadline.hours, words: `${deadline.hours} hours` }
        : {
            basis: deadline.basis,
            amount: deadline.workingDays,
            words: `${deadline.workingDays} working days`,
          },
    repeatRule: { episodes: config.repeatEpisodes.episodes, withinDays: config.repeatEpisodes.withinDays },
    missingFrom: config.missingFrom.map((o) => ({
      id: o.id,
      label: o.label,
      description: o.description ?? null,
      placement: o.placement,
    })),
    protocolCategories: options(config.protocolCategories.categories),
    policeRiskGrades: options(config.policeRiskGrades.grades),
    policeRiskGradeNote: config.policeRiskGrades.note,
    howReturned: options(config.howReturned),
    pushFactors: config.pushFactors.map((f) => ({ id: f.id, label: f.label, description: null })),
    pullFactors: config.pullFactors.map((f) => ({ id: f.id, label: f.label, description: null })),
  };
}
