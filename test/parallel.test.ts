import { describe, expect, it } from 'vitest';
import { balancedShardOf } from '../src/cli/parallel.ts';

describe('splitting work over processes', () => {
  const items = [0.1, 2.2, 0.1, 2.0, 0.9, 0.1, 0.8, 0.3, 0.1, 0.2].map((cost, id) => ({ id, cost }));
  const split = (of: number) => Array.from({ length: of }, (_, k) => balancedShardOf(items, (x) => x.cost, k, of));
  const load = (shard: typeof items) => shard.reduce((s, x) => s + x.cost, 0);
  it('every item goes to exactly one shard, in its original order there', () => {
    for (const of of [1, 2, 3, 7]) {
      const ids = split(of).map((s) => s.map((x) => x.id));
      expect(ids.flat().sort((a, b) => a - b)).toEqual(items.map((x) => x.id));
      for (const s of ids) expect(s).toEqual([...s].sort((a, b) => a - b));
    }
  });
  it('the two heavy items land apart and the loads differ by less than a tenth of the total (round robin: 4.3 against 2.5)', () => {
    const [a, b] = split(2);
    expect(a!.map((x) => x.cost)).toContain(2.2);
    expect(b!.map((x) => x.cost)).toContain(2.0);
    expect(Math.abs(load(a!) - load(b!))).toBeLessThan(0.68);
  });
});
