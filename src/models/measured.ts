/**
 * The paper's models with weak continuous measurement, as inputs to the engine: each
 * oscillator's position measured independently at strength μ and efficiency η, which in the
 * rotating frame is a measurement of both quadratures of that oscillator (the RWA of D[x]
 * is D[a] + D[a†] = D[X] + D[Y]). Solved through the full covariance of (X₁, Y₁, X₂, Y₂).
 */
import { conditionalGaussianSystem, type ConditionalSystem } from '../gaussian/conditional.ts';
import { Operator, mode } from '../operators/operator.ts';
import { momentumQuadrature, positionQuadrature } from '../operators/quadratures.ts';
import { q, type RationalFunction as R } from '../exact/rationalFunction.ts';
import { independentDamping, modelOneHamiltonian, modelTwoHamiltonian } from './labFrame.ts';
import { ladder, oscillator, sym, quadratures } from './symbols.ts';

export type ModelName = 'modulated' | 'constant' | 'single' | 'bae';

export const OSCILLATOR_BASIS = ['X1', 'Y1', 'X2', 'Y2'] as const;

function positionMeasurements(): Array<{ name: string; op: Operator; strength: R; efficiency: R }> {
  return (['X1', 'Y1', 'X2', 'Y2'] as const).map((name) => ({ name, op: oscillator[name], strength: sym.mu, efficiency: sym.eta }));
}

const oscillatorBasis = OSCILLATOR_BASIS.map((name) => ({ name, op: oscillator[name] }));
const cache = new Map<string, ConditionalSystem>();

function cached(key: string, make: () => ConditionalSystem): ConditionalSystem {
  let s = cache.get(key);
  if (s === undefined) {
    s = make();
    cache.set(key, s);
  }
  return s;
}

/** H̃/ħ plus an extra detuning Δ_j of each oscillator (our generalisation: unequal resonance frequencies). */
function withExtraDetunings(h: Operator): Operator {
  return h.add(ladder.ad.mul(ladder.a).scale(sym.Delta1)).add(ladder.bd.mul(ladder.b).scale(sym.Delta2));
}

/** Model one, damping γ₁, γ₂ and extra detunings Δ₁, Δ₂ (γ₁ = γ₂, Δ₁ = Δ₂ = 0 in the paper). */
export function modulatedCoupling(): ConditionalSystem {
  return cached('modulated', () =>
    conditionalGaussianSystem({ hamiltonian: withExtraDetunings(modelOneHamiltonian()), dissipators: independentDamping(sym.gamma1, sym.gamma2) }, positionMeasurements(), oscillatorBasis),
  );
}

/** Model two with damping γ₁, γ₂ and (our generalisation) a detuning Δ_j of each oscillator's drive frame. */
export function constantCoupling(): ConditionalSystem {
  return cached('constant', () => {
    return conditionalGaussianSystem({ hamiltonian: withExtraDetunings(modelTwoHamiltonian()), dissipators: independentDamping(sym.gamma1, sym.gamma2) }, positionMeasurements(), oscillatorBasis);
  });
}

/**
 * The single-mode detuned parametric amplifier of the paper's Ref. [30]: H = Δ a†a + (χ/2)(a² + a†²),
 * whose quadrature form (Δ + χ)/2 X² + (Δ − χ)/2 Y² is that of one collective pair of model one.
 */
export function singleMode(): ConditionalSystem {
  return cached('single', () => {
    const m = mode('single');
    const a = Operator.annihilation(m);
    const ad = Operator.creation(m);
    const h = ad.mul(a).scale(sym.Delta).add(a.mul(a).add(ad.mul(ad)).scale(sym.chi.mul(q(1, 2))));
    const damping = [
      { rate: q(2).mul(sym.gamma).mul(sym.N.add(q(1))), jump: a },
      { rate: q(2).mul(sym.gamma).mul(sym.N), jump: ad },
    ];
    const x = positionQuadrature(m);
    const y = momentumQuadrature(m);
    return conditionalGaussianSystem(
      { hamiltonian: h, dissipators: damping },
      [
        { name: 'X', op: x, strength: sym.mu, efficiency: sym.eta },
        { name: 'Y', op: y, strength: sym.mu, efficiency: sym.eta },
      ],
      [
        { name: 'X', op: x },
        { name: 'Y', op: y },
      ],
    );
  });
}

/**
 * Ideal two-mode back-action evasion, the dot-dashed curve of Figure 2 (assumption
 * bae-ideal-limit): no parametric drive and no coupling (H̃ = 0 in the frame at ω_m), each
 * oscillator damped at γ into a bath of occupation N, and the commuting pair X₊, Y₋ measured
 * directly, each at strength μ and efficiency η in the convention of (9)-(12):
 * μD[c] + √(ημ)H[c] for c = X₊, Y₋. The back-action μD[X₊] + μD[Y₋] falls on Y₊ and X₋ only.
 */
export function backActionEvasion(): ConditionalSystem {
  return cached('bae', () =>
    conditionalGaussianSystem(
      { hamiltonian: Operator.ZERO, dissipators: independentDamping(sym.gamma, sym.gamma) },
      (['Xp', 'Ym'] as const).map((name) => ({ name, op: quadratures[name]!, strength: sym.mu, efficiency: sym.eta })),
      oscillatorBasis,
    ),
  );
}

/** Model one in the collective basis (X₊, Y₊, X₋, Y₋), where the paper reduces it. */
export function modulatedCouplingCollective(): ConditionalSystem {
  return cached('modulated-collective', () =>
    conditionalGaussianSystem(
      { hamiltonian: modelOneHamiltonian(), dissipators: independentDamping(sym.gamma, sym.gamma) },
      positionMeasurements(),
      ['Xp', 'Yp', 'Xm', 'Ym'].map((name) => ({ name, op: quadratures[name]! })),
    ),
  );
}
