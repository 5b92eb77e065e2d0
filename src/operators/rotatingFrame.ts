/**
 * Time-dependent Hamiltonians as finite Fourier sums Σ_φ O_φ e^(iφt), where each φ is an
 * integer combination of named fast frequencies (ω_m, ω_d). Going to a frame rotating at ω
 * takes a -> a e^(−iωt); the rotating-wave approximation keeps the φ = 0 part and drops
 * every term that still oscillates at a fast frequency.
 */
import { q, RationalFunction, symbolIndex } from '../exact/rationalFunction.ts';
import { symbolAt } from '../exact/symbols.ts';
import { Operator, type Mode } from './operator.ts';

/** A phase Σ n_k ω_k, as a map from frequency-symbol name to its integer multiple. */
type Phase = ReadonlyMap<string, number>;

/** A fast frequency must be one symbol, so that phases compare as integer vectors. */
/**
 * A pair of opposite harmonics as real pieces: O₊e^(iθ) + O₋e^(−iθ) = (O₊ + O₋) cos θ + i(O₊ − O₋) sin θ,
 * each piece Hermitian where O₋ = O₊†.
 */
export function cosSinPieces(plus: Operator, minus: Operator): { cos: Operator; sin: Operator } {
  return { cos: plus.add(minus), sin: plus.sub(minus).scale(RationalFunction.I) };
}

function frequencyName(omega: RationalFunction): string {
  return symbolAt(symbolIndex(omega)).name;
}

function phaseKey(p: Phase): string {
  return [...p.entries()]
    .filter(([, n]) => n !== 0)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([f, n]) => `${n}${f}`)
    .join('+');
}

/** A phase for people: 2*omega, omega1 - omega2. */
function phaseText(p: Phase): string {
  const terms = [...p.entries()].filter(([, n]) => n !== 0).sort(([a], [b]) => a.localeCompare(b));
  return terms
    .map(([f, n], k) => {
      const size = Math.abs(n) === 1 ? f : `${Math.abs(n)}*${f}`;
      return k === 0 ? (n < 0 ? `-${size}` : size) : n < 0 ? ` - ${size}` : ` + ${size}`;
    })
    .join('');
}

function addPhases(a: Phase, b: Phase): Phase {
  const out = new Map(a);
  for (const [f, n] of b) out.set(f, (out.get(f) ?? 0) + n);
  return out;
}

export class TimeDependentOperator {
  private constructor(readonly parts: ReadonlyMap<string, { phase: Phase; op: Operator }>) {}

  static constant(op: Operator): TimeDependentOperator {
    return TimeDependentOperator.of([[new Map(), op]]);
  }
  /** op · e^(i n ω t). */
  static oscillating(op: Operator, frequency: RationalFunction, n: number): TimeDependentOperator {
    return TimeDependentOperator.of([[new Map([[frequencyName(frequency), n]]), op]]);
  }
  /** op · e^(i Σ n_k ω_k t) for integer multiples n_k of frequency symbols ω_k. */
  static phased(op: Operator, phase: ReadonlyArray<readonly [RationalFunction, number]>): TimeDependentOperator {
    return TimeDependentOperator.of([[new Map(phase.map(([f, n]) => [frequencyName(f), n])), op]]);
  }
  /** op · cos(n ω t). */
  static cos(op: Operator, frequency: RationalFunction, n: number): TimeDependentOperator {
    const half = op.scale(q(1, 2));
    return TimeDependentOperator.oscillating(half, frequency, n).add(TimeDependentOperator.oscillating(half, frequency, -n));
  }
  /** op · sin(n ω t). */
  static sin(op: Operator, frequency: RationalFunction, n: number): TimeDependentOperator {
    const half = op.scale(RationalFunction.I.neg().mul(q(1, 2)));
    return TimeDependentOperator.oscillating(half, frequency, n).sub(TimeDependentOperator.oscillating(half, frequency, -n));
  }

  private static of(entries: Iterable<[Phase, Operator]>): TimeDependentOperator {
    const parts = new Map<string, { phase: Phase; op: Operator }>();
    for (const [phase, op] of entries) {
      const key = phaseKey(phase);
      const sum = (parts.get(key)?.op ?? Operator.ZERO).add(op);
      if (sum.isZero()) parts.delete(key);
      else parts.set(key, { phase, op: sum });
    }
    return new TimeDependentOperator(parts);
  }

  add(o: TimeDependentOperator): TimeDependentOperator {
    return TimeDependentOperator.of([...this.entries(), ...o.entries()]);
  }
  sub(o: TimeDependentOperator): TimeDependentOperator {
    return this.add(o.scale(-1));
  }
  scale(c: RationalFunction | number): TimeDependentOperator {
    return TimeDependentOperator.of(this.entries().map(([p, op]) => [p, op.scale(c)]));
  }
  mul(o: TimeDependentOperator): TimeDependentOperator {
    const out: Array<[Phase, Operator]> = [];
    for (const [pa, a] of this.entries()) for (const [pb, b] of o.entries()) out.push([addPhases(pa, pb), a.mul(b)]);
    return TimeDependentOperator.of(out);
  }
  private entries(): Array<[Phase, Operator]> {
    return [...this.parts.values()].map(({ phase, op }) => [phase, op]);
  }

  /**
   * U H U† − H₀ with U = exp(i H₀ t), H₀ = Σ ω_k (a_k† a_k + zeroPoint·½) in units of `energyUnit`
   * (ħ for a lab Hamiltonian): every a_k gains e^(−iω_k t).
   */
  inRotatingFrame(
    frame: ReadonlyArray<{ mode: Mode; frequency: RationalFunction }>,
    options: { energyUnit: RationalFunction; zeroPoint: boolean },
  ): TimeDependentOperator {
    const generators = frame.map(({ mode: m, frequency }): [Phase, Operator] => {
      const number = Operator.creation(m).mul(Operator.annihilation(m));
      const generator = options.zeroPoint ? number.add(Operator.scalar(q(1, 2))) : number;
      return [new Map(), generator.scale(frequency.mul(options.energyUnit).neg())];
    });
    return TimeDependentOperator.of([...this.seenFrom(frame).entries(), ...generators]);
  }

  /** The same operator seen from a frame rotating at each mode's frequency, a_k -> a_k e^(−iω_k t), with no generator subtracted: a jump or measured operator. */
  seenFrom(frame: ReadonlyArray<{ mode: Mode; frequency: RationalFunction }>): TimeDependentOperator {
    let entries = this.entries();
    for (const { mode: m, frequency } of frame) {
      const next: Array<[Phase, Operator]> = [];
      for (const [phase, op] of entries) {
        const name = frequencyName(frequency);
        for (const [charge, piece] of op.partitionByCharge(m)) next.push([addPhases(phase, new Map([[name, charge]])), piece]);
      }
      entries = next;
    }
    return TimeDependentOperator.of(entries);
  }

  /** Each oscillating part e^(iφt) with its φ, written as "2*omega" (the secular part left out), in order of φ's text. */
  oscillating(): Array<{ phase: string; op: Operator }> {
    return [...this.parts.values()]
      .filter(({ phase }) => phaseKey(phase) !== '')
      .map(({ phase, op }) => ({ phase: phaseText(phase), op }))
      .sort((x, y) => x.phase.localeCompare(y.phase));
  }

  mapCoefficients(f: (c: RationalFunction) => RationalFunction): TimeDependentOperator {
    return TimeDependentOperator.of(this.entries().map(([p, op]) => [p, op.mapCoefficients(f)]));
  }

  /**
   * The operator as Σ_n O_n e^(inωt) over integer multiples n of the one fast frequency ω, every
   * phase being a multiple of it (refused otherwise: a second incommensurate frequency has no period).
   */
  harmonics(frequency: RationalFunction): Map<number, Operator> {
    const name = frequencyName(frequency);
    const out = new Map<number, Operator>();
    for (const [phase, op] of this.entries()) {
      const others = [...phase].filter(([f, n]) => f !== name && n !== 0);
      if (others.length > 0) throw new RangeError(`a term oscillates at ${phaseKey(phase)}, not a multiple of ${name}: no common period`);
      const n = phase.get(name) ?? 0;
      out.set(n, (out.get(n) ?? Operator.ZERO).add(op));
    }
    return out;
  }

  /**
   * The operator as real pieces P_j f_j(t), f_j ∈ {1, cos φt, sin φt} (the parts at φ and −φ paired:
   * c_φ + c_(−φ) and i(c_φ − c_(−φ)), Hermitian when the operator is), each with ⟨f_j²⟩ over time (1 or
   * ½). Distinct pieces average to ⟨f_j f_l⟩ = 0, so a term quadratic in the operator, D[c(t)] or
   * ℓ(t)ℓ(t)ᵀ, averages to Σ_j ⟨f_j²⟩ (its value for P_j): its rotating-wave approximation.
   */
  averagedPieces(): Array<{ op: Operator; weight: RationalFunction; phase: string }> {
    const out: Array<{ op: Operator; weight: RationalFunction; phase: string }> = [];
    const seen = new Set<string>();
    for (const [key, { phase, op }] of this.parts) {
      if (seen.has(key)) continue;
      if (key === '') {
        out.push({ op, weight: q(1), phase: '' });
        continue;
      }
      const minus = phaseKey(new Map([...phase].map(([f, n]) => [f, -n])));
      seen.add(key).add(minus);
      const partner = this.parts.get(minus)?.op ?? Operator.ZERO;
      const { cos: c, sin: s } = cosSinPieces(op, partner);
      if (!c.isZero()) out.push({ op: c, weight: q(1, 2), phase: `cos((${phaseText(phase)})*t)` });
      if (!s.isZero()) out.push({ op: s, weight: q(1, 2), phase: `sin((${phaseText(phase)})*t)` });
    }
    return out;
  }

  /** The rotating-wave approximation: the part with no fast time dependence left. */
  secularPart(): Operator {
    return this.parts.get('')?.op ?? Operator.ZERO;
  }
}
