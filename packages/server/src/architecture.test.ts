import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// The server's folders are domain concepts; a concept may use another, but two that use each
// other (a cycle) cannot be read, tested or moved on their own. This reads every source file's
// imports (values, not `import type`) and finds the folders that depend on each other. The
// known cycles below only shrink: a new one fails here (docs/architecture.md).

const ROOT = import.meta.dirname;
const KNOWN_CYCLES = [
  // scope.ts expands a role onto the units it came from (org/succession.ts); org's routes ask
  // the policy.
  ['access', 'org'],
  // A plan's amendment refreshes its periods' tallies (reports/periodTallies.ts); reports read
  // the plan's versions; sending a report notifies (reminders/) and reminders read reports.
  ['plans', 'reminders', 'reports'],
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

const folderOf = (path: string) => {
  const parts = relative(ROOT, path).split('/');
  return parts.length > 1 ? parts[0]! : '.';
};

function folderGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  const value = /^(?:import|export)\s+(?!type\b)[^;]*?from\s+'(\.[^']+)'/gm;
  for (const file of sourceFiles(ROOT)) {
    const from = folderOf(file);
    if (from === 'testing') continue;
    for (const [, target] of readFileSync(file, 'utf8').matchAll(value)) {
      const to = folderOf(normalize(join(dirname(file), target!)));
      if (to !== from) graph.set(from, (graph.get(from) ?? new Set()).add(to));
    }
  }
  return graph;
}

/** Strongly connected components of two or more folders (Tarjan). */
function cycles(graph: Map<string, Set<string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (stack.includes(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do component.push((w = stack.pop()!));
      while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found.sort((a, b) => a[0]!.localeCompare(b[0]!));
}

describe('the server’s folders', () => {
  it('depend on each other only in the known cycles, which only shrink', () => {
    expect(cycles(folderGraph())).toEqual(KNOWN_CYCLES);
  });

  it('finds a cycle when there is one', () => {
    const graph = new Map([
      ['a', new Set(['b'])],
      ['b', new Set(['c'])],
      ['c', new Set(['a'])],
      ['d', new Set(['a'])],
    ]);
    expect(cycles(graph)).toEqual([['a', 'b', 'c']]);
  });
});
