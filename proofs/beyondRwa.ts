/**
 * What the rotating-wave approximation costs at a finite quality factor Q = ω_m/γ, measured on the
 * lab-frame models (src/paper/beyondRwa.ts): their periodic conditional state by harmonic balance,
 * E_N and S (S_UV) over a period against the RWA steady state.
 */
import type { Claim } from '../src/verify/claim.ts';
import { verifiedOrErratum } from '../src/verify/verdicts.ts';
import { labValues, periodicFigures, type Bath, type KeptTerms, type LabModel } from '../src/paper/beyondRwa.ts';
import type { FiguresOverPeriod } from '../src/app/periodicState.ts';
import { thresholdDetuning } from '../src/paper/figure2Readings.ts';
import { optimalMu } from '../src/paper/closedForms.ts';

const fmt = (x: number, n = 3) => x.toPrecision(n);

/** The paper's point for each model (Δ = Γ = 30γ, χ = 25γ, N = 5, μ = 5γ, η = 1). */
const PAPER = {
  modulated: { delta: '30', chi: '25', nbar: '5', mu: '5', eta: '1' },
  constant: { coupling: '30', chi: '25', nbar: '5', mu: '5', eta: '1' },
} as const;

interface Deviation {
  /** Period mean − RWA, and half the swing over the period, of E_N and of S (S_UV). */
  readonly meanEN: number;
  readonly rippleEN: number;
  readonly meanS: number;
  readonly rippleS: number;
  readonly rwaEN: number;
  readonly rwaS: number;
}

function deviationOf(f: FiguresOverPeriod): Deviation {
  const [e, s] = [f.periodic[0]!, f.periodic[1]!];
  const [rwaEN, rwaS] = [f.rwa[0]!, f.rwa[1]!];
  return {
    meanEN: e.mean.minus(rwaEN).toNumber(),
    rippleEN: e.max.value.minus(e.min.value).div(2).toNumber(),
    meanS: s.mean.minus(rwaS).toNumber(),
    rippleS: s.max.value.minus(s.min.value).div(2).toNumber(),
    rwaEN: rwaEN.toNumber(),
    rwaS: rwaS.toNumber(),
  };
}

function deviationAt(
  model: LabModel,
  raw: Readonly<Record<string, string>>,
  Q: string,
  digits: number,
  kept: KeptTerms = 'all',
  bath: Bath = 'optical',
): Deviation {
  const { point, values } = labValues(model, raw, Q);
  return deviationOf(periodicFigures(model, point, values, digits, { kept, bath }));
}

/** |y| ≈ C Q^p by least squares in log-log. */
function powerFit(points: ReadonlyArray<{ Q: number; y: number }>): { p: number; C: number } {
  const xs = points.map((x) => Math.log10(x.Q));
  const ys = points.map((x) => Math.log10(Math.abs(x.y)));
  const [mx, my] = [xs.reduce((a, b) => a + b) / xs.length, ys.reduce((a, b) => a + b) / ys.length];
  const p = xs.reduce((s, x, k) => s + (x - mx) * (ys[k]! - my), 0) / xs.reduce((s, x) => s + (x - mx) ** 2, 0);
  return { p, C: 10 ** (my - p * mx) };
}

/** Q at which the RWA correction is scanned; 14 working digits hold the shifts down to 10⁻¹² of E_N. */
const SCAN = ['1e3', '1e4', '1e5', '1e6', '1e9'];
const SCAN_DIGITS = 14;
/** Below this a shift is rounding, not a correction. */
const FLOOR = 1e-11;

export const beyondRwa: Claim[] = [
  {
    id: 'rwa-finite-q',
    seconds: 2.8,
    expected: {
      status: 'verified',
      reason: "the lab-frame periodic state tends to the RWA steady state as Q grows, the ripple like 1/Q; at Q = 10³ the paper's E_N is within a few per cent",
    },
    equation: '(1), (19) with (9)-(12) (ours)',
    section: '2. Model one; 5. Model two',
    statement:
      "(ours) The rotating-wave approximation behind (2), (20) and (9)-(12) costs little at a realistic Q: at the paper's point the lab-frame models' periodic state differs from the RWA steady state by corrections that vanish as Q = ω_m/γ grows.",
    printed:
      'within the rotating-wave approximation (the paper derives (2) and (20) from (1) and (19) by it, and the measurement of position as one of X and Y at rate μ each)',
    check: () => {
      const rows = (['modulated', 'constant'] as const).map((model) => ({
        model,
        scan: SCAN.map((Q) => ({ Q: Number(Q), d: deviationAt(model, PAPER[model], Q, SCAN_DIGITS) })),
      }));
      const figure = (model: LabModel) => (model === 'modulated' ? 'S' : 'S_UV');
      const fits = rows.map(({ model, scan }) => {
        // From Q = 10⁴ on: at 10³ model one's mean S has not yet settled to its asymptotic sign.
        const fitted = (pick: (d: Deviation) => number) =>
          powerFit(
            scan
              .filter((x) => x.Q >= 1e4)
              .map((x) => ({ Q: x.Q, y: pick(x.d) }))
              .filter((x) => Math.abs(x.y) > FLOOR),
          );
        return {
          model,
          rippleEN: fitted((d) => d.rippleEN),
          meanEN: fitted((d) => d.meanEN),
          rippleS: fitted((d) => d.rippleS),
          meanS: fitted((d) => d.meanS),
        };
      });
      // The corrections vanish: every fitted exponent at or below −1 (within the fit's spread).
      const holds = fits.every((f) => [f.rippleEN, f.meanEN, f.rippleS, f.meanS].every((x) => x.p < -0.95));
      const table = rows
        .map(
          ({ model, scan }) =>
            `${model === 'modulated' ? 'model one' : 'model two'} (E_N = ${fmt(scan[0]!.d.rwaEN, 4)}, ${figure(model)} = ${fmt(scan[0]!.d.rwaS, 4)} in the RWA): ` +
            scan
              .slice(0, 4)
              .map(
                (x) =>
                  `Q = ${x.Q.toExponential(0)}: E_N mean ${fmt(x.d.meanEN)}, ripple ${fmt(x.d.rippleEN)}; ${figure(model)} mean ${fmt(x.d.meanS)}, ripple ${fmt(x.d.rippleS)}`,
              )
              .join('; '),
        )
        .join(' | ');
      const scaling = fits
        .map(
          (f) =>
            `${f.model === 'modulated' ? 'model one' : 'model two'}: E_N ripple ${fmt(f.rippleEN.C)}·Q^${fmt(f.rippleEN.p, 3)}, mean ${fmt(f.meanEN.C)}·Q^${fmt(f.meanEN.p, 3)}; ${figure(f.model)} ripple ${fmt(f.rippleS.C)}·Q^${fmt(f.rippleS.p, 3)}, mean ${fmt(f.meanS.C)}·Q^${fmt(f.meanS.p, 3)}`,
        )
        .join('; ');
      // The bath: quantum Brownian motion against the optical equation, at the ends of the table.
      const baths = rows.flatMap(({ model, scan }) =>
        scan
          .filter((x) => x.Q === 1e3 || x.Q === 1e6)
          .map((x) => {
            const brownian = deviationAt(model, PAPER[model], String(x.Q), SCAN_DIGITS, 'all', 'brownian');
            const en = (d: Deviation) => d.rwaEN + d.meanEN;
            return `${model === 'modulated' ? 'model one' : 'model two'} at Q = ${x.Q.toExponential(0)}: mean E_N ${fmt(en(brownian), 5)} (Brownian) against ${fmt(en(x.d), 5)} (optical)`;
          }),
      );
      const one = rows[0]!.scan;
      const percentQ = (c: number, of: number) => (c / (0.01 * of)).toPrecision(2);
      const oneFit = fits[0]!;
      return verifiedOrErratum(
        {
          holds,
          derived: `at Δ = Γ = 30γ, χ = 25γ, N = 5, μ = 5γ, η = 1, the period mean − RWA and the half-swing over a period: ${table}. Fitted over Q = 10⁴ … 10⁹ (shifts above ${FLOOR} only; at Q = 10³ model one's mean S − RWA is still of the other sign): ${scaling}`,
          reports: [
            {
              engine: 'harmonic-balance',
              agreed: holds,
              computed: true,
              detail: `the periodic Riccati state of the lab-frame models, ${SCAN_DIGITS} working digits`,
            },
            { engine: 'riccati', agreed: true, computed: true, detail: 'the RWA steady state' },
          ],
          notes: [
            `model one's E_N moves by 1 % of its value in the period mean at Q ≈ ${percentQ(oneFit.meanEN.C, one[0]!.d.rwaEN)} (from the 1/Q fit; ${fmt((100 * one[0]!.d.meanEN) / one[0]!.d.rwaEN, 2)} % at Q = 10³) and swings by ±1 % over a period up to Q ≈ ${percentQ(oneFit.rippleEN.C, one[0]!.d.rwaEN)}`,
            "model two's period mean moves only at order 1/Q²: its counter-rotating terms average out to first order, and what remains at 1/Q is the ripple",
            'the lab-frame models are (1) and (19) taken to the rotating frame with every term kept (the terms the RWA drops oscillate at 2 and 4 times the frame frequency), the optical baths 2γ(N+1)D[a_j] + 2γN D[a_j†], and each position measured, 2μD[x_j] + √(2ημ)H[x_j]; the RWA of these is exactly the model files (checked symbolically, test/beyondRwa.test.ts)',
            'solve --frame lab --q Q prints these for one point, with a second route (the monodromy) beside harmonic balance',
            `the choice of bath moves E_N, and not only at finite Q: ${baths.join('; ')}. Quantum Brownian motion (momentum damping at 2γ, diffusion 2γ(N + ½), Diósi's position diffusion γ/8(N + ½)) averages in the rotating frame to the optical equation plus that extra diffusion, γ/8(N + ½) in each quadrature, which stays as Q → ∞; its time-dependent part (p damped, not x) adds a ripple`,
          ],
        },
        'the lab-frame state does not approach the RWA one as Q grows',
      );
    },
  },
  {
    id: 'quarter-cycle-lag',
    seconds: 1.7,
    expected: {
      status: 'verified',
      reason: 'the lag alone moves S by well under 1 % at Q = 10³ for N up to 20; it is not governed by N/Q, and the counter-rotating terms matter more',
    },
    equation: 'Section 5, text after (22)',
    section: '5. Model two: constant coupling',
    statement: 'That X and Y of an oscillator are read a quarter cycle apart has little effect when Q ≫ N.',
    printed: 'in the case of high-Q oscillators such that Q ≫ N, a quarter-cycle is insufficient time for thermal perturbations to influence the oscillators',
    check: () => {
      const Ns = ['0', '1', '5', '20'];
      const scan = (kept: KeptTerms) =>
        ['100', '1000'].map((Q) => ({ Q, byN: Ns.map((N) => ({ N, d: deviationAt('modulated', { ...PAPER.modulated, nbar: N }, Q, 11, kept) })) }));
      const [lag, all] = [scan('measurement'), scan('all')];
      const relative = (d: Deviation) => Math.max(Math.abs(d.meanS), d.rippleS) / d.rwaS;
      const row = (s: ReturnType<typeof scan>) =>
        s.map(({ Q, byN }) => `Q = ${Q}: ${byN.map(({ N, d }) => `N = ${N} ${fmt(100 * relative(d), 2)} %`).join(', ')}`).join('; ');
      const lagAt1000 = lag[1]!.byN.map((x) => relative(x.d));
      const small = lagAt1000.every((x) => x < 0.01);
      // N/Q would make the N = 20 effect 20 times the N = 1 one at each Q.
      const growth = lag.map(({ byN }) => relative(byN[3]!.d) / relative(byN[1]!.d));
      return verifiedOrErratum(
        {
          holds: small,
          derived: `largest relative change of S (period mean or half-swing, against the RWA) for model one at Δ = 30γ, χ = 25γ, μ = 5γ: the quarter-cycle lag alone (the lab measurement of x_j with the RWA Hamiltonian) ${row(lag)}; every neglected term (the counter-rotating terms of the drive as well) ${row(all)}`,
          reports: [
            { engine: 'harmonic-balance', agreed: small, computed: true, detail: 'the periodic Riccati state of the lab-frame model one, 11 working digits' },
          ],
          notes: [
            `the lag's effect does not grow like N/Q: from N = 1 to N = 20 it changes by a factor ${growth.map((g) => fmt(g, 2)).join(' (Q = 100) and ')} (Q = 1000), not 20; it falls like 1/Q at every N, set by the rates the record resolves (μ and the damping, 2γ(N + ½) + μ of diffusion), not by the thermal occupation alone`,
            'the RWA needs ω_m ≫ Δ, χ, μ and the thermal decoherence rate γN together; at the paper’s Δ = 30γ, χ = 25γ the counter-rotating terms of the drive dominate the correction (tens of per cent at Q = 100, ≈ 1 % at Q = 10³), far more than the lag',
            "the paper's premise Q ≫ N is necessary but not the binding condition: at Q = 100 ≫ N = 0 the full model still moves S by tens of per cent",
          ],
        },
        'the quarter-cycle lag changes S by more than 1 % at Q = 10³',
      );
    },
  },
  {
    id: 'figure2-finite-q',
    seconds: 0.4,
    expected: { status: 'verified', reason: "our outlook: the Q below which Figure 2's least S moves by 1 %, from the lab-frame model at the RWA optimum" },
    assumptions: ['figure2-detuning'],
    equation: "Figure 2 (ours, not the paper's)",
    section: '8. Experimental outlook',
    statement:
      "(ours, not a claim of the paper) The quality factor below which Figure 2's least S (model one at threshold) moves by more than 1 % once the rotating-wave approximation is dropped, at χ = 25γ and 50γ.",
    printed: '(not in the paper: an outlook of ours)',
    check: () => {
      const rows = ['25', '50'].map((chi) => {
        const delta = thresholdDetuning(chi, 30);
        const best = optimalMu({ gamma: '1', delta, chi, nbar: '5', eta: '1' });
        const raw = { delta, chi, nbar: '5', mu: best.mu.toPrecision(12), eta: '1' };
        // The least S moves, to first order in 1/Q, as S at the RWA optimum does (the optimum is stationary in μ).
        const Q = '1e4';
        const d = deviationAt('modulated', raw, Q, 14);
        const mean = (Number(Q) * Math.abs(d.meanS)) / (0.01 * d.rwaS);
        const swing = (Number(Q) * d.rippleS) / (0.01 * d.rwaS);
        return { chi, d, mean, swing };
      });
      const holds = rows.every((r) => Number.isFinite(r.mean) && r.mean > 0);
      return verifiedOrErratum(
        {
          holds,
          derived: rows
            .map(
              (r) =>
                `χ = ${r.chi}γ (least S ${fmt(r.d.rwaS, 4)} in the RWA): at Q = 10⁴ the period mean of S moves by ${fmt(r.d.meanS)} and S swings by ±${fmt(r.d.rippleS)}; the mean moves by 1 % below Q ≈ ${fmt(r.mean, 2)}, the swing reaches ±1 % below Q ≈ ${fmt(r.swing, 2)}`,
            )
            .join('; '),
          reports: [
            {
              engine: 'harmonic-balance',
              agreed: holds,
              computed: true,
              detail: 'the lab-frame model one at threshold, at the RWA optimum μ, Q = 10⁴, 14 working digits',
            },
          ],
          notes: [
            'both corrections go like 1/Q at large Q (rwa-finite-q), so the 1 % quality factors are the corrections at Q = 10⁴ times 10⁴ / (1 % of S)',
            'the least S over μ moves to first order like S at the RWA optimum, because the optimum is stationary in μ',
          ],
        },
        'no finite quality factor found',
      );
    },
  },
];
