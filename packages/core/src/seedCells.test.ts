import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PlanDraft } from './plan/planDraft.ts';
import { parseTarget } from './targets/targetExpression.ts';
import { parseDeadline } from './deadlines/deadlineSpec.ts';

// Every target and deadline cell of the four seed plans must parse into a known form:
// an unflagged unknown here means a form users will upload that we silently misread.
const GOLD = resolve(import.meta.dirname, '../../../fixtures/gold');
const drafts = readdirSync(GOLD)
  .filter((f) => f.endsWith('.json'))
  .map((f) => PlanDraft.parse(JSON.parse(readFileSync(join(GOLD, f), 'utf8'))));

describe('seed plans', () => {
  it('has the four seed plans', () => {
    expect(drafts).toHaveLength(4);
  });

  it('parses every target cell, none left unparsed', () => {
    const unparsed: string[] = [];
    let count = 0;
    for (const d of drafts) {
      for (const ind of d.indicators) {
        for (const [year, text] of Object.entries(ind.targets)) {
          count++;
          const t = parseTarget(text, { unit: ind.unit });
          expect(t.raw).toBe(text);
          if (t.kind === 'unparsed') unparsed.push(`${d.source} ${ind.code} ${year}: ${text}`);
          if (ind.unit === 'Thứ bậc' && /\d/.test(text)) expect(t.kind).toBe('rank');
        }
      }
    }
    expect(count).toBeGreaterThan(300);
    expect(unparsed).toEqual([]);
  });

  it('parses every deadline cell into a dated, yearly or ongoing form', () => {
    const unknown: string[] = [];
    for (const d of drafts) {
      for (const task of d.tasks) {
        if (task.deadline === null) continue;
        const spec = parseDeadline(task.deadline);
        if (spec.kind === 'unparsed') unknown.push(`${d.source} ${task.code}: ${task.deadline}`);
      }
    }
    expect(unknown).toEqual([]);
  });
});
