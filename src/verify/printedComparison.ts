/**
 * The comparisons the claims of this paper are made of: a printed operator form against a
 * derived one, a printed drift or noise against the one derived from the master equation.
 * Each returns our exact conclusion with the witnesses' reports. Printed forms are read in the
 * paper's environment (src/paper/symbols.ts).
 */
import { BoundedCache } from '../exact/boundedCache.ts';
import { driftMismatches, diffusionMismatches, equalUpToConstant, type ClassicalModel } from './cas/classical.ts';
import { operatorToCas, scalarToCas } from './cas/render.ts';
import type { EngineReport } from './claim.ts';
import { witnessReports } from './witnesses.ts';
import { mathValue, matrixWithDifferences, type MathText } from './mathText.ts';
import type { Witness } from './cas/witness.ts';
import { substituted } from '../exact/expression.ts';
import { differences, type Matrix } from '../exact/matrix.ts';
import { q, type RationalFunction } from '../exact/rationalFunction.ts';
import { linearGaussianSystem, type LinearGaussianSystem, type OpenSystem } from '../gaussian/linearSystem.ts';
import type { Operator } from '../operators/operator.ts';
import { operatorFrom, scalarFrom } from '../operators/operatorExpression.ts';
import { definitions, env, quadratures } from '../paper/symbols.ts';

const LADDER_AS_QUADRATURES: Readonly<Record<string, string>> = {
  a: '(X1 + i*Y1)/sqrt(2)',
  ad: '(X1 - i*Y1)/sqrt(2)',
  b: '(X2 + i*Y2)/sqrt(2)',
  bd: '(X2 - i*Y2)/sqrt(2)',
};
const CLASSICAL_VARIABLES = ['X1', 'Y1', 'X2', 'Y2'];

/** A printed form as a commutative expression in X1, Y1, X2, Y2 for the witnesses. */
export function casForm(text: string): string {
  return substituted(text, { ...LADDER_AS_QUADRATURES, ...definitions });
}

export interface Comparison {
  readonly holds: boolean;
  readonly derived: string | MathText;
  readonly reports: EngineReport[];
}

/**
 * printed == derived as operators. The witnesses, having no operator ordering, compare the
 * two as commutative quadratic forms: equal up to a c-number; our engine also compares the c-numbers.
 */
export function compareOperator(witnesses: readonly Witness[], printedText: string, derived: Operator): Comparison & { constantOffset: RationalFunction } {
  const difference = operatorFrom(printedText, env).sub(derived);
  const constantOffset = difference.constantPart();
  const operatorPartHolds = difference.withoutConstant().isZero();
  const reports = witnessReports(witnesses, operatorPartHolds, `difference ${difference.isZero() ? '0' : difference.toString()}`, (w) =>
    equalUpToConstant(w, casForm(printedText), casForm(operatorToCas(derived)), CLASSICAL_VARIABLES),
  );
  return { holds: difference.isZero(), derived: mathValue(derived), reports, constantOffset };
}

/** Two printed forms of one operator (e.g. both lines of (2)). */
export function comparePrintedForms(witnesses: readonly Witness[], left: string, right: string): Comparison {
  return compareOperator(witnesses, left, operatorFrom(right, env));
}

export function printedMatrix(rows: readonly (readonly string[])[]): Matrix {
  return rows.map((row) => row.map((x) => scalarFrom(x, env)));
}

export function matrixText(m: Matrix): MathText {
  return mathValue(m);
}

/** Derivations by Hamiltonian, then by dissipators and basis: several claims derive the same system. */
const derived = new WeakMap<Operator, BoundedCache<LinearGaussianSystem>>();

export function deriveSystem(system: OpenSystem, basis: readonly string[]): LinearGaussianSystem {
  let byRest = derived.get(system.hamiltonian);
  if (byRest === undefined) {
    byRest = new BoundedCache(64);
    derived.set(system.hamiltonian, byRest);
  }
  const key = `${system.dissipators.map((d) => `${d.rate}·${d.jump}`).join(';')}|${basis.join(',')}`;
  return byRest.get(key, () =>
    linearGaussianSystem(
      system,
      basis.map((name) => ({ name, op: quadratures[name]! })),
    ),
  );
}

/**
 * The classical model a witness derives from: H̃/ħ as a printed quadrature form (whose equality
 * with the derived H̃ is itself a witnessed claim), per-oscillator damping and thermal noise.
 */
export function classicalModel(hamiltonianForm: string, gamma1: RationalFunction, gamma2: RationalFunction, nbar: RationalFunction): ClassicalModel {
  const noise = (g: RationalFunction) =>
    scalarToCas(
      q(2)
        .mul(g)
        .mul(nbar.add(q(1, 2))),
    );
  return {
    variables: {
      pairs: [
        ['X1', 'Y1'],
        ['X2', 'Y2'],
      ],
    },
    hamiltonian: casForm(hamiltonianForm),
    damping: [scalarToCas(gamma1), scalarToCas(gamma2)],
    noise: [noise(gamma1), noise(gamma2)],
  };
}

function mismatchText(diffs: ReturnType<typeof differences>): string {
  return diffs.length === 0 ? 'all entries equal' : diffs.map((d) => `(${d.i + 1},${d.j + 1}): printed ${d.a}, derived ${d.b}`).join('; ');
}

/** The printed drift against the drift derived from the master equation, in the printed basis. */
export function compareDrift(
  witnesses: readonly Witness[],
  printedRows: readonly (readonly string[])[],
  basis: readonly string[],
  system: OpenSystem,
  model: ClassicalModel,
  definedBy: Readonly<Record<string, string>> = {},
): Comparison & { system: LinearGaussianSystem } {
  printedRows = printedRows.map((row) => row.map((x) => substituted(x, definedBy)));
  const derived = deriveSystem(system, basis);
  const diffs = differences(printedMatrix(printedRows), derived.drift);
  const reports = witnessReports(witnesses, diffs.length === 0, mismatchText(diffs), (w) =>
    driftMismatches(
      w,
      model,
      basis.map((n) => definitions[n]!),
      printedRows.map((row) => row.map((x) => `(${x})`)),
    ),
  );
  return { holds: diffs.length === 0, derived: matrixWithDifferences(derived.drift, diffs), reports, system: derived };
}

/** A claimed diffusion matrix against the derived one. */
export function compareDiffusion(
  witnesses: readonly Witness[],
  claimed: Matrix,
  basis: readonly string[],
  derived: LinearGaussianSystem,
  model: ClassicalModel,
): Comparison {
  const diffs = differences(claimed, derived.diffusion);
  const reports = witnessReports(witnesses, diffs.length === 0, mismatchText(diffs), (w) =>
    diffusionMismatches(
      w,
      model,
      basis.map((n) => definitions[n]!),
      claimed.map((row) => row.map(scalarToCas)),
    ),
  );
  return { holds: diffs.length === 0, derived: matrixWithDifferences(derived.diffusion, diffs), reports };
}
