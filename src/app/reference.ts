/**
 * The golden dataset for other implementations: a documented grid of parameter points for
 * every model, each with the quantities of `solve` to the digits their enclosures prove (at least
 * 40 significant digits) and each enclosure beside it (K_lo, K_hi), a JSON Schema, and a CSV
 * twin. `compare` reads files with the same column names.
 */
import { CONVENTIONS } from '../models/conventions.ts';
import type { Regime } from '../gaussian/regime.ts';
import { solveCertified, type CertifiedSolution } from './certifiedSolve.ts';
import type { Interval } from '../numeric/interval.ts';
import { MODEL_NAMES, resolveParameters, type ModelName, type RawParameters } from '../models/parameters.ts';
import { atPointer, enclosureEnds, provedDigits, renderSolution } from './solveReport.ts';

export interface ReferenceCase {
  readonly name: string;
  readonly description: string;
  readonly model: ModelName;
  readonly params: RawParameters;
}

export const REFERENCE_CASES: readonly ReferenceCase[] = [
  {
    name: 'one-near-threshold',
    description: 'near threshold (χ/χ_th = 0.998)',
    model: 'modulated',
    params: { gamma: '1', delta: '25', chi: '24.95', nbar: '5', mu: '5', eta: '1' },
  },
  { name: 'one-quasi-qnd', description: 'Δ = χ (Eq. 8)', model: 'modulated', params: { gamma: '1', delta: '25', chi: '25', nbar: '5', mu: '5.5', eta: '1' } },
  {
    name: 'one-weak-measurement',
    description: 'weak measurement μ ≪ γ',
    model: 'modulated',
    params: { gamma: '1', delta: '30', chi: '25', nbar: '5', mu: '0.01', eta: '1' },
  },
  {
    name: 'one-strong-measurement',
    description: 'strong measurement μ ≫ γ',
    model: 'modulated',
    params: { gamma: '1', delta: '30', chi: '25', nbar: '5', mu: '300', eta: '1' },
  },
  { name: 'one-low-efficiency', description: 'η = 0.1', model: 'modulated', params: { gamma: '1', delta: '55', chi: '50', nbar: '2', mu: '3', eta: '0.1' } },
  {
    name: 'one-large-drive',
    description: 'χ/γ = 1000',
    model: 'modulated',
    params: { gamma: '1', delta: '1000', chi: '1000', nbar: '5', mu: '5.5', eta: '1' },
  },
  { name: 'one-negative-detuning', description: 'Δ < 0', model: 'modulated', params: { gamma: '1', delta: '-20', chi: '15', nbar: '1', mu: '1', eta: '1' } },
  {
    name: 'one-unequal-damping',
    description: 'γ₁ ≠ γ₂ (our generalisation)',
    model: 'modulated',
    params: { gamma1: '1.5', gamma2: '0.5', delta: '20', chi: '17', nbar: '0', mu: '1', eta: '1' },
  },
  {
    name: 'one-zero-temperature',
    description: 'N = 0, weak drive',
    model: 'modulated',
    params: { gamma: '2', delta: '1.5', chi: '2', nbar: '0', mu: '0.3', eta: '0.8' },
  },
  {
    name: 'two-symmetric',
    description: 'Γ = χ₂ side of Eq. (24)',
    model: 'constant',
    params: { gamma: '1', coupling: '30', chi: '25', nbar: '5', mu: '5', eta: '1' },
  },
  {
    name: 'two-near-threshold',
    description: 'near threshold',
    model: 'constant',
    params: { gamma: '1', coupling: '50.5', chi: '50', nbar: '5', mu: '4', eta: '1' },
  },
  {
    name: 'two-asymmetric',
    description: 'γ₁ = 1.25γ, γ₂ = 0.75γ (Eq. 25)',
    model: 'constant',
    params: { gamma1: '1.25', gamma2: '0.75', coupling: '50.25', chi: '50', nbar: '5', mu: '4', eta: '1' },
  },
  {
    name: 'two-detuned',
    description: 'extra detunings Δ₁ ≠ Δ₂ (our generalisation)',
    model: 'constant',
    params: { gamma: '1', coupling: '10', delta1: '0.5', delta2: '-0.25', chi: '8', nbar: '1', mu: '2', eta: '0.7' },
  },
  {
    name: 'two-low-efficiency',
    description: 'η = 0.2, negative coupling',
    model: 'constant',
    params: { gamma: '1', coupling: '-20', chi: '15', nbar: '3', mu: '2', eta: '0.2' },
  },
  {
    name: 'one-at-threshold',
    description: 'exactly at threshold, χ = χ_th = √(γ² + Δ²) (7, 24, 25)',
    model: 'modulated',
    params: { gamma: '7', delta: '24', chi: '25', nbar: '5', mu: '5', eta: '1' },
  },
  {
    name: 'two-at-threshold',
    description: 'exactly at threshold, χ = √(γ² + Γ²) (7, 24, 25)',
    model: 'constant',
    params: { gamma: '7', coupling: '24', chi: '25', nbar: '5', mu: '5', eta: '1' },
  },
  {
    name: 'two-above-threshold',
    description: 'above threshold: the conditional state still exists',
    model: 'constant',
    params: { gamma: '1', coupling: '20', chi: '25', nbar: '2', mu: '3', eta: '1' },
  },
  { name: 'bae-weak', description: 'back-action evasion, ημ < 2Nγ: separable', model: 'bae', params: { gamma: '1', nbar: '5', mu: '5', eta: '1' } },
  { name: 'bae-strong', description: 'back-action evasion, ημ > 2Nγ: entangled', model: 'bae', params: { gamma: '1', nbar: '5', mu: '40', eta: '0.8' } },
  {
    name: 'single-dpa',
    description: 'one-mode detuned parametric amplifier (Ref. [30])',
    model: 'single',
    params: { gamma: '1', delta: '30', chi: '25', nbar: '5', mu: '5', eta: '1' },
  },
  {
    name: 'single-resonant',
    description: 'one mode, Δ = 0 below threshold',
    model: 'single',
    params: { gamma: '1', delta: '0', chi: '0.5', nbar: '0', mu: '0.5', eta: '1' },
  },
];

export const PARAMETER_COLUMNS = ['model', 'gamma', 'gamma1', 'gamma2', 'delta', 'coupling', 'delta1', 'delta2', 'chi', 'nbar', 'mu', 'eta'] as const;
const UPPER = ['11', '12', '13', '14', '22', '23', '24', '33', '34', '44'] as const;
export const QUANTITY_COLUMNS = [
  'chiTh',
  'S',
  'Valpha_plus',
  'Valpha_minus',
  'alpha',
  'S_UV',
  'logNegativity',
  'expMinusLogNegativity',
  ...UPPER.map((ij) => `V${ij}` as const),
  'S_unconditional',
  'logNegativity_unconditional',
  ...UPPER.map((ij) => `U${ij}` as const),
] as const;
export type QuantityName = (typeof QUANTITY_COLUMNS)[number];

/** Where each quantity column is in solve's JSON (one mode: V11, V12, V22 and Valpha_plus from its 2×2 covariance). */
const POINTERS: Readonly<Record<QuantityName, string>> = {
  chiTh: '/chiTh',
  S: '/S',
  Valpha_plus: '/Valpha/0',
  Valpha_minus: '/Valpha/1',
  alpha: '/alpha',
  S_UV: '/S_UV',
  logNegativity: '/logNegativity',
  expMinusLogNegativity: '/expMinusLogNegativity',
  S_unconditional: '/unconditional/S',
  logNegativity_unconditional: '/unconditional/logNegativity',
  ...Object.fromEntries(UPPER.map((ij) => [`V${ij}`, `/covariance/${Number(ij[0]) - 1}/${Number(ij[1]) - 1}`])),
  ...Object.fromEntries(UPPER.map((ij) => [`U${ij}`, `/unconditionalCovariance/${Number(ij[0]) - 1}/${Number(ij[1]) - 1}`])),
} as Record<QuantityName, string>;

const QUANTITY_POINTERS = new Set(Object.values(POINTERS));

/** Whether a pointer of solve's JSON is one of the dataset's quantities: the certification need hold only those. */
export const isQuantityPointer = (pointer: string): boolean => QUANTITY_POINTERS.has(pointer);

export interface CertifiedQuantity {
  /** As solve prints it: the digits the enclosure proves, or the enclosure [lo, hi] where it proves none. */
  readonly text: string;
  readonly enclosure: Interval;
}

/** The certified quantities of a solution, by column name; a quantity the model does not have, or one not enclosed, is absent. */
export function quantitiesOf(s: CertifiedSolution): Partial<Record<QuantityName, CertifiedQuantity>> {
  const { json, enclosures } = renderSolution(s);
  const out: Partial<Record<QuantityName, CertifiedQuantity>> = {};
  for (const q of QUANTITY_COLUMNS) {
    const enclosure = enclosures.get(POINTERS[q]);
    if (enclosure) out[q] = { text: atPointer(json, POINTERS[q]) as string, enclosure };
  }
  return out;
}

/** A quantity column's enclosure columns: K_lo and K_hi. */
export const enclosureColumns = (q: QuantityName): [string, string] => [`${q}_lo`, `${q}_hi`];

export interface ReferenceRow extends Partial<Record<(typeof PARAMETER_COLUMNS)[number] | QuantityName | `${QuantityName}_${'lo' | 'hi'}`, string>> {
  readonly name: string;
  readonly description: string;
  readonly regime: Regime;
}

/** The dataset's rows at `digits` digits: every case, or those named in `only`. */
export function referenceRows(digits: number, only?: readonly string[]): ReferenceRow[] {
  return REFERENCE_CASES.filter((c) => only === undefined || only.includes(c.name)).map((c) => {
    const s = solveCertified(resolveParameters(c.model, c.params), digits, isQuantityPointer);
    const values: Record<string, string> = {};
    // Only proved digits are stored: a quantity whose enclosure proves none (it holds 0) is left out.
    for (const [q, { text, enclosure }] of Object.entries(quantitiesOf(s)))
      if (provedDigits(enclosure) > 0) [values[q], values[`${q}_lo`], values[`${q}_hi`]] = [text, ...enclosureEnds(enclosure)];
    return { name: c.name, description: c.description, regime: s.regime, model: c.model, ...c.params, ...values };
  });
}

export const REFERENCE_DOC = {
  dataset: 'detuned-paramp reference values for Szorkovszky, Clerk, Doherty, Bowen, NJP 16, 063043 (2014)',
  conventions: {
    ...CONVENTIONS,
    measurement:
      "each oscillator's position measured at strength μ and efficiency η: in the rotating frame μD[X_j] + μD[Y_j] and innovations √(ημ)H[X_j], √(ημ)H[Y_j], j = 1, 2",
    models: {
      modulated: 'H/ħ = Δ(a†a + b†b + 1) + χ(ab + a†b†); damping γ₁, γ₂ (γ₁ = γ₂ = γ in the paper)',
      bae: 'ideal two-mode back-action evasion (assumption bae-ideal-limit): H/ħ = 0, damping γ, X₊ and Y₋ measured directly at strength μ, efficiency η (instead of the positions)',
      constant: 'H/ħ = Γ(a†b + ab†) − (iχ/2)(a² − a†² + b² − b†²) + Δ₁a†a + Δ₂b†b; damping γ₁, γ₂',
      single: 'H/ħ = Δa†a + (χ/2)(a² + a†²); damping γ; covariance of (X, Y) in V11, V12, V22',
    },
    quantities: {
      S: 'Eq. (15): 2√(V_α₊ V_α₋), V_α₊ the least variance in the (X₊, Y₊) plane at angle alpha (α minimises V_α₊ alone, not the product), V_α₋ the (X₋, Y₋) variance at alpha + 90°; X± = (X₁ ± X₂)/√2, Y± = (Y₁ ± Y₂)/√2',
      Valpha: 'V_α₊ and V_α₋ of S (Valpha_plus, Valpha_minus); one mode: the least variance of the (X, Y) block',
      expMinusLogNegativity: 'e^(−E_N), E_N as logNegativity',
      alpha: 'radians, in (−π/2, π/2], angle of the least-variance quadrature X₊cos α + Y₊sin α (C of Eq. 13 with its printed sign)',
      S_UV: "model two only: 2√(V_U V_V), V_U and V_V the least variances of the planes (U₁, U₂) and (V₁, V₂) of Eq. (22), each at its own angle; the paper's S for model two (Figure 2, dashed). Not an entanglement witness by itself (claim s-uv-witness)",
      regime:
        'below-threshold, at-threshold or above-threshold, decided exactly from the rational parameters; the conditional quantities exist in every regime when μ > 0 and η > 0',
      logNegativity: 'natural logarithm; max(0, −ln 2ν̃₋), ν̃₋ the smallest symplectic eigenvalue of the partially transposed covariance (vacuum ν = ½)',
      chiTh: 'least χ at which the drift loses stability, other parameters fixed',
      Vij: 'conditional steady-state covariance ½⟨{δr_i, δr_j}⟩, r = (X₁, Y₁, X₂, Y₂), upper triangle (V21 … V43 are accepted by compare when they equal it); with η = 0 it is the unconditional covariance',
      Uij: 'unconditional steady-state covariance (no conditioning on the record; includes the measurement back-action μ), upper triangle; below threshold only. What a master-equation steady state (e.g. qutip.steadystate) gives',
      S_unconditional: 'S of Eq. (15) from the unconditional covariance',
      logNegativity_unconditional: 'E_N (natural logarithm, floored at 0) of the unconditional covariance',
    },
  },
} as const;

/** The convention behind a quantity column, from REFERENCE_DOC (V12 -> Vij, Valpha_plus -> Valpha). */
export function conventionOf(quantity: QuantityName | 'regime'): string {
  const docs: Readonly<Record<string, string>> = REFERENCE_DOC.conventions.quantities;
  const key = /^[VU]\d\d$/.test(quantity) ? `${quantity[0]}ij` : quantity.startsWith('Valpha') ? 'Valpha' : quantity;
  return docs[key] ?? '';
}

export function referenceSchema(): object {
  const num = { type: 'string', pattern: '^-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?$' };
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'detuned-paramp reference dataset',
    type: 'object',
    required: ['dataset', 'conventions', 'digits', 'rows'],
    properties: {
      dataset: { type: 'string' },
      conventions: { type: 'object' },
      digits: { type: 'integer', minimum: 30 },
      rows: {
        type: 'array',
        items: {
          type: 'object',
          required: ['name', 'model', 'regime'],
          properties: {
            name: { type: 'string' },
            description: { type: 'string' },
            regime: { enum: ['below-threshold', 'at-threshold', 'above-threshold'] },
            model: { enum: MODEL_NAMES },
            ...Object.fromEntries(PARAMETER_COLUMNS.filter((c) => c !== 'model').map((c) => [c, num])),
            ...Object.fromEntries(QUANTITY_COLUMNS.flatMap((c) => [c, ...enclosureColumns(c)].map((k) => [k, num]))),
          },
          additionalProperties: false,
        },
      },
    },
  };
}

export function referenceCsv(rows: readonly ReferenceRow[]): string {
  const columns = ['name', 'description', 'regime', ...PARAMETER_COLUMNS, ...QUANTITY_COLUMNS.flatMap((q) => [q, ...enclosureColumns(q)])];
  const lines = [columns.join(',')];
  const field = (x: string) => (/[",\n]/.test(x) ? `"${x.replaceAll('"', '""')}"` : x);
  for (const r of rows) lines.push(columns.map((c) => field((r as unknown as Record<string, string | undefined>)[c] ?? '')).join(','));
  return `${lines.join('\n')}\n`;
}
