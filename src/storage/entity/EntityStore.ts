/**
 * The op-log engine: creates entities, appends operation packs with compare-and-swap (a writer
 * that loses the race re-reads, re-builds and re-validates its operations on the new tip, then
 * retries), reads current state or full validated history, and merges other clones' tips in
 * (created, fast-forwarded or joined by a merge commit: mergeEntity.ts, mergeMany.ts). An
 * operation over a size limit (domain/limits.ts) is refused before anything is written.
 */
import { MilestoneError } from '../../errors/MilestoneError';
import type { OpDraft, Operation, StoredOperation } from '../../domain/types';
import { hashOperation } from '../../domain/hash';
import { checkOperationLimits } from '../../domain/limits';
import type { Oid, Storage } from '../ports';
import { idFromRef, refName, refPrefix, type FormatNeed } from './layout';
import { mergeTips } from './mergeEntity';
import { mergeMany, type MergeOutcome } from './mergeMany';
import { encodePack } from './pack';
import { readHistories, readHistory } from './readHistory';
import { readTip } from './readTip';
import { readTips, type TipRead } from './readTips';
import { relateTips } from './relateTips';
import type { EntityDefinition, EntityHistory, EntityTip, WriteRequest } from './types';
import { writeCommit } from './writeCommit';

export const MAX_ATTEMPTS = 50;

export class EntityStore<S> {
  constructor(readonly storage: Storage, readonly def: EntityDefinition<S>) {}

  ref(id: string): string {
    return refName(this.def.kind, id);
  }

  /** id → tip commit of every entity of this kind (reads refs only). */
  async list(): Promise<Map<string, Oid>> {
    const refs = await this.storage.refs.list(refPrefix(this.def.kind));
    const out = new Map<string, Oid>();
    for (const [ref, oid] of refs) out.set(idFromRef(this.def.kind, ref), oid);
    return out;
  }

  async read(id: string): Promise<EntityTip<S>> {
    const { need, ...tip } = await this.readLevel(id);
    return tip;
  }

  /** read, plus the format level the tip is marked with (an append carries it on). */
  private async readLevel(id: string): Promise<EntityTip<S> & { need: FormatNeed | null }> {
    const ref = this.ref(id);
    const tip = await this.storage.refs.read(ref);
    if (!tip) throw new MilestoneError('NOT_FOUND', `no ${this.def.kind} ${id}`, { data: { id } });
    const { level: readLevel, release } = this.def.format;
    const { state, need } = await readTip<S>({ objects: this.storage.objects, ref, tip, readLevel, release });
    return { id, ref, tip, state, need };
  }

  /** Snapshots of many entities in three batched reads (commits, trees, blobs). */
  async readMany(tips: Map<string, Oid>): Promise<Map<string, TipRead<S>>> {
    const { level: readLevel, release } = this.def.format;
    const read = (wanted: Map<string, Oid>) => readTips<S>({ objects: this.storage.objects, kind: this.def.kind, tips: wanted, readLevel, release });
    const kept = this.kept;
    if (!kept) return read(tips);
    const missing = new Map([...tips].filter(([id, tip]) => kept.get(id)?.tip !== tip));
    const fresh = missing.size ? await read(missing) : new Map<string, TipRead<S>>();
    for (const [id, r] of fresh) if (!('error' in r)) kept.set(id, { tip: missing.get(id) as Oid, read: r });
    const out = new Map<string, TipRead<S>>();
    for (const [id, tip] of tips) {
      const r = fresh.get(id) ?? (kept.get(id)?.tip === tip ? kept.get(id)?.read : undefined);
      if (r) out.set(id, r);
    }
    return out;
  }

  /**
   * From now on readMany keeps what it read, by tip, and reads only entities whose tip moved: for a
   * long-lived process (the MCP server) that reads every milestone on each call. A snapshot never
   * changes at a given tip; the kept states are shared, so callers must not change them.
   */
  keepReads(): void {
    this.kept ??= new Map();
  }

  /** Whether keepReads() was called (a long-lived process: callers may keep answers too). */
  get keepsReads(): boolean {
    return this.kept !== undefined;
  }

  private kept?: Map<string, { tip: Oid; read: TipRead<S> }>;

  /** The level marker for operations on top of an entity marked `base` (null: unmarked). */
  private need(ops: Operation[], base: FormatNeed | null): FormatNeed {
    const level = Math.max(base?.level ?? 0, this.def.format.levelOf(ops));
    return { level, release: level === base?.level ? base.release : this.def.format.releaseOf(level) };
  }

  async history(id: string): Promise<EntityHistory<S>> {
    const ref = this.ref(id);
    const tip = await this.storage.refs.read(ref);
    if (!tip) throw new MilestoneError('NOT_FOUND', `no ${this.def.kind} ${id}`, { data: { id } });
    const { commits, ops } = await readHistory({ objects: this.storage.objects, def: this.def, ref, id, tip });
    return { id, ref, tip, state: this.def.apply(null, ops), commits, ops };
  }

  /** history() of many entities in shared batched reads; an entity that fails gets its error. */
  async historyMany(tips: Map<string, Oid>): Promise<Map<string, EntityHistory<S> | Error>> {
    const wanted = [...tips].map(([id, tip]) => ({ id, ref: this.ref(id), tip }));
    const out = new Map<string, EntityHistory<S> | Error>();
    for (const [id, r] of await readHistories(this.storage.objects, this.def, wanted)) {
      const w = tips.get(id) as Oid;
      out.set(id, r instanceof Error ? r : { id, ref: this.ref(id), tip: w, state: this.def.apply(null, r.ops), commits: r.commits, ops: r.ops });
    }
    return out;
  }

  async create(draft: OpDraft, who: WriteRequest): Promise<EntityTip<S>> {
    const op = stamp(draft, who, 1);
    this.def.check(op);
    checkOperationLimits(op);
    this.def.validate(null, op);
    const hash = hashOperation(op);
    const state = this.def.apply(null, [{ hash, op }]);
    const id = this.def.idOf ? this.def.idOf(op, hash) : hash;
    const ref = this.ref(id);
    const tip = await writeCommit({
      objects: this.storage.objects, parents: [], pack: encodePack([op]), snapshot: state,
      author: who.author, time: who.time, message: this.def.describe([op]), need: this.need([op], null),
    });
    await this.storage.refs.cas(ref, null, tip);
    return { id, ref, tip, state };
  }

  /**
   * Appends the operations `build` returns for the current state. `build` runs again on the fresh
   * state whenever another writer moved the ref first, so its checks always see the latest state.
   * `attach`: commits kept reachable from this one (layout.ts: attachments).
   */
  async append(
    id: string, who: WriteRequest, build: (state: S) => OpDraft[], o: { attach?: Oid[] } = {},
  ): Promise<EntityTip<S> & { ops: StoredOperation[] }> {
    for (let attempt = 1; ; attempt++) {
      const current = await this.readLevel(id);
      const drafts = build(current.state);
      if (drafts.length === 0) return { id, ref: current.ref, tip: current.tip, state: current.state, ops: [] };
      const { state, stored } = this.seal(current.state, drafts, who);
      const tip = await writeCommit({
        objects: this.storage.objects, parents: [current.tip], pack: encodePack(stored.map((s) => s.op)),
        snapshot: state, author: who.author, time: who.time, message: this.def.describe(stored.map((s) => s.op)),
        need: this.need(stored.map((s) => s.op), current.need), attach: o.attach,
      });
      try {
        await this.storage.refs.cas(current.ref, current.tip, tip);
        return { id, ref: current.ref, tip, state, ops: stored };
      } catch (e) {
        if (!(e instanceof MilestoneError) || e.code !== 'STALE_REF' || attempt >= MAX_ATTEMPTS) throw e;
        await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 5 * attempt)));
      }
    }
  }

  /**
   * Writes the commit of the operations `build` returns on top of `base` (null: a new entity, whose
   * first operation creates it with id `id`) and moves no ref: the caller publishes the commit, for
   * example by a compare-and-swap on a remote (core/claim). When `build` returns nothing, `base`
   * and its state with no `ops` (null for no base).
   */
  async commitOn(id: string, base: Oid | null, who: WriteRequest, build: (state: S | null) => OpDraft[]): Promise<EntityTip<S> & { ops: StoredOperation[] } | null> {
    const ref = this.ref(id);
    const { level: readLevel, release } = this.def.format;
    const at = base ? await readTip<S>({ objects: this.storage.objects, ref, tip: base, readLevel, release }) : null;
    const drafts = build(at?.state ?? null);
    if (drafts.length === 0) return at && base ? { id, ref, tip: base, state: at.state, ops: [] } : null;
    const { state, stored } = this.seal(at?.state ?? null, drafts, who);
    const root = stored[0];
    if (!base && (root.op.type !== this.def.createType || (this.def.idOf ? this.def.idOf(root.op, root.hash) : root.hash) !== id)) {
      throw new MilestoneError('INVALID_OPERATION', `a new ${this.def.kind} ${id.slice(0, 8)} must start with ${this.def.createType} giving its id`);
    }
    const tip = await writeCommit({
      objects: this.storage.objects, parents: base ? [base] : [], pack: encodePack(stored.map((x) => x.op)),
      snapshot: state, author: who.author, time: who.time, message: this.def.describe(stored.map((x) => x.op)),
      need: this.need(stored.map((x) => x.op), at?.need ?? null),
    });
    return { id, ref, tip, state: state as S, ops: stored };
  }

  /** Stamps, checks, validates and applies drafts one by one on top of `start`. */
  private seal<T extends S | null>(start: T, drafts: OpDraft[], who: WriteRequest): { state: S; stored: StoredOperation[] } {
    let state: S | null = start;
    const stored: StoredOperation[] = [];
    const clock = start === null ? 0 : this.def.clock(start);
    drafts.forEach((draft, i) => {
      const prepared = this.def.prepare && state !== null ? this.def.prepare(state, draft) : draft;
      const op = stamp(prepared, who, clock + 1 + i);
      this.def.check(op);
      checkOperationLimits(op);
      this.def.validate(state, op);
      const s = { hash: hashOperation(op), op };
      state = this.def.apply(state, [s]);
      stored.push(s);
    });
    return { state: state as S, stored };
  }

  /**
   * Brings another clone's tip of entity `id` into the local ref: creates it, fast-forwards it, or
   * writes a merge commit whose snapshot folds both sides. Leaves it alone if it already holds `other`.
   */
  async merge(id: string, other: Oid): Promise<MergeOutcome> {
    const ref = this.ref(id);
    for (let attempt = 1; ; attempt++) {
      const local = await this.storage.refs.read(ref);
      try {
        if (local === null) {
          await readHistory({ objects: this.storage.objects, def: this.def, ref, id, tip: other }); // refuses a damaged or forged entity
          await this.storage.refs.cas(ref, null, other);
          return { kind: 'created', tip: other };
        }
        const rel = (await relateTips(this.storage.objects, new Map([[id, { ref, local, other }]]))).get(id);
        if (rel instanceof Error) throw rel;
        if (rel === 'same' || rel === 'contains') return { kind: 'up-to-date', tip: local };
        if (rel === 'behind') await readHistory({ objects: this.storage.objects, def: this.def, ref, id, tip: other });
        const next = rel === 'behind' ? other : (await mergeTips({ objects: this.storage.objects, def: this.def, ref, id, local, other })).tip;
        await this.storage.refs.cas(ref, local, next);
        return { kind: rel === 'behind' ? 'fast-forward' : 'merged', tip: next };
      } catch (e) {
        if (!(e instanceof MilestoneError) || e.code !== 'STALE_REF' || attempt >= MAX_ATTEMPTS) return { kind: 'error', error: e as Error };
        await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 5 * attempt)));
      }
    }
  }

  /** `merge` for many entities (id → other tip), with ancestry decided in shared batched reads. */
  async mergeMany(others: Map<string, Oid>): Promise<Map<string, MergeOutcome>> {
    const locals = await this.list();
    return mergeMany({ storage: this.storage, def: this.def, locals, others, ref: (id) => this.ref(id), mergeOne: (id, tip) => this.merge(id, tip) });
  }
}

function stamp(draft: OpDraft, who: WriteRequest, lamport: number): Operation {
  return { ...draft, author: who.author, time: who.time, lamport } as Operation;
}
