/**
 * What Figure 2 and the text around it claim: the solid curves (model one at its threshold),
 * the dashed curves (model two's S_UV and the damping asymmetry), and the dot-dashed curve
 * (ideal two-mode back-action evasion, assumption bae-ideal-limit).
 */
import type { Claim } from '../src/verify/claim.ts';
import { intervalVerdict, verifiedOrErratum } from '../src/verify/verdicts.ts';
import { intervalRoute } from './shared.ts';
import { intervalField } from '../src/numeric/jet.ts';
import type { IntervalArithmetic } from '../src/numeric/interval.ts';
import { logNegativityInvariant } from '../src/entanglement/gaussianState.ts';
import { agreeingDigits, decimalContext, type Dec } from '../src/numeric/context.ts';
import type { DMatrix } from '../src/numeric/matrix.ts';
import { leastModelTwo } from './assumptions.ts';
import { bindingThresholdCoupling, FIGURE2_ASYMMETRY, thresholdDetuning } from '../src/paper/figure2Readings.ts';
import { backActionEvasionS, backActionEvasionSOf, optimalMu } from '../src/paper/closedForms.ts';
import { separabilityUV } from '../src/paper/separabilityUV.ts';
import { requiredDigits } from '../src/verify/claim.ts';
import { solveModel } from '../src/app/solve.ts';
import { resolveParameters } from '../src/models/parameters.ts';

const fmt = (x: number, n = 4) => x.toPrecision(n);
const dec = (x: Dec, n = 6) => x.toSignificantDigits(n).toString();
const CHOSEN = FIGURE2_ASYMMETRY[1]!;

/** μ/γ = 10⁻³ … 10³ by decades. */
const DECADES = ['0.001', '0.01', '0.1', '1', '10', '100', '1000'];

/**
 * Model two along μ at Figure 2's chosen reading (γ₁ = 5/4 γ, γ₂ = 3/4 γ, Γ at the binding threshold):
 * the conditional state only (Γ given to 45 digits leaves the unconditional one of order 10⁴⁵).
 */
function figureModelTwo(chi: string, mu: string) {
  return solveModel(
    resolveParameters('constant', {
      gamma1: CHOSEN.g1,
      gamma2: CHOSEN.g2,
      coupling: bindingThresholdCoupling(chi, CHOSEN.g1, CHOSEN.g2, 45),
      chi,
      nbar: '5',
      eta: '1',
      mu,
    }),
    30,
    { conditionalOnly: true },
  );
}

/** Where the back-action-evasion closed form is checked: high temperature at weak to strong measurement, low efficiency, zero temperature. */
const BAE_POINTS = [
  { nbar: '5', mu: '1', eta: '1' },
  { nbar: '5', mu: '20', eta: '1' },
  { nbar: '5', mu: '500', eta: '0.5' },
  { nbar: '0', mu: '0.3', eta: '0.8' },
];

export const figure2Claims: Claim[] = [
  {
    id: 'figure2-caption',
    expected: { status: 'verified', reason: 'the closed form at N = 5, η = 1 gives S < 1 at moderate μ, lower for χ = 50γ' },
    assumptions: ['figure2-detuning', 'figure2-asymmetry', 'bae-ideal-limit'],
    equation: 'Figure 2',
    section: '4. Figure 2',
    statement: 'Figure 2 (model one, N = 5, η = 1): S falls below 1 at moderate μ for χ/γ = 25 and 50, lower for the stronger drive.',
    printed: 'Separability S as a function of measurement strength … χ/γ of 25 and 50 … N is 5 and efficiency η is unity.',
    check: () => {
      const at = (chi: string) => optimalMu({ gamma: '1', delta: thresholdDetuning(chi), chi, nbar: '5', eta: '1' });
      const [a, b] = [at('25'), at('50')];
      const holds = a.S < 1 && b.S < a.S && a.mu > 0.5 && a.mu < 50 && b.mu > 0.5 && b.mu < 50;
      const derived = `assumption figure2-detuning (Δ = √(χ² − γ²), χ_th = χ): least S = ${fmt(a.S, 12)} at μ = ${fmt(a.mu, 6)}γ (χ = 25γ), ${fmt(b.S, 12)} at μ = ${fmt(b.mu, 6)}γ (χ = 50γ)`;
      return verifiedOrErratum(
        {
          holds,
          derived,
          reports: [{ engine: 'closed-form', agreed: true, computed: true, detail: '(16)-(18), checked against the Riccati solve in eq16' }],
          notes: ['the curves themselves, with their minima from the full covariance: detuned-paramp figure2'],
        },
        "the caption's curves do not dip below 1 as described",
      );
    },
  },
  {
    id: 's-uv-witness',
    seconds: 0.8,
    expected: { status: 'erratum', reason: 'U₁, U₂ commute, so separable states reach S_UV < 1: S_UV < 1 certifies nothing' },
    assumptions: ['figure2-detuning', 'figure2-asymmetry', 'bae-ideal-limit'],
    equation: 'Figure 2 (dashed), Section 4 text after (15)',
    section: '5. Model two: constant coupling',
    statement:
      "Figure 2 reads model two's separability S_UV ((15) built from its own planes (U₁, U₂), (V₁, V₂)) against 1 as it reads model one's S: S_UV < 1 certifies entanglement.",
    printed:
      'In general, a separability below unity as defined above is a sufficient condition for entanglement. … [Figure 2] using the constant-coupling method with a damping asymmetry γD = 0.5γS (dashed lines)',
    check: (context) => {
      const work = context.digits;
      const D = decimalContext(work);
      const lines: string[] = [];
      const counterexamples: string[] = [];
      // A product of two oscillators each squeezed in X (r = 1): separable by construction.
      const squeezed = new D(-2).exp().div(2);
      const anti = new D(2).exp().div(2);
      const zero = new D(0);
      const product: DMatrix = [
        [squeezed, zero, zero, zero],
        [zero, anti, zero, zero],
        [zero, zero, squeezed, zero],
        [zero, zero, zero, anti],
      ];
      const p = separabilityUV(work, product);
      if (p.S.lt(1)) counterexamples.push('product state');
      lines.push(
        `product of two X-squeezed vacua (r = 1, separable): S_UV = ${dec(p.S, 12)} (= e⁻² to ${agreeingDigits(p.S, new D(-2).exp(), work)} digits), separable bound ${dec(p.separableBound)}, E_N = ${logNegativityInvariant(work, product).logNegativity.toExponential(1)} (0 up to the rounding of e^(±2))`,
      );
      // Model two without coupling: two independent one-mode amplifiers, measured locally: a product state.
      const uncoupled = solveModel(resolveParameters('constant', { coupling: '0', chi: '0.9', nbar: '0', mu: '0.5' }), work);
      const v = uncoupled.conditional!.covariance;
      const crossBlock = Math.max(...[v[0]![2]!, v[0]![3]!, v[1]![2]!, v[1]![3]!].map((x) => x.abs().toNumber()));
      const u = uncoupled.pairs.UV!;
      if (u.S.lt(1) && crossBlock === 0) counterexamples.push('model two at Γ = 0');
      lines.push(
        `model two at Γ = 0 (χ = 0.9γ, N = 0, μ = γ/2): cross-oscillator covariances ${crossBlock} (a product state), S_UV = ${dec(u.S, 12)}, separable bound ${dec(u.separableBound)}, E_N = ${dec(uncoupled.analysis!.logNegativity)}`,
      );
      // Along Figure 2's dashed curves (half decades of μ).
      for (const chi of ['25', '50']) {
        const pts = DECADES.map((mu) => ({ mu, s: figureModelTwo(chi, mu) }));
        const below = pts.filter((x) => x.s.pairs.UV!.S.lt(1));
        const certified = pts.filter((x) => x.s.pairs.UV!.S.lt(x.s.pairs.UV!.separableBound));
        const separable = below.filter((x) => x.s.analysis!.logNegativity.isZero());
        for (const x of separable) counterexamples.push(`Figure 2, χ = ${chi}γ, μ = ${fmt(Number(x.mu), 3)}γ`);
        const worst = separable[0] ?? below[below.length - 1]!;
        lines.push(
          `Figure 2's dashed curve χ = ${chi}γ, μ = 10⁻³ … 10³γ by decades: S_UV < 1 at ${below.length} of ${pts.length} points, below its separable bound at ${certified.length}, E_N = 0 (PPT, separable) at ${separable.length} of those with S_UV < 1${separable.length ? `, e.g. μ = ${fmt(Number(worst.mu), 3)}γ: S_UV = ${dec(worst.s.pairs.UV!.S)}, bound ${dec(worst.s.pairs.UV!.separableBound)}` : ''}`,
        );
      }
      return verifiedOrErratum(
        {
          holds: counterexamples.length === 0,
          derived: lines.join('; '),
          reports: [
            {
              engine: 'riccati',
              agreed: true,
              computed: true,
              detail: 'S_UV and its separable bound (product criterion, Giovannetti et al. PRA 67, 022320) from the full conditional covariance',
            },
            { engine: 'partial-transpose', agreed: true, computed: true, detail: 'E_N = 0 means PPT, hence separable for two modes' },
          ],
          notes: [`separable states with S_UV < 1: ${counterexamples.join('; ')}`],
        },
        "S_UV < 1 does not certify entanglement: U₁, U₂ commute, and so do V₁, V₂, so a separable state only obeys S_UV ≥ Σ_k |c_k| (c_k the commutator of the two chosen quadratures on oscillator k; |cos 2α_U| for equal damping), which is below 1 and tends to 0 as the optimal angle turns. Figure 2's dashed curves show S_UV below 1 where model two is separable (strong measurement); they certify entanglement only where S_UV is below its bound, and model two's entanglement is E_N, whose e^(−E_N) lies well above the dashed curves (detuned-paramp figure2 prints both)",
      );
    },
  },
  {
    id: 'asymmetry-modest-effect',
    expected: { status: 'verified', reason: 'with the correlated noise the dashed curves stay close to the solid ones at strong drive' },
    assumptions: ['figure2-detuning', 'figure2-asymmetry'],
    equation: 'Section 7, Figure 2 (dashed)',
    section: '7. Damping asymmetry',
    statement:
      "For a strong parametric drive, a 50% difference in damping rates has a modest effect on the entanglement of the constant-coupling scheme: Figure 2's dashed curves lie close to the solid ones.",
    printed: 'For a strong parametric drive, this asymmetry has a modest effect, as shown for a 50% difference in damping rates in Figure 2.',
    check: () => {
      const lines: string[] = [];
      let holds = true;
      for (const chi of ['25', '50']) {
        const one = optimalMu({ gamma: '1', delta: thresholdDetuning(chi), chi, nbar: '5', eta: '1' });
        const two = leastModelTwo(CHOSEN.g1, CHOSEN.g2, bindingThresholdCoupling(chi, CHOSEN.g1, CHOSEN.g2), chi);
        const change = two.sUV / one.S - 1;
        holds &&= Math.abs(change) < 0.2;
        lines.push(
          `χ = ${chi}γ: least S of model one ${fmt(one.S, 6)} (μ = ${fmt(one.mu, 3)}γ), least S_UV of model two with γ₁ = 5/4 γ, γ₂ = 3/4 γ ${fmt(two.sUV, 6)} (μ = ${fmt(two.mu, 3)}γ; ${fmt(change * 100, 2)}%), E_N there ${fmt(two.en)} against −ln S = ${fmt(-Math.log(one.S))}`,
        );
      }
      return verifiedOrErratum(
        {
          holds,
          derived: lines.join('; '),
          reports: [
            { engine: 'closed-form', agreed: true, computed: true, detail: 'model one: (16)-(18) at Δ = √(χ² − γ²)' },
            {
              engine: 'reduced',
              agreed: true,
              computed: true,
              detail: 'model two: S_UV of the reduced equations (25)-(28), what the paper plotted; E_N from the full covariance',
            },
          ],
          notes: [
            'assumptions figure2-detuning and figure2-asymmetry: both schemes at their (binding) thresholds',
            "true of the plotted S_UV; model two's E_N is much smaller than model one's (see s-uv-witness and model-two-same-entanglement)",
          ],
        },
        'the asymmetry changes the plotted separability by more than a fifth',
      );
    },
  },
  {
    id: 'bae-closed-form',
    expected: { status: 'verified', reason: 'the BAE Riccati steady state equals (16)-(17) at χ = 0 without back-action' },
    assumptions: ['figure2-detuning', 'figure2-asymmetry', 'bae-ideal-limit'],
    equation: 'Figure 2 (dot-dashed), (16)-(17) with χ = 0',
    section: '6. Comparison with measurement-based scheme',
    statement:
      'Ideal two-mode back-action evasion (assumption bae-ideal-limit) has the S of (16)-(17) with χ = 0 and no back-action term: S = [√(γ² + 8γημ(N + ½)) − γ]/(2ημ).',
    printed: '(not printed: the dot-dashed curve of Figure 2 and Ref. [16])',
    check: (context) => {
      const lines: string[] = [];
      const digits: number[] = [];
      for (const p of BAE_POINTS) {
        const s = solveModel(resolveParameters('bae', p), context.digits);
        const closed = backActionEvasionS(context.digits + 10, { gamma: '1', ...p });
        const d = agreeingDigits(s.analysis!.S, closed, context.digits);
        digits.push(d);
        lines.push(
          `N = ${p.nbar}, μ = ${p.mu}γ, η = ${p.eta}: S = ${dec(s.analysis!.S, 15)} from the engine's conditional equations, ${dec(closed, 15)} closed form (${d} digits)`,
        );
      }
      const least = Math.min(...digits);
      const interval = intervalRoute(
        BAE_POINTS.map((p) => ({
          name: `N = ${p.nbar}, μ = ${p.mu}γ, η = ${p.eta}`,
          point: resolveParameters('bae', p),
          closed: (I: IntervalArithmetic) => backActionEvasionSOf(intervalField(I), { gamma: '1', ...p }),
        })),
        (e) => e.analysis?.S,
      );
      return intervalVerdict(
        {
          decision: least >= requiredDigits(context) ? interval.decision : 'disjoint',
          digits: least,
          derived: lines.join('; '),
          reports: [
            {
              engine: 'riccati',
              agreed: true,
              computed: true,
              detail:
                'conditional equations derived by the engine from the measurement of X₊ and Y₋ (μD[c] + √(ημ)H[c]), Riccati steady state of the full 4×4 covariance',
            },
            { engine: 'closed-form', agreed: least >= requiredDigits(context), detail: `(16)-(17) with χ = 0 and V₀ -> N + ½, ${least} digits` },
            interval.report,
          ],
        },
        "the engine's back-action-evading measurement does not give the χ = 0, back-action-free limit of (16)",
        'the enclosure of S could not be proved narrow enough at some point to decide',
      );
    },
  },
  {
    id: 'backaction-evasion-comparison',
    expected: { status: 'verified', reason: 'BAE entangles only for ημ ≫ γ and overtakes the parametric schemes only there' },
    assumptions: ['bae-ideal-limit'],
    equation: 'Section 4, Section 6, Figure 2 (dot-dashed)',
    section: '6. Comparison with measurement-based scheme',
    statement:
      'Two-mode back-action evasion gives entanglement only in the strong, efficient regime ημ ≫ γ (assumption bae-ideal-limit); it overtakes the parametric schemes only there.',
    printed: 'backaction evasion can only produce entanglement in the strong and efficient measurement regime ημ ≫ γ, as shown in Figure 2',
    check: () => {
      // From the closed form, S < 1 ⟺ √(γ² + 8γημ(N + ½)) < γ + 2ημ ⟺ ημ > 2Nγ: check on both sides of the boundary.
      const lines: string[] = [];
      let holds = true;
      for (const [nbar, eta] of [
        ['5', '1'],
        ['5', '0.5'],
        ['1', '1'],
      ] as const) {
        const boundary = (2 * Number(nbar)) / Number(eta);
        const at = (mu: number) => solveModel(resolveParameters('bae', { nbar, eta, mu: mu.toPrecision(12) }), 30).analysis!;
        const [below, above] = [at(boundary * 0.999), at(boundary * 1.001)];
        holds &&= below.logNegativity.isZero() && above.logNegativity.gt(0);
        lines.push(`N = ${nbar}, η = ${eta}: E_N = ${dec(below.logNegativity, 3)} at ημ = 0.999 × 2Nγ, ${dec(above.logNegativity, 3)} at 1.001 × 2Nγ`);
      }
      const zero = solveModel(resolveParameters('bae', { nbar: '0', mu: '0.01' }), 30).analysis!;
      lines.push(`N = 0: E_N = ${dec(zero.logNegativity, 3)} already at μ = 0.01γ`);
      return verifiedOrErratum(
        {
          holds,
          derived: `entangled iff ημ > 2Nγ (S of bae-closed-form below 1); ${lines.join('; ')}`,
          reports: [
            { engine: 'riccati', agreed: true, computed: true, detail: 'E_N of the engine-derived back-action-evading measurement on both sides of ημ = 2Nγ' },
          ],
          notes: [
            'the threshold is ημ > 2Nγ: "ημ ≫ γ" for the thermal N = 5 of Figure 2, but at N = 0 any measurement entangles',
            'where it overtakes the parametric curves of Figure 2: detuned-paramp figure2 prints it',
          ],
        },
        'back-action evasion entangles outside the strong, efficient regime',
      );
    },
  },
];
