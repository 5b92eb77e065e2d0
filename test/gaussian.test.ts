import { describe, expect, it } from 'vitest';
import { differences, identity, mapEntries, matrix } from '../src/exact/matrix.ts';
import { q, RationalFunction as R } from '../src/exact/rationalFunction.ts';
import { linearGaussianSystem, NotLinearGaussianError } from '../src/gaussian/linearSystem.ts';
import { hurwitzDeterminants, proveStabilityCondition } from '../src/gaussian/stability.ts';
import { mode, Operator } from '../src/operators/operator.ts';
import { momentumQuadrature, positionQuadrature } from '../src/operators/quadratures.ts';
import { logNegativityOfBipartition } from '../src/entanglement/gaussianState.ts';
import { decimalContext } from '../src/numeric/context.ts';

const m = mode('g_test');
const a = Operator.annihilation(m);
const ad = Operator.creation(m);
const gamma = R.symbol('γ', { ascii: 'gamma', positive: true });
const nbar = R.symbol('N', { ascii: 'N', positive: true });
const chi = R.symbol('χ', { ascii: 'chi', positive: true });
const basis = [
  { name: 'X', op: positionQuadrature(m) },
  { name: 'Y', op: momentumQuadrature(m) },
];
const damping = [
  {
    rate: q(2)
      .mul(gamma)
      .mul(nbar.add(q(1))),
    jump: a,
  },
  { rate: q(2).mul(gamma).mul(nbar), jump: ad },
];

describe('linear Gaussian system', () => {
  it('a thermally damped oscillator: A = −γ·1, D = 2γ(N + ½)·1', () => {
    const s = linearGaussianSystem({ hamiltonian: Operator.ZERO, dissipators: damping }, basis);
    expect(
      differences(
        s.drift,
        mapEntries(identity(2), (x) => x.mul(gamma.neg())),
      ),
    ).toEqual([]);
    expect(
      differences(
        s.diffusion,
        mapEntries(identity(2), (x) =>
          x
            .mul(q(2))
            .mul(gamma)
            .mul(nbar.add(q(1, 2))),
        ),
      ),
    ).toEqual([]);
  });
  it('single-mode squeezing H = (iχ/2)(a†² − a²): dX/dt = χX, dY/dt = −χY', () => {
    const h = ad
      .mul(ad)
      .sub(a.mul(a))
      .scale(R.I.mul(chi).mul(q(1, 2)));
    const s = linearGaussianSystem({ hamiltonian: h, dissipators: [] }, basis);
    expect(
      differences(
        s.drift,
        matrix([
          [chi, 0],
          [0, chi.neg()],
        ]),
      ),
    ).toEqual([]);
    expect(
      differences(
        s.diffusion,
        matrix([
          [0, 0],
          [0, 0],
        ]),
      ),
    ).toEqual([]);
  });
  it('refuses a cubic Hamiltonian, a quadratic jump operator and an incomplete basis', () => {
    expect(() => linearGaussianSystem({ hamiltonian: ad.mul(a).mul(a).add(ad.mul(ad).mul(a)), dissipators: [] }, basis)).toThrow(NotLinearGaussianError);
    expect(() => linearGaussianSystem({ hamiltonian: Operator.ZERO, dissipators: [{ rate: gamma, jump: a.mul(a) }] }, basis)).toThrow(/not linear/);
    expect(() => linearGaussianSystem({ hamiltonian: Operator.ZERO, dissipators: [] }, [basis[0]!])).toThrow(/singular|canonical/);
  });
});

describe('Routh-Hurwitz', () => {
  it('(λ+1)(λ+2)(λ+3) = λ³ + 6λ² + 11λ + 6 has Δ = 6, 60, 360', () => {
    const dets = hurwitzDeterminants([q(1), q(6), q(11), q(6)]);
    expect(dets.map((d) => d.toString())).toEqual(['6', '60', '360']);
  });
  it('A = [[−γ, χ], [χ, −γ]] (eigenvalues −γ ± χ) is stable iff γ² − χ² > 0', () => {
    const proof = proveStabilityCondition(
      matrix([
        [gamma.neg(), chi],
        [chi, gamma.neg()],
      ]),
      gamma.mul(gamma).sub(chi.mul(chi)),
      chi,
    );
    expect(proof.sufficient && proof.necessary).toBe(true);
  });
  it('a wrong margin fails: A above is not stable iff 2γ² − χ² > 0', () => {
    const proof = proveStabilityCondition(
      matrix([
        [gamma.neg(), chi],
        [chi, gamma.neg()],
      ]),
      q(2).mul(gamma).mul(gamma).sub(chi.mul(chi)),
      chi,
    );
    expect(proof.sufficient && proof.necessary).toBe(false);
  });
});

describe('n-mode log-negativity', () => {
  it('a two-mode squeezed vacuum (r = 1) has E_N = 2r by both routes; a third, vacuum mode adds nothing; a product state has E_N = 0', () => {
    const D = decimalContext(40);
    const [c, s] = [new D(2).exp().plus(new D(-2).exp()).div(4), new D(2).exp().minus(new D(-2).exp()).div(4)];
    const z = new D(0);
    const half = new D(0.5);
    // V = ½[cosh 2r 1, sinh 2r Z; sinh 2r Z, cosh 2r 1] with Z = diag(1, −1), plus a vacuum mode.
    const v = [
      [c, z, s, z, z, z],
      [z, c, z, s.neg(), z, z],
      [s, z, c, z, z, z],
      [z, s.neg(), z, c, z, z],
      [z, z, z, z, half, z],
      [z, z, z, z, z, half],
    ];
    for (const route of ['cholesky', 'square-root'] as const) {
      expect(logNegativityOfBipartition(40, v, [0], route).minus(2).abs().lt('1e-35'), route).toBe(true);
      expect(logNegativityOfBipartition(40, v, [0, 2], route).minus(2).abs().lt('1e-35'), route).toBe(true);
      expect(logNegativityOfBipartition(40, v, [2], route).abs().lt('1e-35'), route).toBe(true);
    }
  });
});
