/**
 * The Krawczyk enclosure is sound over model one's parameter space: with A, D and M enclosed from
 * the exact model, the proved box's S of (15) holds the closed form (16)-(18) typed independently
 * (a route that shares nothing with Newton-Kleinman), and the box is never refuted as a state.
 */
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { modelMatrices } from '../src/app/solve.ts';
import { physicalityEnclosure, separabilityEnclosure } from '../src/entanglement/enclosures.ts';
import { resolveParameters } from '../src/models/parameters.ts';
import { intervalMatrix } from '../src/numeric/fromExact.ts';
import { intervalArithmetic, type Interval } from '../src/numeric/interval.ts';
import { riccatiSteadyState } from '../src/numeric/riccati.ts';
import { encloseRiccatiOver } from '../src/numeric/riccatiEnclosure.ts';
import { independentS } from '../test/support/independentClosedForms.ts';
import { belowFraction, modelOneDraw, modelOneParameters, runs } from './arbitraries.ts';

const DIGITS = 40;

describe('the Riccati enclosure over the parameter space', () => {
  it('model one below threshold: the box is proved and stabilising, its S holds (16)-(18), and it is never refuted as a state', () => {
    fc.assert(
      fc.property(modelOneDraw(belowFraction), (d) => {
        const p = modelOneParameters(d);
        const point = resolveParameters('modulated', p);
        const I = intervalArithmetic(DIGITS);
        const s = point.model.system;
        const [A, D, M] = [s.drift, s.diffusion, s.measurement].map((m) => intervalMatrix(I, m, point.values)) as [Interval[][], Interval[][], Interval[][]];
        const m = modelMatrices(point, DIGITS);
        const proved = encloseRiccatiOver(I, A, D, M, riccatiSteadyState(DIGITS, m.drift, m.diffusion, m.measurement).covariance);
        expect(proved?.stabilising).toBe(true);
        const S = separabilityEnclosure(I, proved!.box).S;
        const closed = new Decimal(independentS(p.gamma!, p.delta!, p.chi!, p.nbar!, p.mu!, p.eta!, 60));
        expect(S.lo.lte(closed) && closed.lte(S.hi), `S in [${S.lo}, ${S.hi}], closed form ${closed}`).toBe(true);
        expect(physicalityEnclosure(I, proved!.box).unphysical).toBe(false);
      }),
      runs(0.2),
    );
  });
});
