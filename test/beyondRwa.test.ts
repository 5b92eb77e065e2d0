import { describe, expect, it } from 'vitest';
import { RationalFunction, symbolIndex } from '../src/exact/rationalFunction.ts';
import { builtInModel } from '../src/models/builtIn.ts';
import { labSystem, secularSystem } from '../src/paper/beyondRwa.ts';
import { systemInPaperSymbols } from '../src/paper/paperSymbols.ts';
import { sym } from '../src/paper/symbols.ts';

describe('both models beyond the rotating-wave approximation', () => {
  it.each(['modulated', 'constant'] as const)('%s: the constant harmonic of the lab-frame system is the RWA model file, with Δ₁ = Δ₂ = 0', (model) => {
    const lab = secularSystem(labSystem(model));
    const file = systemInPaperSymbols(builtInModel(model));
    const zeroDetunings = (m: typeof lab.drift) =>
      m.map((row) => row.map((x) => x.substitute(symbolIndex(sym.Delta1), RationalFunction.ZERO).substitute(symbolIndex(sym.Delta2), RationalFunction.ZERO)));
    for (const k of ['drift', 'diffusion', 'measurement'] as const) {
      const expected = zeroDetunings(file[k]);
      const differing = lab[k].flatMap((row, i) => row.flatMap((x, j) => (x.equals(expected[i]![j]!) ? [] : [`${k}[${i}][${j}]`])));
      expect(differing).toEqual([]);
    }
  });

  it('the terms the RWA drops oscillate at 2 and 4 times the frame frequency, and at no other', () => {
    for (const model of ['modulated', 'constant'] as const) expect(labSystem(model).dropped.map((d) => d.harmonic)).toEqual([-4, -2, 2, 4]);
    // model one: the pair-creation term's conjugate partner at 4ω_d, the beam splitter at ±2ω_d
    const one = labSystem('modulated')
      .dropped.find((d) => d.harmonic === 4)!
      .term.toString();
    expect(one).toContain('a† b†');
  });
});
