/**
 * Witness derivations that share no code with the operator engine (their input is rendered by
 * the engine: docs/architecture.md). For a quadratic
 * Hamiltonian, Heisenberg's equations coincide with Hamilton's: with canonical pairs
 * (X_k, Y_k), [X, Y] = i, the classical flow ṙ = J ∇H and the bracket matrix J are exact.
 * A linear change of variables q = T r (T read off the definitions by differentiation)
 * then gives, in the q basis:
 *   drift M with T(J·Hess H − Γ) = M T,   diffusion T D Tᵀ,   commutators [q_i, q_j] = i (T J Tᵀ)_ij.
 * Each witness differentiates and decides zero-ness itself.
 */
import { BoundedCache } from '../../exact/boundedCache.ts';
import type { Witness } from './witness.ts';

export interface CanonicalVariables {
  /** Canonical pairs [position, momentum] of the single-oscillator basis, e.g. [["X1","Y1"],["X2","Y2"]]. */
  readonly pairs: ReadonlyArray<readonly [string, string]>;
}

type StringMatrix = string[][];

/** Derivatives are asked for again and again (one Hamiltonian, several bases): each witness computes each once (the most recent 4096). */
const derivatives = new BoundedCache<string>(4096);
function derivative(w: Witness, expression: string, variable: string): string {
  return derivatives.get(`${w.name}\u0000${variable}\u0000${expression}`, () => w.derivative(expression, variable));
}

function flat(vars: CanonicalVariables): string[] {
  return vars.pairs.flat();
}

function symplecticJ(vars: CanonicalVariables): StringMatrix {
  const names = flat(vars);
  return names.map((_, i) => names.map((_, j) => (i % 2 === 0 && j === i + 1 ? '1' : i % 2 === 1 && j === i - 1 ? '(-1)' : '0')));
}

/** A factor the witness (or a structural matrix) wrote as a literal zero. */
const isLiteralZero = (x: string) => /^[\s(]*0[\s)]*$/.test(x);

/** Products of literal zeros are left out: a CAS's time grows with the length of what it expands. */
function product(a: StringMatrix, b: StringMatrix): StringMatrix {
  return a.map((row) =>
    (b[0] ?? []).map((_, j) => {
      const terms = row.flatMap((x, k) => (isLiteralZero(x) || isLiteralZero(b[k]![j]!) ? [] : [`(${x})*(${b[k]![j]!})`]));
      return terms.length === 0 ? '0' : terms.join('+');
    }),
  );
}

function transposed(a: StringMatrix): StringMatrix {
  return (a[0] ?? []).map((_, j) => a.map((row) => row[j]!));
}

/** T_ik = ∂q_i/∂r_k for the definitions q_i (linear in the single-oscillator variables). */
export function jacobian(w: Witness, definitions: readonly string[], vars: CanonicalVariables): StringMatrix {
  return definitions.map((d) => flat(vars).map((v) => derivative(w, d, v)));
}

export function hessian(w: Witness, hamiltonian: string, vars: CanonicalVariables): StringMatrix {
  const names = flat(vars);
  const gradient = names.map((v) => derivative(w, hamiltonian, v));
  return gradient.map((g) => names.map((v) => derivative(w, g, v)));
}

/**
 * Entries (i, j) where the matrices differ according to the witness. All entries are first
 * asked at once as Σ_k τ_k (a_k − b_k) with fresh symbols τ_k, which vanishes identically iff
 * every difference does; only a failing batch is asked entry by entry, to say where.
 */
function mismatches(w: Witness, a: StringMatrix, b: StringMatrix): string[] {
  const differences = a.flatMap((row, i) => row.map((x, j) => ({ at: `(${i + 1},${j + 1})`, text: `(${x})-(${b[i]![j]!})` })));
  const batch = differences.map((d, k) => `wtau${k}*(${d.text})`).join('+');
  if (w.isZero(batch)) return [];
  return differences.filter((d) => !w.isZero(d.text)).map((d) => d.at);
}

export interface ClassicalModel {
  readonly variables: CanonicalVariables;
  /** H/ħ in the single-oscillator variables. */
  readonly hamiltonian: string;
  /** Amplitude damping rate of each canonical pair (both quadratures decay at it). */
  readonly damping: readonly string[];
  /** Symmetrised noise strength of each canonical pair's quadratures, D = diag per pair. */
  readonly noise: readonly string[];
}

function diagonalPerPair(values: readonly string[]): StringMatrix {
  const perVariable = values.flatMap((v) => [v, v]);
  return perVariable.map((v, i) => perVariable.map((_, j) => (i === j ? v : '0')));
}

/** Returns the entries where the printed drift disagrees with the classical derivation (empty: agreement). */
export function driftMismatches(w: Witness, model: ClassicalModel, definitions: readonly string[], printed: StringMatrix): string[] {
  const t = jacobian(w, definitions, model.variables);
  const jh = product(symplecticJ(model.variables), hessian(w, model.hamiltonian, model.variables));
  const damped = product(t, diagonalPerPair(model.damping));
  const lhs = product(t, jh).map((row, i) => row.map((x, j) => `(${x})-(${damped[i]![j]!})`));
  return mismatches(w, lhs, product(printed, t));
}

export function diffusionMismatches(w: Witness, model: ClassicalModel, definitions: readonly string[], printed: StringMatrix): string[] {
  const t = jacobian(w, definitions, model.variables);
  return mismatches(w, product(product(t, diagonalPerPair(model.noise)), transposed(t)), printed);
}

/** printed[i][j] is the claimed value of −i[q_i, q_j]. */
export function commutatorMismatches(w: Witness, vars: CanonicalVariables, definitions: readonly string[], printed: StringMatrix): string[] {
  const t = jacobian(w, definitions, vars);
  return mismatches(w, product(product(t, symplecticJ(vars)), transposed(t)), printed);
}

/**
 * lhs − rhs is a constant (quadratic operator identities hold up to ordering c-numbers):
 * E(r) − E(0) vanishes identically, with E(0) formed by putting every variable to zero.
 */
export function equalUpToConstant(w: Witness, lhs: string, rhs: string, variables: readonly string[]): boolean {
  const difference = `(${lhs})-(${rhs})`;
  const atOrigin = variables.reduce((text, v) => text.replace(new RegExp(`\\b${v}\\b`, 'g'), '(0)'), difference);
  return w.isZero(`${difference}-(${atOrigin})`);
}

/** {f, g} = Σ_pairs (∂f/∂x ∂g/∂y − ∂f/∂y ∂g/∂x) is zero: for quadratic forms, [f, g] = i{f, g} exactly. */
export function poissonBracketVanishes(w: Witness, f: string, g: string, vars: CanonicalVariables): boolean {
  const terms = vars.pairs.map(([x, y]) => `(${derivative(w, f, x)})*(${derivative(w, g, y)})-(${derivative(w, f, y)})*(${derivative(w, g, x)})`);
  return w.isZero(terms.join('+'));
}
