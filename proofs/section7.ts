/** Section 7, damping asymmetry in model two: Eqs. (25)-(28) and the claim that only the drive rates change. */
import { joinMath, mathText, type MathText } from '../src/verify/mathText.ts';
import { scalarToCas } from '../src/verify/cas/render.ts';
import type { Claim, Expectation } from '../src/verify/claim.ts';
import { verifiedOrErratum } from '../src/verify/verdicts.ts';
import { witnessReports } from '../src/verify/witnesses.ts';
import { differences, submatrix, type Matrix } from '../src/exact/matrix.ts';
import { q, type RationalFunction as R, symbolIndex } from '../src/exact/rationalFunction.ts';
import { proveStabilityCondition } from '../src/gaussian/stability.ts';
import { scalarFrom } from '../src/operators/operatorExpression.ts';
import { classicalModel, compareDrift, deriveSystem, matrixText } from '../src/verify/printedComparison.ts';
import { env } from '../src/paper/symbols.ts';
import { modelTwoHamiltonian, openSystem } from '../src/paper/labFrame.ts';
import { sym } from '../src/paper/symbols.ts';
import { printed } from './printed.ts';
import { noiseClaim } from './shared.ts';

const SECTION = '7. Damping asymmetry';
const basis = printed.eq25.basis;
const asymmetric = () => openSystem(modelTwoHamiltonian(), sym.gamma1, sym.gamma2);
const drift = (): Matrix => deriveSystem(asymmetric(), basis).drift;
const definedBy = { chi1: printed.eq26.form, chi2: printed.eq27.form, gamma: printed.eq28.form };

/** A printed definition (26)-(28) against the value the derived drift entries force. */
function definitionClaim(c: {
  id: string;
  expected: Expectation;
  equation: string;
  statement: string;
  text: string;
  form: string;
  fromDrift: (m: Matrix) => R[];
}): Claim {
  return {
    id: c.id,
    expected: c.expected,
    equation: c.equation,
    section: SECTION,
    statement: c.statement,
    printed: c.text,
    check: (context) => {
      const values = c.fromDrift(drift());
      const printedValue = scalarFrom(c.form, env);
      const holds = values.every((v) => v.equals(printedValue));
      const derived = joinMath(values, ' = ');
      const reports = witnessReports(context.witnesses, holds, `from the derived drift: ${derived}`, (w) =>
        values.every((v) => w.isZero(`(${scalarToCas(v)})-(${c.form})`)),
      );
      return verifiedOrErratum({ holds, derived, reports }, 'the printed definition does not make (25) the drift derived with γ₁ ≠ γ₂');
    },
  };
}

export const section7: Claim[] = [
  {
    id: 'eq25',
    expected: { status: 'verified', reason: 'the drift with γ₁ ≠ γ₂ derived from the master equation has the printed form' },
    equation: '(25)',
    section: SECTION,
    statement: 'With damping rates γ₁ ≠ γ₂, the drift of (U₁, U₂, V₁, V₂) is (24) with χ replaced by χ₁ in the U block and χ₂ in the V block, γ = (γ₁ + γ₂)/2.',
    printed: printed.eq25.text,
    check: (context) => {
      const system = asymmetric();
      return verifiedOrErratum(
        compareDrift(context.witnesses, printed.eq25.matrix, basis, system, classicalModel(printed.eq20.quadrature, sym.gamma1, sym.gamma2, sym.N), definedBy),
        'the printed drift with damping asymmetry differs from the derived one',
      );
    },
  },
  definitionClaim({
    id: 'eq26',
    expected: { status: 'verified', reason: 'read off the derived drift (25)' },
    equation: '(26)',
    statement: 'χ₁ = χ − (γ₁ − γ₂)/2 is the effective drive rate of the U block: M₁₂ + Γ = M₂₁ − Γ = χ₁.',
    text: printed.eq26.text,
    form: printed.eq26.form,
    fromDrift: (m) => [m[0]![1]!.add(sym.Gamma), m[1]![0]!.sub(sym.Gamma)],
  }),
  definitionClaim({
    id: 'eq27',
    expected: { status: 'verified', reason: 'read off the derived drift (25)' },
    equation: '(27)',
    statement: 'χ₂ = χ + (γ₁ − γ₂)/2 is the effective drive rate of the V block: −M₃₄ − Γ = Γ − M₄₃ = χ₂.',
    text: printed.eq27.text,
    form: printed.eq27.form,
    fromDrift: (m) => [m[2]![3]!.neg().sub(sym.Gamma), sym.Gamma.sub(m[3]![2]!)],
  }),
  definitionClaim({
    id: 'eq28',
    expected: { status: 'verified', reason: 'the diagonal of the derived drift is −(γ₁ + γ₂)/2' },
    equation: '(28)',
    statement: 'Every diagonal entry of (25) is −γ with γ = (γ₁ + γ₂)/2.',
    text: printed.eq28.text,
    form: printed.eq28.form,
    fromDrift: (m) => m.map((row, k) => row[k]!.neg()),
  }),
  noiseClaim({
    id: 'eq25.noise',
    expected: { status: 'erratum', reason: 'by hand, D_U₁U₂ = (γ₁ − γ₂)(N + ½) ≠ 0: the inputs are correlated, not independent' },
    equation: '(25), noise term',
    section: SECTION,
    printed: printed.eq25.noise,
    basis,
    system: asymmetric,
    hamiltonianForm: printed.eq20.quadrature,
    gammas: [sym.gamma1, sym.gamma2],
  }),
  {
    id: 'asymmetry-only-drive-rate',
    expected: { status: 'erratum', reason: 'true of the drift, but the asymmetry also correlates the noise (see eq25.noise)' },
    assumptions: ['figure2-asymmetry'],
    equation: 'Section 7, text before (25)',
    section: SECTION,
    statement:
      'Damping asymmetry modifies only the effective parametric drive rate of model two (the dynamics are otherwise those of the symmetric case with γ the mean rate).',
    printed: 'Instead, the damping asymmetry modifies only the effective parametric drive rate.',
    check: (context) => {
      const withAsymmetry = deriveSystem(asymmetric(), basis);
      const mean = sym.gamma1.add(sym.gamma2).mul(q(1, 2));
      const symmetric = deriveSystem(openSystem(modelTwoHamiltonian(), mean, mean), basis);
      const noiseChanges = differences(withAsymmetry.diffusion, symmetric.diffusion);
      const holds = noiseChanges.length === 0;
      const derived = mathText`drift: as (24) with χ -> χ₁, χ₂ (see eq25); diffusion with asymmetry ${matrixText(withAsymmetry.diffusion)} vs symmetric at the mean rate ${matrixText(symmetric.diffusion)}`;
      const reports = witnessReports(context.witnesses, holds, derived, (w) =>
        noiseChanges.every((d) => w.isZero(`(${scalarToCas(d.a)})-(${scalarToCas(d.b)})`)),
      );
      return verifiedOrErratum(
        { holds, derived, reports },
        "true of the drift only: the asymmetry also correlates the noise of U₁ with U₂ and of V₁ with V₂ (off-diagonal (γ₁ − γ₂)(N + ½)), so the variance equations with asymmetry are not those of the symmetric case with χ -> χ₁, χ₂; the entanglement of Figure 2's dashed curves must be computed with the correlated noise",
      );
    },
  },
  {
    id: 'chi-th-asymmetric',
    expected: { status: 'verified', reason: 'our threshold: each block of (25) with χ_j is stable iff χ_j² < γ² + Γ²' },
    equation: '(25)-(28), threshold (ours)',
    section: SECTION,
    statement:
      'With damping asymmetry, model two is below threshold iff χ₁² < γ² + Γ² and χ₂² < γ² + Γ², i.e. χ + |γ₁ − γ₂|/2 < √(γ² + Γ²). Not printed: derived here from (25).',
    printed: '(not printed; (25) implies it)',
    check: (context) => {
      const m = drift();
      const mean = sym.gamma1.add(sym.gamma2).mul(q(1, 2));
      const half = sym.gamma1.sub(sym.gamma2).mul(q(1, 2));
      const blocks: Array<{ indices: number[]; rate: R; chiOf: R }> = [
        { indices: [0, 1], rate: sym.chi1, chiOf: sym.chi1.add(half) },
        { indices: [2, 3], rate: sym.chi2, chiOf: sym.chi2.sub(half) },
      ];
      const lines: MathText[] = [];
      let holds = true;
      const witnessed: Array<[Matrix, R]> = [];
      for (const { indices, rate, chiOf } of blocks) {
        const block = submatrix(m, indices).map((row) => row.map((x) => x.substitute(symbolIndex(sym.chi), chiOf)));
        const margin = mean.mul(mean).add(sym.Gamma.mul(sym.Gamma)).sub(rate.mul(rate));
        const proof = proveStabilityCondition(block, margin, rate);
        holds &&= proof.sufficient && proof.necessary;
        lines.push(
          mathText`block (${indices.map((k) => basis[k]).join(', ')}): stable iff ${margin} > 0 [${proof.obstacle ?? joinMath(proof.hurwitzInMargin, '; ')}]`,
        );
        witnessed.push([block, margin]);
      }
      const reports = witnessReports(context.witnesses, holds, lines.join('; '), (w) =>
        witnessed.every(([block, margin]) => {
          const [[a, b], [c, d]] = block.map((row) => row.map(scalarToCas)) as [[string, string], [string, string]];
          return w.isZero(`(${a})*(${d})-(${b})*(${c})-(${scalarToCas(margin)})`) && w.isZero(`(${a})+(${d})+gamma1+gamma2`);
        }),
      );
      return verifiedOrErratum({ holds, derived: joinMath(lines, '; '), reports }, 'the asymmetric threshold is not the one (25) implies');
    },
  },
];
