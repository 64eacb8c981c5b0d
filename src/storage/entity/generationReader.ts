import type { ObjectStore, Oid, RawObject } from '../ports';

/**
 * Reads an entity's commit graph a generation at a time. From the third generation on (a chain
 * longer than two commits), the first-parent chains of the commits asked for are listed in one
 * `ancestors` walk and read in one readMany, so the generations after cost no round trip; a merge's
 * other side is prefetched the same way when the walk first meets it. First parents only: an
 * entity commit's first parent is always an entity commit, whereas an extra parent may be an
 * attachment (layout.ts) whose whole project history must not be read. When the walk fails (a
 * missing object) the rest is read per generation as before, so a missing commit is still named
 * by the entity that needs it.
 */
export class GenerationReader {
  private round = 0;
  private walking = true;
  private readonly ahead = new Map<Oid, RawObject>();

  constructor(private readonly objects: ObjectStore) {}

  async next(oids: Oid[]): Promise<Map<Oid, RawObject>> {
    let rest = oids.filter((o) => !this.ahead.has(o));
    if (++this.round >= 3 && this.walking && rest.length > 0) {
      const chains = await this.objects.ancestors(rest);
      if (chains === null) this.walking = false;
      else for (const [oid, obj] of await this.objects.readMany(chains)) this.ahead.set(oid, obj);
      rest = rest.filter((o) => !this.ahead.has(o));
    }
    if (this.round < 3) return this.objects.readMany(oids);
    if (rest.length > 0) for (const [oid, obj] of await this.objects.readMany(rest)) this.ahead.set(oid, obj);
    return this.ahead;
  }
}
