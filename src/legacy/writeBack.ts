/**
 * The inverse of Residue (export): starts from the residue kept in `extra` and puts each model
 * field back at the legacy path it was taken from (`extra.legacy.mapped`). A field that was not in
 * the legacy document is written only when it holds something other than its default (a value the
 * model could not hold stays as the file had it until it is changed in git-milestone).
 * An entity created in git-milestone (no `extra.legacy`) gets every field that has a value.
 */
import { isObject, LEGACY_KEY, setPath, hasPath } from './residue';
import type { Json, JsonObject } from './types';

export class WriteBack {
  readonly doc: JsonObject;
  /** The bookkeeping an import left in `extra.legacy` ({} for a native entity). */
  readonly book: JsonObject;
  readonly native: boolean;
  private readonly mapped: Set<string>;

  constructor(extra: Record<string, unknown>) {
    const { [LEGACY_KEY]: book, ...rest } = structuredClone(extra) as JsonObject;
    this.native = !isObject(book);
    this.book = isObject(book) ? book : {};
    this.mapped = new Set(Array.isArray(this.book.mapped) ? this.book.mapped.filter((p): p is string => typeof p === 'string') : []);
    this.doc = this.native && book !== undefined ? { ...rest, [LEGACY_KEY]: book } : rest;
    if (this.book.ownLegacy !== undefined) this.doc[LEGACY_KEY] = this.book.ownLegacy;
  }

  /**
   * Writes `value` at the first of `paths` that was mapped. When none was, a default value is not
   * written (the residue keeps whatever the file had there); any other value was set after the
   * import and goes where the residue has the field, else to `fallback` (default: the first path).
   * null or undefined means "no value": nothing is written.
   */
  put(paths: string[], value: Json | undefined, isDefault: boolean, fallback = paths[0]): void {
    if (value === null || value === undefined) return;
    const mapped = paths.find((p) => this.mapped.has(p));
    if (mapped) return setPath(this.doc, mapped, value);
    if (isDefault) return;
    setPath(this.doc, paths.find((p) => hasPath(this.doc, p)) ?? fallback, value);
  }

  /** Whether the import took `path`'s value into a model field (so an export puts it back there). */
  wasMapped(path: string): boolean {
    return this.mapped.has(path);
  }

  /** The legacy document with the given keys first, in that order, and the rest after. */
  ordered(order: readonly string[]): JsonObject {
    const out: JsonObject = {};
    for (const k of order) if (Object.prototype.hasOwnProperty.call(this.doc, k)) out[k] = this.doc[k];
    for (const [k, v] of Object.entries(this.doc)) if (!(k in out)) out[k] = v;
    return out;
  }
}
