/**
 * Format levels: how the data format grows without breaking a team whose members run different
 * releases. Every operation type (ops/OpHandler.ts `level`) and every entity kind belongs to the
 * level that introduced it; a level is introduced by exactly one release and never changes meaning.
 * A writer marks each commit with the highest level its entity holds (storage/entity/layout.ts); a
 * reader below that level refuses the entity with FORMAT_TOO_NEW, naming the release it needs, and
 * reads everything else as before. Data of level 1 carries no mark, so it reads the same as ever.
 */

/** This release (kept equal to package.json's version by a unit test). */
export const PACKAGE_VERSION = '0.3.0';

/** Level → the release that introduced it. Add a level here when a release adds a type or kind. */
export const FORMAT_LEVELS: Readonly<Record<number, string>> = {
  1: '0.1.0',
  /** The phased workflow (issue 10): task.workflow, phase.set, review.add. */
  2: '0.2.0',
  /** milestone.workflow (a milestone's workflow as its own field; 0.2.0 kept it in extra), and the
   * session entity kind (session.*) of issue 11. */
  3: '0.3.0',
};

/** The level of data that carries no mark: everything 0.1.0 writes. */
export const BASE_LEVEL = 1;

/** The highest level this build reads and writes. */
export const READ_LEVEL = Math.max(...Object.keys(FORMAT_LEVELS).map(Number));
