/**
 * The row types every index hands around (MilestoneIndex re-exports them). A file of their own so
 * the shared list code (summaryList, renderRows, rowCounts) and the MilestoneIndex interface do not
 * import each other.
 */

/** What the cheap list filters need of a row without parsing it. */
export interface RowMeta {
  id: string;
  status: string;
  archived: boolean;
  createdAt: string;
}

/**
 * A live milestone's summary, pre-rendered as the JSON `list --json` prints for it: bytes
 * `start..end` of `body`. Rows read from the list cache share one body, stored back to back with a
 * `,\n` between them, so a run of consecutive rows is one slice.
 */
export interface ListRow extends RowMeta {
  body: Buffer;
  start: number;
  end: number;
}
