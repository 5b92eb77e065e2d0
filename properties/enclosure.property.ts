/**
 * The Krawczyk enclosure is sound over model one's, model two's and back-action evasion's parameter space (rates scaled 10⁻³⁰ to 10³⁰, and
 * within 10⁻⁴⁰ of the threshold): with A, D and M enclosed from
 * the exact model, the proved box's S of (15) holds the closed form (16)-(18) typed independently
 * (a route that shares nothing with Newton-Kleinman), and the box is never refuted as a state.
 */
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { modelMatrices } from '../src/app/solve.ts';
import { solveCertified } from '../src/app/certifiedSolve.ts';
import { solutionJson } from '../src/app/solveReport.ts';
import { physicalityEnclosure, separabilityEnclosure } from '../src/entanglement/enclosures.ts';
import { resolveParameters } from '../src/models/parameters.ts';
import { intervalMatrix } from '../src/numeric/fromExact.ts';
import { intervalArithmetic, type Interval, type IntervalArithmetic } from '../src/numeric/interval.ts';
import { riccatiSteadyState, stableSubspaceSolution } from '../src/numeric/riccati.ts';
import { decimalContext } from '../src/numeric/context.ts';
import { loadModelFile, resolveFileParameters } from '../src/models/modelFile.ts';
import { readFileSync } from 'node:fs';
import { encloseRiccatiOver } from '../src/numeric/riccatiEnclosure.ts';
import { independentBaeS, independentS } from '../test/support/independentClosedForms.ts';
import { belowFraction, efficiency, modelOneDraw, modelOneParameters, occupation, rate, runs, strength } from './arbitraries.ts';

const DIGITS = 40;

/** The Krawczyk box of a built-in model at `p` (its basis is (X₁, Y₁, X₂, Y₂)), A, D and M enclosed from the exact model, around the Newton-Kleinman midpoint. */
function provedAt(I: IntervalArithmetic, p: Record<string, string>, model: 'modulated' | 'bae' = 'modulated') {
  const point = resolveParameters(model, p);
  const s = point.model.system;
  const [A, D, M] = [s.drift, s.diffusion, s.measurement].map((m) => intervalMatrix(I, m, point.values)) as [Interval[][], Interval[][], Interval[][]];
  const m = modelMatrices(point, I.digits);
  return encloseRiccatiOver(I, A, D, M, riccatiSteadyState(I.digits, m.drift, m.diffusion, m.measurement).covariance);
}

describe('the Riccati enclosure over the parameter space', () => {
  it('model one below threshold, every rate scaled by 10⁻³⁰ to 10³⁰: the box is proved and stabilising, its S holds (16)-(18), and it is never refuted as a state', () => {
    fc.assert(
      fc.property(modelOneDraw(belowFraction), fc.integer({ min: -30, max: 30 }), (d, k) => {
        // Every rate scaled by 10^k: S is dimensionless, so the closed form at the unscaled point must hold.
        const unscaled = modelOneParameters(d);
        const scaled = (x: string) => new Decimal(x).times(new Decimal(10).pow(k)).toString();
        const p = { ...unscaled, gamma: scaled(unscaled.gamma!), delta: scaled(unscaled.delta!), chi: scaled(unscaled.chi!), mu: scaled(unscaled.mu!) };
        const I = intervalArithmetic(DIGITS);
        const proved = provedAt(I, p);
        expect(proved?.stabilising).toBe(true);
        const S = separabilityEnclosure(I, proved!.box).S;
        const closed = new Decimal(independentS(unscaled.gamma!, unscaled.delta!, unscaled.chi!, unscaled.nbar!, unscaled.mu!, unscaled.eta!, 60));
        expect(S.lo.lte(closed) && closed.lte(S.hi), `S in [${S.lo}, ${S.hi}], closed form ${closed}`).toBe(true);
        expect(physicalityEnclosure(I, proved!.box).unphysical).toBe(false);
      }),
      runs(0.2),
    );
  });
  it('within 10⁻⁴⁰ below the threshold (γ = 7, Δ = 24, χ = 25 − 10⁻⁴⁰: χ_th = 25): proved at 60 digits, and S holds the closed form', () => {
    const p = { gamma: '7', delta: '24', chi: '24.9999999999999999999999999999999999999999', nbar: '5', mu: '5', eta: '1' };
    const I = intervalArithmetic(60);
    const proved = provedAt(I, p);
    expect(proved?.stabilising).toBe(true);
    const S = separabilityEnclosure(I, proved!.box).S;
    const closed = new Decimal(independentS(p.gamma, p.delta, p.chi, p.nbar, p.mu, p.eta, 80));
    expect(S.lo.lte(closed) && closed.lte(S.hi)).toBe(true);
  });
  it("model two below threshold, every rate scaled by 10⁻³⁰ to 10³⁰: the certified solve's S_UV holds model one's closed form at Δ = Γ (the two models' equivalence under Δ ↔ Γ, equal damping)", () => {
    fc.assert(
      fc.property(modelOneDraw(belowFraction), fc.integer({ min: -30, max: 30 }), (d, k) => {
        const unscaled = modelOneParameters(d);
        const scaled = (x: string) => new Decimal(x).times(new Decimal(10).pow(k)).toString();
        const p = {
          gamma: scaled(unscaled.gamma!),
          coupling: scaled(unscaled.delta!),
          chi: scaled(unscaled.chi!),
          mu: scaled(unscaled.mu!),
          nbar: unscaled.nbar!,
          eta: unscaled.eta!,
        };
        const S = solveCertified(resolveParameters('constant', p), 25).enclosures.pairs.UV!.S;
        const closed = new Decimal(independentS(unscaled.gamma!, unscaled.delta!, unscaled.chi!, unscaled.nbar!, unscaled.mu!, unscaled.eta!, 60));
        expect(S.lo.lte(closed) && closed.lte(S.hi), `S_UV in [${S.lo}, ${S.hi}], closed form ${closed}`).toBe(true);
      }),
      runs(0.1),
    );
  });
  it("what solve prints is the true value correctly rounded: model one's S and V_α₊ = S/2, at 20 digits, against (16)-(18) at 60", () => {
    fc.assert(
      fc.property(modelOneDraw(belowFraction), (d) => {
        const p = modelOneParameters(d);
        const j = solutionJson(solveCertified(resolveParameters('modulated', p), 20)) as { S: string; Valpha: string[] };
        const Fine = Decimal.clone({ precision: 100 });
        const S = new Fine(independentS(p.gamma!, p.delta!, p.chi!, p.nbar!, p.mu!, p.eta!, 60));
        for (const [printed, truth] of [
          [j.S, S],
          [j.Valpha[0]!, S.div(2)],
        ] as const) {
          const mantissa = printed.replace(/e.*$/, '').replace('-', '').replace('.', '').replace(/^0+/, '');
          expect(mantissa.length).toBeGreaterThanOrEqual(20);
          const halfUlp = new Fine(10)
            .pow(
              new Fine(printed)
                .abs()
                .log(10)
                .floor()
                .minus(mantissa.length - 1),
            )
            .div(2);
          expect(new Fine(printed).minus(truth).abs().lte(halfUlp), `${printed} is ${truth} rounded`).toBe(true);
        }
      }),
      runs(0.1),
    );
  });
  it("a model file (models/one-oscillator-measured.yaml: only oscillator 1's position measured): every entry of the certified covariance holds the matrix-sign-function solution at 120 digits, to its 55 digits (a route that shares nothing with Newton-Kleinman)", () => {
    const file = loadModelFile(readFileSync('models/one-oscillator-measured.yaml', 'utf8'), 'one.yaml');
    fc.assert(
      fc.property(modelOneDraw(belowFraction), (d) => {
        const p = modelOneParameters(d);
        const point = resolveFileParameters(file, { gamma: p.gamma!, delta: p.delta!, chi: p.chi!, nbar: p.nbar!, mu: p.mu!, eta: p.eta! }, (k) => k);
        const box = solveCertified(point, 20).enclosures.covariance!;
        const m = modelMatrices(point, 120);
        const sign = stableSubspaceSolution(decimalContext(120), m.drift, m.diffusion, m.measurement)!;
        // The sign route holds about 60 of its 120 digits (a structural 0 comes out as 10⁻¹²⁰ residue): that is its slack.
        const slack = sign
          .flat()
          .reduce((s, x) => Decimal.max(s, x.abs()), new Decimal(0))
          .times('1e-55');
        for (const [i, row] of box.entries())
          for (const [j, x] of row.entries())
            expect(x.lo.minus(slack).lte(sign[i]![j]!) && sign[i]![j]!.lte(x.hi.plus(slack)), `V${i}${j}: ${sign[i]![j]} in [${x.lo}, ${x.hi}]`).toBe(true);
      }),
      runs(0.1),
    );
  });
  it('back-action evasion, every rate scaled by 10⁻³⁰ to 10³⁰: the box is proved and its S holds the closed form typed independently', () => {
    fc.assert(
      fc.property(rate, occupation, strength, efficiency, fc.integer({ min: -30, max: 30 }), (gamma, nbar, mu, eta, k) => {
        const scaled = (x: string) => new Decimal(x).times(new Decimal(10).pow(k)).toString();
        const I = intervalArithmetic(DIGITS);
        const proved = provedAt(I, { gamma: scaled(gamma), nbar, mu: scaled(mu), eta }, 'bae');
        expect(proved?.stabilising).toBe(true);
        const S = separabilityEnclosure(I, proved!.box).S;
        const closed = new Decimal(independentBaeS(gamma, nbar, mu, eta, 60));
        expect(S.lo.lte(closed) && closed.lte(S.hi), `S in [${S.lo}, ${S.hi}], closed form ${closed}`).toBe(true);
      }),
      runs(0.2),
    );
  });
});
