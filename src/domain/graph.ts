/**
 * Cycle detection on a directed graph given as adjacency lists (`a → [b, c]`: a depends on b and
 * c). Pure and deterministic: neighbours are visited in list order and nodes in Map order, so the
 * same graph always yields the same cycle. Iterative (no recursion), so deep chains are fine.
 */

export type Edges = ReadonlyMap<string, readonly string[]>;

function neighbours(edges: Edges, node: string): readonly string[] {
  return edges.get(node) ?? [];
}

/** Shortest cycle through `from` (breadth-first), as a closed path `[from, …, from]`, or null. */
function cycleThrough(edges: Edges, from: string): string[] | null {
  const parent = new Map<string, string>();
  const queue: string[] = [from];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head];
    for (const next of neighbours(edges, node)) {
      if (next === from) {
        const path = [from];
        for (let at = node; at !== from; at = parent.get(at) as string) path.splice(1, 0, at);
        path.push(from);
        return path;
      }
      if (!parent.has(next)) {
        parent.set(next, node);
        queue.push(next);
      }
    }
  }
  return null;
}

/** First cycle met by a depth-first walk over the nodes in Map order, as a closed path, or null. */
function anyCycle(edges: Edges): string[] | null {
  const done = new Set<string>();
  for (const root of edges.keys()) {
    if (done.has(root)) continue;
    const stack: Array<{ node: string; next: number }> = [{ node: root, next: 0 }];
    const onStack = new Map<string, number>([[root, 0]]);
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const list = neighbours(edges, top.node);
      if (top.next >= list.length) {
        stack.pop();
        onStack.delete(top.node);
        done.add(top.node);
        continue;
      }
      const next = list[top.next++];
      const at = onStack.get(next);
      if (at !== undefined) return [...stack.slice(at).map((f) => f.node), next];
      if (!done.has(next)) {
        onStack.set(next, stack.length);
        stack.push({ node: next, next: 0 });
      }
    }
  }
  return null;
}

/**
 * A dependency cycle as a closed path (`[a, b, a]`; a self-loop is `[a, a]`), or null when there
 * is none. With `from`, only a cycle passing through `from` counts (the shortest one); that is the
 * check to run after adding edges out of `from`, since any new cycle must use one of them.
 */
export function findCycle(edges: Edges, from?: string): string[] | null {
  return from === undefined ? anyCycle(edges) : cycleThrough(edges, from);
}

/** Every node that lies on at least one cycle. */
export function nodesOnCycles(edges: Edges): Set<string> {
  const out = new Set<string>();
  for (const node of edges.keys()) {
    if (out.has(node)) continue;
    const cycle = cycleThrough(edges, node);
    if (cycle) cycle.forEach((n) => out.add(n));
  }
  return out;
}
