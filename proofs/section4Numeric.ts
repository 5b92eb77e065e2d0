/**
 * Section 4's numbers: the closed forms (15)-(18) against the steady state of the full 4×4
 * conditional covariance, and the text's statements about S, E_N and the measurement regimes.
 * Every headline number comes from two routes, and the ledger says to how many digits they agree.
 */
import type { Claim } from '../src/verify/claim.ts';
import { intervalVerdict, verifiedOrErratum } from '../src/verify/verdicts.ts';
import { intervalRoute } from './shared.ts';
import { intervalField } from '../src/numeric/jet.ts';
import type { IntervalArithmetic } from '../src/numeric/interval.ts';
import { collectiveBlocks } from '../src/entanglement/gaussianState.ts';
import { agreeingDigits, decimalContext, type Dec } from '../src/numeric/context.ts';
import { requiredDigits } from '../src/verify/claim.ts';
import { closedForm, closedFormOf, optimalMu, type ModelOnePoint } from '../src/paper/closedForms.ts';
import { modelMatrices, solveModel, type Solution } from '../src/app/solve.ts';
import { resolveParameters } from '../src/models/parameters.ts';
import { paperSymbolValues } from '../src/paper/paperSymbols.ts';
import { modulatedCouplingCollective } from '../src/paper/collective.ts';
import { optimalQuadrature } from '../src/entanglement/gaussianState.ts';
import { evaluateDecimal } from '../src/numeric/fromExact.ts';
import { integrateCovariance } from '../src/numeric/integrate.ts';
import { riccatiSteadyState } from '../src/numeric/riccati.ts';
import type { Matrix } from '../src/exact/matrix.ts';
import { printed } from './printed.ts';

const SECTION = '3-4. Measurement and conditional variances';

/** Parameter points spanning the regimes: near threshold, quasi-QND, low efficiency, weak drive, negative detuning. */
export const POINTS: Record<string, ModelOnePoint> = {
  nearThreshold: { gamma: '1', delta: '30', chi: '25', nbar: '5', mu: '5', eta: '1' },
  quasiQnd: { gamma: '1', delta: '25', chi: '25', nbar: '5', mu: '5.5', eta: '1' },
  lowEfficiency: { gamma: '1', delta: '55', chi: '50', nbar: '5', mu: '2', eta: '0.5' },
  weakDrive: { gamma: '2', delta: '1.5', chi: '2', nbar: '0', mu: '0.3', eta: '0.8' },
  negativeDetuning: { gamma: '1', delta: '-20', chi: '15', nbar: '1', mu: '1', eta: '1' },
};

const solutions = new Map<string, Solution>();

function modelOneAt(p: ModelOnePoint, digits: number): Solution {
  const key = `${JSON.stringify(p)}@${digits}`;
  let s = solutions.get(key);
  if (s === undefined) {
    s = solveModel(resolveParameters('modulated', { gamma: p.gamma, delta: p.delta, chi: p.chi, nbar: p.nbar, mu: p.mu, eta: p.eta }), digits);
    solutions.set(key, s);
  }
  return s;
}

const fmt = (x: Dec, n = 25) => x.toSignificantDigits(n).toString();

function report(lines: string[], digits: number[]): { detail: string; least: number } {
  const least = Math.min(...digits);
  return { detail: lines.join('; '), least };
}

export const section4Numeric: Claim[] = [
  {
    id: 'eq16',
    seconds: 0.9,
    expected: { status: 'verified', reason: 'the closed form (16)-(18) equals the Riccati steady state at every tested point' },
    equation: '(16)-(18)',
    section: SECTION,
    statement: 'S = [√((γ + χ sin 2α)² + 4γ²SNR) − γ − χ sin 2α]/(2ημ), with α from (18), is the S of the conditional steady state.',
    printed: `${printed.eq16.text}; ${printed.eq18.text}`,
    check: (context) => {
      const lines: string[] = [];
      const digits: number[] = [];
      let branchConsistent = true;
      for (const [name, p] of Object.entries(POINTS)) {
        const s = modelOneAt(p, context.digits);
        const a = s.analysis!;
        const D = decimalContext(context.digits);
        // Round α to this context first: decimal.js's trigonometry fails on arguments with more digits than ~1000 − precision.
        const sinSign = D.sin(new D(0).plus(a.alpha).times(2)).isNegative() ? -1 : 1;
        const closed = closedForm(context.digits, p, sinSign);
        const other = closedForm(context.digits, p, sinSign === 1 ? -1 : 1);
        const d = agreeingDigits(closed.S, a.S, context.digits);
        digits.push(d);
        branchConsistent &&= sinSign === 1;
        lines.push(
          `${name}: Riccati S = ${fmt(a.S)}, (16) = ${fmt(closed.S)} (${d} digits, sin 2α ${sinSign > 0 ? '> 0' : '< 0'}; the other branch gives ${fmt(other.S, 8)})`,
        );
      }
      const { detail, least } = report(lines, digits);
      const holds = least >= requiredDigits(context) && branchConsistent;
      const interval = intervalRoute(
        Object.entries(POINTS).map(([name, p]) => ({
          name,
          point: resolveParameters('modulated', { ...p }),
          closed: (I: IntervalArithmetic) => closedFormOf(intervalField(I), p, 1).S,
        })),
        (e) => e.analysis?.S,
      );
      // The interval route is the proof; the digits of the decimal routes must also hold, and the branch be sin 2α ≥ 0.
      return intervalVerdict(
        {
          decision: holds ? interval.decision : 'disjoint',
          digits: least,
          derived: detail,
          reports: [
            {
              engine: 'riccati',
              agreed: true,
              computed: true,
              detail: `S from the full 4×4 Riccati steady state of (X₁, Y₁, X₂, Y₂), Newton-Kleinman held to ${context.digits} digits between two working precisions`,
            },
            { engine: 'closed-form', agreed: holds, detail: `(16)-(18) as printed, agreeing to at least ${least} of ${context.digits} digits` },
            interval.report,
          ],
          notes: [
            '(18) gives cos 2α only: (16) holds on the branch sin 2α ≥ 0, which is the sign of α for C defined as in (13); with the C-signs printed in (12) α changes sign and (16) must use −sin 2α',
          ],
        },
        '(16) does not give the S of the conditional steady state on the branch α of (13)',
        'the enclosure of S could not be proved narrow enough at some point to decide',
      );
    },
  },
  {
    id: 'eq18',
    expected: { status: 'verified', reason: 'the closed-form angle equals the least-variance angle of the Riccati steady state' },
    equation: '(18)',
    section: SECTION,
    statement: 'cos 2α of the least-variance quadrature in the (X₊, Y₊) plane is given by (18).',
    printed: printed.eq18.text,
    check: (context) => {
      const lines: string[] = [];
      const digits: number[] = [];
      for (const [name, p] of Object.entries(POINTS)) {
        const a = modelOneAt(p, context.digits).analysis!;
        const D = decimalContext(context.digits);
        const numeric = D.cos(new D(0).plus(a.alpha).times(2));
        const closed = closedForm(context.digits, p, 1).cos2alpha;
        const d = agreeingDigits(closed, numeric, context.digits);
        digits.push(d);
        lines.push(`${name}: cos 2α = ${fmt(numeric)} (Riccati), ${fmt(closed)} (18), ${d} digits`);
      }
      const { detail, least } = report(lines, digits);
      return verifiedOrErratum(
        {
          holds: least >= requiredDigits(context),
          digits: least,
          derived: detail,
          reports: [
            { engine: 'riccati', agreed: true, computed: true, detail: 'α from the eigenvector of the (X₊, Y₊) block of the Riccati steady state' },
            { engine: 'closed-form', agreed: least >= requiredDigits(context), detail: `(18) as printed, ${least} digits` },
          ],
          notes: ['the subscript in "cos 2α₁" of the extraction is read as α'],
        },
        '(18) does not give the optimal angle',
      );
    },
  },
  {
    id: 'eq15',
    expected: { status: 'verified', reason: 'the least-variance angles of the two planes differ by 90° at every tested point' },
    equation: '(15)',
    section: SECTION,
    statement:
      "The least-variance quadrature of the (X₋, Y₋) plane is at 90° to that of the (X₊, Y₊) plane, so S = 2√(V_α₊ V_α₋) uses both planes' least variances.",
    printed: `${printed.eq15.text}; "the maximum squeezing appears at some angle α in the X₊, Y₊ plane, and at 90 degrees to this angle in the X₋, Y₋ plane"`,
    check: (context) => {
      const lines: string[] = [];
      const digits: number[] = [];
      for (const [name, p] of Object.entries(POINTS)) {
        const s = modelOneAt(p, context.digits);
        const minus = optimalQuadrature(context.digits, collectiveBlocks(context.digits, s.conditional!.covariance).minus);
        const a = s.analysis!;
        const D = decimalContext(context.digits);
        const quarter = D.acos(-1).div(2);
        // angles are defined modulo π
        let gap = minus.angle.minus(a.alpha).abs();
        if (gap.gt(quarter.times(3))) gap = gap.minus(quarter.times(2)).abs();
        const d = Math.min(agreeingDigits(gap, quarter, context.digits), agreeingDigits(minus.variance, a.vAlphaMinus, context.digits));
        digits.push(d);
        lines.push(`${name}: α₊ = ${fmt(a.alpha, 12)}, α₋ = ${fmt(minus.angle, 12)}, V_α₋ at α₊ + 90° = least variance of the − plane to ${d} digits`);
      }
      const { detail, least } = report(lines, digits);
      return verifiedOrErratum(
        {
          holds: least >= requiredDigits(context),
          digits: least,
          derived: detail,
          reports: [{ engine: 'riccati', agreed: true, computed: true, detail: `each plane's own least-variance angle, ${least} digits` }],
        },
        'the optimal quadratures of the two planes are not at 90°',
      );
    },
  },
  {
    id: 'en-equals-minus-ln-s',
    expected: { status: 'erratum', reason: 'E_N = −ln S holds for model one but fails for model two, whose symmetric states are locally squeezed' },
    equation: 'Section 4, text after (15)',
    section: SECTION,
    statement: 'For states symmetric between the two oscillators, E_N = −ln S for S < 1.',
    printed: 'For states that are symmetric between the two oscillators, this quantity is directly related to the log-negativity by E_N = − ln(S) for S < 1.',
    check: (context) => {
      const lines: string[] = [];
      const digits: number[] = [];
      for (const [name, p] of Object.entries(POINTS)) {
        const a = modelOneAt(p, context.digits).analysis!;
        const d = agreeingDigits(a.S, a.expMinusLogNegativity, context.digits);
        digits.push(d);
        lines.push(
          `model one ${name}: S = ${fmt(a.S, 15)}, e^(−E_N) = ${fmt(a.expMinusLogNegativity, 15)} (${d} digits; E_N routes agree to ${a.logNegativityCheck.digits})`,
        );
      }
      // Model two's states are symmetric too (V₁₁ = V₂₂), but each oscillator is locally squeezed.
      const two = solveModel(resolveParameters('constant', { coupling: '30', chi: '25', nbar: '5', mu: '5' }));
      const t = two.analysis!;
      const v = two.conditional!.covariance;
      const symmetric =
        v[0]![0]!
          .minus(v[2]![2]!)
          .abs()
          .lt(`1e-${requiredDigits(context)}`) &&
        v[1]![1]!
          .minus(v[3]![3]!)
          .abs()
          .lt(`1e-${requiredDigits(context)}`);
      const twoDigits = agreeingDigits(t.S, t.expMinusLogNegativity, context.digits);
      lines.push(
        `model two (Γ = 30, χ = 25, N = 5, μ = 5): symmetric ${symmetric}, local variances ${fmt(v[0]![0]!, 6)} and ${fmt(v[1]![1]!, 6)}; S = ${fmt(t.S, 15)} but e^(−E_N) = ${fmt(t.expMinusLogNegativity, 15)} (${twoDigits} digits)`,
      );
      const least = Math.min(...digits);
      const holds = least >= requiredDigits(context) && twoDigits >= requiredDigits(context);
      return verifiedOrErratum(
        {
          holds,
          derived: lines.join('; '),
          reports: [
            { engine: 'riccati', agreed: true, computed: true, detail: 'S from V_α± of the Riccati steady state' },
            { engine: 'partial-transpose', agreed: true, computed: true, detail: 'E_N by the invariant formula and by an explicit partial transpose' },
          ],
        },
        "true for model one, whose states are symmetric with isotropic local blocks (V₁₁ = V₂₂ ∝ 1), to all but ten of the working digits; false for symmetric states in general: model two's states are symmetric but locally squeezed, and there S > e^(−E_N) (S of (15) is then not the log-negativity, and can exceed 1 while E_N > 0)",
      );
    },
  },
  {
    id: 's-below-one-sufficient',
    expected: { status: 'verified', reason: 'S < 1 implies E_N > 0 and Simon < 0 at every tested point, as the Duan bound says' },
    equation: 'Section 4, text after (15)',
    section: SECTION,
    statement: "S < 1 is a sufficient condition for entanglement: whenever S < 1, the state is entangled (E_N > 0, Simon's PPT condition violated).",
    printed: 'In general, a separability below unity as defined above is a sufficient condition for entanglement.',
    check: () => {
      const lines: string[] = [];
      let counterexamples = 0;
      let entangledWithS = 0;
      const models: Array<['modulated' | 'constant', Record<string, string>]> = [
        ...Object.values(POINTS).map(
          (p) => ['modulated', { gamma: p.gamma, delta: p.delta, chi: p.chi, nbar: p.nbar, mu: p.mu, eta: p.eta }] as ['modulated', Record<string, string>],
        ),
        ['constant', { coupling: '30', chi: '25', nbar: '5', mu: '5' }],
        ['constant', { gamma1: '1.5', gamma2: '0.5', coupling: '20', chi: '19', nbar: '0', mu: '1' }],
        ['modulated', { gamma1: '1.5', gamma2: '0.5', delta: '20', chi: '17', nbar: '0', mu: '1' }],
      ];
      for (const [model, raw] of models) {
        const a = solveModel(resolveParameters(model, raw), 30).analysis!;
        if (a.S.lt(1)) {
          entangledWithS++;
          if (!(a.logNegativity.gt(0) && a.simon.isNegative())) counterexamples++;
        }
        lines.push(`${model} ${JSON.stringify(raw)}: S = ${fmt(a.S, 8)}, E_N = ${fmt(a.logNegativity, 8)}, Simon = ${fmt(a.simon, 8)}`);
      }
      return verifiedOrErratum(
        {
          holds: counterexamples === 0,
          derived: `${entangledWithS} states with S < 1, ${counterexamples} of them not entangled; ${lines.join('; ')}`,
          reports: [{ engine: 'riccati', agreed: true, computed: true, detail: "S, E_N (two routes) and Simon's invariant of each steady state" }],
          notes: [
            'S is the product criterion for the commuting pair X₊cosα + Y₊sinα, −X₋sinα + Y₋cosα: separable states have Δ²uΔ²v ≥ ¼. The property tests search the whole parameter space',
          ],
        },
        'a state with S < 1 that is not entangled was found',
      );
    },
  },
  {
    id: 'strong-measurement',
    expected: { status: 'verified', reason: 'S -> 1 and E_N -> 0 as μ grows at every tested drive' },
    equation: 'Section 4, text after (18)',
    section: SECTION,
    statement:
      'Entanglement is easiest at moderate measurement strength; in the strong-measurement regime back-action (the μ² term of (17)) dominates and the entanglement disappears (read: E_N -> 0, S -> 1, as μ -> ∞).',
    printed: 'In the strong measurement regime, backaction causes the µ² term in (17) to dominate and the entanglement to disappear as expected.',
    check: () => {
      const base = POINTS.quasiQnd!;
      const scan = ['0.01', '0.1', '1', '5.5', '30', '300', '3000', '30000'].map((mu) => {
        const s = closedForm(30, { ...base, mu }, 1).S;
        return { mu, S: s };
      });
      const best = scan.reduce((x, y) => (y.S.lt(x.S) ? y : x));
      const strong = scan[scan.length - 1]!;
      const previous = scan[scan.length - 2]!;
      const weak = scan[0]!;
      const check = riccatiCheck({ ...base, mu: strong.mu });
      const afterBest = scan.slice(scan.indexOf(best));
      const increasing = afterBest.every((x, k) => k === 0 || x.S.gt(afterBest[k - 1]!.S));
      // 1 − S shrinks about tenfold per decade of μ: the entanglement vanishes like 1/μ.
      const shrink = new (decimalContext(30))(1).minus(previous.S).div(new (decimalContext(30))(1).minus(strong.S));
      const holds = best.S.lt(1) && weak.S.gt(best.S) && increasing && shrink.gt(5) && check.digits >= 25;
      const derived = `χ = 25, Δ = 25, N = 5, η = 1: ${scan.map((x) => `μ = ${x.mu}: S = ${fmt(x.S, 6)}`).join(', ')}; least S at μ = ${best.mu}; beyond it S rises to 1 and 1 − S falls ${fmt(shrink, 3)}-fold per decade; at μ = ${strong.mu} the Riccati S agrees with (16) to ${check.digits} digits`;
      return verifiedOrErratum(
        {
          holds,
          derived,
          reports: [
            { engine: 'closed-form', agreed: true, computed: true, detail: 'S from (16), itself checked against the Riccati solve (eq16)' },
            { engine: 'riccati', agreed: check.digits >= 25, detail: `Riccati at the strongest μ: ${check.digits} digits` },
          ],
          notes: ['S stays below 1 at every μ here: the state stays entangled, ever more weakly; "disappear" holds as a limit'],
        },
        'the entanglement does not disappear under strong measurement',
      );
    },
  },
  {
    id: 'optimal-mu-scaling',
    expected: { status: 'verified', reason: 'the optimum of the closed form tends to μ = γ(N + ½) and S√(χ/γ) to the derived constant' },
    equation: 'Section 4, text after (18)',
    section: SECTION,
    statement:
      'For χ ≫ γ (detuning near threshold, Δ = χ), the optimal measurement strength tends to μ = γ(N + ½) and S scales as √(γ/χ); we derive the constant: S√(χ/γ) -> 3^(3/4) η^(−1/4) √((N + ½)/2).',
    printed: 'When χ ≫ γ, the optimal conditioning occurs near µ ≈ γ(N + 1/2), with the separability S scaling as √(γ/χ).',
    check: () => {
      // Asymptotics of (16)-(18) at Δ = χ: with G = γ²SNR, cos 2α ≈ 1 − √G/χ, χ sin 2α ≈ √χ (4G)^(1/4), so
      // S ≈ G^(3/4)/(√2 ημ √χ); G = η(2γ(N+½)μ + μ²) makes G^(3/4)/μ least at μ = γ(N+½), where S√(χ/γ) = 3^(3/4) η^(−1/4) √((N+½)/2).
      const lines: string[] = [];
      let holds = true;
      for (const [nbar, eta] of [
        ['5', '1'],
        ['0', '0.5'],
      ] as const) {
        const n = Number(nbar) + 0.5;
        const limit = 3 ** 0.75 * Number(eta) ** -0.25 * Math.sqrt(n / 2);
        const deviations: number[] = [];
        for (const chi of [100, 1600, 25600]) {
          const best = optimalMu({ gamma: '1', delta: String(chi), chi: String(chi), nbar, eta });
          const muError = Math.abs(best.mu / n - 1);
          const sError = Math.abs((best.S * Math.sqrt(chi)) / limit - 1);
          deviations.push(Math.max(muError, sError));
          lines.push(
            `N = ${nbar}, η = ${eta}, χ = ${chi}: μ_opt/γ(N+½) = ${(best.mu / n).toFixed(5)}, S√(χ/γ) = ${(best.S * Math.sqrt(chi)).toFixed(5)} (limit ${limit.toFixed(5)})`,
          );
        }
        // χ grows 16-fold per step, so a 1/√χ approach shrinks each deviation 4-fold.
        holds &&= deviations.every((d, k) => k === 0 || d < 0.35 * deviations[k - 1]!) && deviations[deviations.length - 1]! < 0.02;
      }
      return verifiedOrErratum(
        {
          holds,
          derived: lines.join('; '),
          reports: [
            {
              engine: 'closed-form',
              agreed: true,
              computed: true,
              detail: 'μ_opt by golden-section search of (16) in log μ; (16) itself checked against the Riccati solve (eq16)',
            },
          ],
          notes: ['the deviations from both limits shrink like 1/√χ (fourfold per sixteenfold χ)'],
        },
        'the optimum does not approach μ = γ(N + ½), or S does not scale as √(γ/χ)',
      );
    },
  },
  {
    id: 'steady-state-routes',
    expected: { status: 'verified', reason: 'Newton-Kleinman, Runge-Kutta and the reduced 2×2 equations give one steady state' },
    assumptions: ['c-sign'],
    equation: '(12) steady state (ours)',
    section: SECTION,
    statement:
      "(ours) The conditional steady state is the same by three routes: Newton-Kleinman on the full 4×4 Riccati equation, Runge-Kutta integration from the vacuum, and (model one) the paper's reduced 2×2 equations of the + pair.",
    printed: 'The evolution of the conditional variances is obtained by inserting linear and quadratic observables into the master equation',
    check: (context) => {
      const lines: string[] = [];
      const digits: number[] = [];
      const point = POINTS.weakDrive!;
      for (const model of ['modulated', 'constant'] as const) {
        const raw = {
          gamma: point.gamma,
          chi: point.chi,
          nbar: point.nbar,
          mu: point.mu,
          eta: point.eta,
          ...(model === 'modulated' ? { delta: point.delta } : { coupling: point.delta }),
        };
        const params = resolveParameters(model, raw);
        const newton = solveModel(params, context.digits).conditional!.covariance;
        const m = modelMatrices(params, 20);
        const vacuum = m.drift.map((row, i) => row.map((_, j) => new (decimalContext(20))(i === j ? '0.5' : '0')));
        const integrated = integrateCovariance('double', m.drift, m.diffusion, m.measurement, vacuum, '8', 250);
        const d = Math.min(...newton.flatMap((row, i) => row.map((x, j) => (x.abs().lt('1e-15') ? 20 : agreeingDigits(x, integrated[i]![j]!, 20)))));
        digits.push(d);
        lines.push(`${model}: Riccati and RK4 (t = 8, 250 steps, from the vacuum) agree to ${d} digits in every entry`);
      }
      const reduced = modulatedCouplingCollective();
      const params = resolveParameters('modulated', { gamma: point.gamma, delta: point.delta, chi: point.chi, nbar: point.nbar, mu: point.mu, eta: point.eta });
      const values = paperSymbolValues(params);
      const block = (x: Matrix) =>
        evaluateDecimal(
          context.digits + 10,
          x.slice(0, 2).map((row) => row.slice(0, 2)),
          values,
        );
      const plus = riccatiSteadyState(context.digits + 10, block(reduced.drift), block(reduced.diffusion), block(reduced.measurement)).covariance;
      const reducedV = optimalQuadrature(context.digits, plus).variance;
      const full = solveModel(params, context.digits).analysis!.vAlphaPlus;
      const rd = agreeingDigits(reducedV, full, context.digits);
      digits.push(rd);
      lines.push(`model one: V_α₊ from the reduced 2×2 (X₊, Y₊) equations ${fmt(reducedV, 20)} vs the full 4×4 ${fmt(full, 20)} (${rd} digits)`);
      const holds = digits[0]! >= 8 && digits[1]! >= 8 && rd >= requiredDigits(context);
      return verifiedOrErratum(
        {
          holds,
          derived: lines.join('; '),
          reports: [
            { engine: 'riccati', agreed: true, computed: true, detail: `Newton-Kleinman held to ${context.digits} digits between two working precisions` },
            { engine: 'rk4', agreed: digits[0]! >= 8 && digits[1]! >= 8, detail: 'fourth-order Runge-Kutta in double precision, step 0.032' },
            { engine: 'reduced', agreed: rd >= requiredDigits(context), detail: 'the 2×2 Riccati equation of the + pair' },
          ],
          notes: [
            'RK4 agreement is limited by the step (error ∝ h⁴) and the finite time, not by precision',
            'the property test of RK4 convergence (properties/threshold.property.ts) draws |Δ| ≤ 3γ and χ ≤ 0.7χ_th only, to keep each integration short; every other property draws the whole space',
          ],
        },
        'the routes disagree',
      );
    },
  },
  {
    id: 'conditional-above-threshold',
    expected: { status: 'verified', reason: 'with every quadrature measured the Riccati equation has a stabilising solution above threshold' },
    equation: 'Section 2 text and (12) (ours)',
    section: SECTION,
    statement:
      '(ours) Above threshold the unconditional state has no steady state, while the conditional covariance still converges: every quadrature is measured, so the Riccati equation has a stabilising solution.',
    printed: 'The system we have described remains below threshold and therefore convergent as long as χ < χ_th',
    check: () => {
      const s = modelOneAt({ gamma: '1', delta: '3', chi: '25', nbar: '5', mu: '1', eta: '1' }, 30);
      const holds = !s.stable && s.unconditional === undefined && s.conditional?.residual.lt('1e-25') === true;
      const derived = `Δ = 3, χ = 25 > χ_th = ${s.threshold?.value ? fmt(s.threshold.value, 12) : '?'}: stable ${s.stable}; unconditional steady state ${s.unconditional ? 'exists' : 'none'}; conditional steady state ${s.conditional ? `residual ${s.conditional.residual.toExponential(2)}, S = ${fmt(s.analysis!.S, 10)}` : 'none'}`;
      return verifiedOrErratum(
        {
          holds,
          derived,
          reports: [
            { engine: 'riccati', agreed: true, computed: true, detail: 'Liénard-Chipart stability of the drift; Newton-Kleinman from a stabilising start' },
          ],
          notes: [
            'the conditional means are driven by the unbounded motion, so the linearised model stops being physical: solve reports "stable": false and these numbers only apart',
          ],
        },
        'above threshold the conditional covariance does not converge either',
      );
    },
  },
];

/** S from the Riccati steady state of the full 4×4 at a point, against (16), for the scans above. */
function riccatiCheck(p: ModelOnePoint): { digits: number } {
  const s = solveModel(resolveParameters('modulated', { gamma: p.gamma, delta: p.delta, chi: p.chi, nbar: p.nbar, mu: p.mu, eta: p.eta }), 30);
  return { digits: agreeingDigits(s.analysis!.S, closedForm(30, p, 1).S, 30) };
}
