/**
 * The version of every derived index's layout and of the list summary's shape. Bump it whenever
 * either changes (summary fields added, renamed, rendered differently): a file index written by
 * another version is thrown away and rebuilt from the refs on its next read, and the database
 * indexes fold it into their schema version. test/unit/index/fileIndex.test.ts (INDEX_VERSION) fails when the
 * summary's keys change and this does not.
 */
export const INDEX_VERSION = 8;
