/**
 * A model file (YAML, or JSON, which is YAML too) read into an open system with measurements:
 *
 *   modes: [a, b]                       ladder operators a, ad (a†), b, bd; quadratures X_a, Y_a, …
 *   parameters: { gamma: "> 0", Delta: real, chi: ">= 0", eta: { domain: "0 <= eta <= 1", default: 1 } }
 *   hamiltonian: "Delta*(ad*a + bd*b) + chi*(a*b + ad*bd)"       H/ħ, a frequency
 *   dissipators: [ { rate: "2*gamma*(N + 1)", jump: a }, … ]     rate·D[jump]
 *   measurements: [ { operator: X_a, strength: mu, efficiency: eta }, … ]
 *   basis: { X1: "X_a", Y1: "Y_a", … }                            optional; default X_m, Y_m per mode
 *
 * Everything the file says is checked, and a refusal is a ModelFileError that names the file,
 * the line and column, and what is wrong. Nothing in the file is ever executed: expressions go
 * through the engine's own small expression grammar.
 */
import { DetunedParampError } from '../exact/errors.ts';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml';
import { ExpressionSyntaxError, parseExpression, type Expr } from '../exact/expression.ts';
import { GaussianRational } from '../exact/gaussian.ts';
import { RationalFunction, symbolIndex } from '../exact/rationalFunction.ts';
import { Rational } from '../exact/rational.ts';
import type { ParameterValues } from '../numeric/fromExact.ts';
import { exactValue, ParameterError, type ParameterLabel } from './values.ts';
import { conditionalGaussianSystem, type ConditionalSystem } from '../gaussian/conditional.ts';
import { periodicConditionalSystem, type PeriodicConditionalSystem } from '../gaussian/periodic.ts';
import { NotLinearGaussianError } from '../gaussian/linearSystem.ts';
import { mode as bosonicMode, Operator, type Mode } from '../operators/operator.ts';
import { operatorFrom, timeDependentFrom, type Environment } from '../operators/operatorExpression.ts';
import type { TimeDependentOperator } from '../operators/rotatingFrame.ts';
import { momentumQuadrature, positionQuadrature } from '../operators/quadratures.ts';

export class ModelFileError extends DetunedParampError {
  constructor(message: string) {
    super('MODEL_FILE', message);
  }
}

/**
 * Bounds that keep a hostile file cheap to refuse, each checked before the work it bounds: size,
 * list lengths, expression length and nesting, the nesting of the YAML itself, an exponent, and the
 * terms an expression would expand to. Eight modes is what runs in bounded time (models/ring-of-eight.yaml:
 * derive about 2.5 s, a certified solve about 20 s; docs/model-files.md has the table): the
 * regime, threshold and steady states cost n³ to n⁴ (elimination, evaluation and interpolation,
 * refinement in doubles), the symplectic spectra of its bipartitions most of the rest.
 */
export const MODEL_FILE_LIMITS = {
  bytes: 200_000,
  modes: 8,
  entries: 64,
  expressionLength: 2_000,
  nesting: 50,
  yamlNesting: 64,
  exponent: 64,
  terms: 100_000,
} as const;

/** A number the physics bounds: a rate or strength ≥ 0, an efficiency in [0, 1]. */
export interface PhysicalRange {
  readonly what: string;
  readonly value: RationalFunction;
  /** file:line:column of the field. */
  readonly where: string;
  readonly allowed: 'nonNegative' | 'unit';
}

const ALLOWED_TEXT = { nonNegative: 'negative: it must be ≥ 0', unit: 'outside [0, 1]' } as const;

function inPhysicalRange(c: GaussianRational, allowed: PhysicalRange['allowed']): boolean {
  if (!c.isReal()) return false;
  return c.re.sign() >= 0 && (allowed === 'nonNegative' || c.re.compare(Rational.ONE) <= 0);
}

/**
 * What expanding an expression could cost, read off its tree before anything is expanded: the
 * degree in the ladder operators, the number of terms (an upper bound, capped), the largest exponent.
 */
function workOf(e: Expr, isOperator: (name: string) => boolean): { degree: number; terms: number; exponent: number } {
  const cap = (x: number) => Math.min(x, Number.MAX_SAFE_INTEGER);
  switch (e.kind) {
    case 'num':
      return { degree: 0, terms: 1, exponent: 0 };
    case 'id':
      return { degree: isOperator(e.name) ? 1 : 0, terms: 1, exponent: 0 };
    case 'neg':
      return workOf(e.arg, isOperator);
    case 'sqrt':
    case 'trig':
      return { ...workOf(e.arg, isOperator), degree: 0, terms: 2 };
    case 'pow': {
      const b = workOf(e.base, isOperator);
      return { degree: cap(b.degree * e.exponent), terms: cap(b.terms ** e.exponent), exponent: Math.max(e.exponent, b.exponent) };
    }
    case 'bin': {
      const [l, r] = [workOf(e.left, isOperator), workOf(e.right, isOperator)];
      const exponent = Math.max(l.exponent, r.exponent);
      if (e.op === '+' || e.op === '-') return { degree: Math.max(l.degree, r.degree), terms: cap(l.terms + r.terms), exponent };
      if (e.op === '*') return { degree: l.degree + r.degree, terms: cap(l.terms * r.terms), exponent };
      return { degree: l.degree, terms: l.terms, exponent };
    }
  }
}

/** Bounds read exactly: 0.1 is 1/10. */
export type Domain = {
  readonly lower?: { readonly value: Rational; readonly strict: boolean };
  readonly upper?: { readonly value: Rational; readonly strict: boolean };
};

export interface ModelParameter {
  readonly name: string;
  readonly domain: Domain;
  /** The domain as written, e.g. "> 0". */
  readonly domainText: string;
  /** file:line:column of the declaration. */
  readonly declared: string;
  readonly symbol: RationalFunction;
  /** The value taken when none is given (the field `default`), exact and within the domain. */
  readonly default?: Rational;
}

export interface ModelFile {
  /** How results name the model: the file as given, or a built-in model's name. */
  readonly name: string;
  readonly file: string;
  readonly modes: readonly string[];
  readonly parameters: readonly ModelParameter[];
  readonly hamiltonianText: string;
  /**
   * A lab-frame file (the field `frame`): each mode's rotating frequency, and every term of the
   * Hamiltonian in that frame that still oscillates, with its phase (e.g. 2ω_d), which the RWA drops;
   * `system` is then the rotating-wave approximation.
   */
  readonly frame?: {
    readonly frequencies: ReadonlyArray<{ readonly mode: string; readonly frequency: string }>;
    readonly dropped: ReadonlyArray<{ readonly phase: string; readonly term: Operator }>;
    /** The secular part: what the RWA keeps. */
    readonly rwaHamiltonian: Operator;
    /** A mode's name in the file. */
    readonly modeName: (m: Mode) => string;
    /** The system with every term kept, in θ = ωt for the frame's one frequency ω; or why there is none (no common period). */
    readonly periodic: () =>
      | { readonly system: PeriodicConditionalSystem; readonly frequency: RationalFunction; readonly frequencyName: string }
      | { readonly reason: string };
  };
  readonly system: ConditionalSystem;
  /** The quadratures of the covariance, in order (the file's basis, or X_m, Y_m per mode). */
  readonly basis: ReadonlyArray<{ readonly name: string; readonly op: Operator }>;
  /** X_m, Y_m for each mode in the order of `modes`: the basis in which bipartitions are read. */
  readonly modeBasis: ReadonlyArray<{ readonly name: string; readonly op: Operator }>;
  /** The parameter whose threshold derive gives in closed form where it can (the field `threshold`), by name. */
  readonly threshold?: string;
  /** The same parameter's symbol. */
  readonly thresholdSymbol?: RationalFunction;
  /** Pairs of planes whose product separability S solve reports, each plane two quadratures (product criterion). */
  readonly pairs: ReadonlyArray<{ readonly name: string; readonly first: readonly [Operator, Operator]; readonly second: readonly [Operator, Operator] }>;
  /** Rates, strengths and efficiencies with their physical range, checked at the values a solve is given. */
  readonly ranges: readonly PhysicalRange[];
  /** Bipartitions whose log-negativity solve reports: the modes of one side (default: each mode against the rest; one for two modes; none for one). */
  readonly bipartitions: ReadonlyArray<readonly string[]>;
}

const IDENTIFIER = /^[A-Za-z][A-Za-z0-9]*$/;
const RESERVED = new Set(['i', 'sqrt', 'cos', 'sin', 't']);

/** A model and an exact value of each of its parameters: what solve takes. */
export interface ModelPoint {
  readonly model: ModelFile;
  readonly values: ParameterValues;
}

/** Reads and checks a model file's text; `file` names it in messages, `name` in results (default: the file). */
export function loadModelFile(text: string, file: string, modelName: string = file): ModelFile {
  const at = locator(text, file);
  if (text.length > MODEL_FILE_LIMITS.bytes) throw new ModelFileError(`${file}: larger than ${MODEL_FILE_LIMITS.bytes} characters`);
  const deep = flowNesting(text);
  if (deep !== undefined) throw new ModelFileError(`${at(deep)}: brackets nested more than ${MODEL_FILE_LIMITS.yamlNesting} deep`);
  const lines = new LineCounter();
  // Aliases are never resolved (the loader reads nodes), so an alias bomb costs nothing; an alias where a value belongs is refused as not a string.
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const first = doc.errors[0];
  if (first) throw new ModelFileError(`${at(first.pos[0])}: ${first.message.split('\n')[0]}`);
  const root = doc.contents;
  if (!isMap(root)) throw new ModelFileError(`${at(0)}: a model file is a mapping with modes, parameters, hamiltonian, dissipators and measurements`);
  const where = (node: Node | null | undefined) => at(node?.range?.[0] ?? 0);
  const field = (map: YAMLMap, key: string): Node | undefined => {
    const pair = map.items.find((p: Pair) => isScalar(p.key) && p.key.value === key);
    return (pair?.value ?? undefined) as Node | undefined;
  };
  const known = ['modes', 'parameters', 'frame', 'hamiltonian', 'dissipators', 'measurements', 'basis', 'bipartitions', 'pairs', 'threshold'];
  for (const p of root.items) {
    const key = isScalar(p.key) ? String(p.key.value) : undefined;
    if (key === undefined || !known.includes(key))
      throw new ModelFileError(`${where(p.key as Node)}: unknown field "${String(key).slice(0, 40)}" (fields: ${known.join(', ')})`);
  }
  const required = (key: string) => {
    const n = field(root, key);
    if (n === undefined) throw new ModelFileError(`${at(0)}: the field "${key}" is required`);
    return n;
  };
  const str = (node: Node, what: string): string => {
    if (!isScalar(node) || (typeof node.value !== 'string' && typeof node.value !== 'number'))
      throw new ModelFileError(`${where(node)}: ${what} must be a string`);
    return String(node.value);
  };
  const list = (node: Node, what: string) => {
    if (!isSeq(node)) throw new ModelFileError(`${where(node)}: ${what} must be a list`);
    if (node.items.length > MODEL_FILE_LIMITS.entries) throw new ModelFileError(`${where(node)}: ${what} has more than ${MODEL_FILE_LIMITS.entries} entries`);
    return node.items as Node[];
  };
  const identifier = (node: Node, what: string, taken: Set<string>) => {
    const n = str(node, what);
    if (!IDENTIFIER.test(n) || RESERVED.has(n))
      throw new ModelFileError(`${where(node)}: ${what} "${n.slice(0, 40)}" must be a plain identifier (letters and digits), not i, t, sqrt, cos or sin`);
    if (taken.has(n)) throw new ModelFileError(`${where(node)}: "${n}" is declared twice`);
    taken.add(n);
    return n;
  };

  const taken = new Set<string>();
  const modeNodes = list(required('modes'), 'modes');
  if (modeNodes.length === 0 || modeNodes.length > MODEL_FILE_LIMITS.modes)
    throw new ModelFileError(`${where(required('modes'))}: 1 to ${MODEL_FILE_LIMITS.modes} modes`);
  const modes = modeNodes.map((n) => identifier(n, 'a mode', taken));
  const env = new Map<string, Operator | RationalFunction>();
  const defaultBasis: Array<{ name: string; op: Operator }> = [];
  const modeObjects = new Map<string, ReturnType<typeof bosonicMode>>();
  for (const m of modes) {
    const bm = bosonicMode(`file:${file}:${m}`);
    modeObjects.set(m, bm);
    for (const [k, op] of [
      [m, Operator.annihilation(bm)],
      [`${m}d`, Operator.creation(bm)],
      [`X_${m}`, positionQuadrature(bm)],
      [`Y_${m}`, momentumQuadrature(bm)],
    ] as const) {
      if (taken.has(k) && k !== m) throw new ModelFileError(`${where(required('modes'))}: "${k}" (from mode ${m}) clashes with another name`);
      taken.add(k);
      env.set(k, op);
    }
    defaultBasis.push({ name: `X_${m}`, op: positionQuadrature(bm) }, { name: `Y_${m}`, op: momentumQuadrature(bm) });
  }

  const parameterNode = required('parameters');
  if (!isMap(parameterNode)) throw new ModelFileError(`${where(parameterNode)}: parameters must be a mapping of name to domain, e.g. gamma: "> 0"`);
  const parameters: ModelParameter[] = parameterNode.items.map((p: Pair) => {
    const pname = identifier(p.key as Node, 'a parameter', taken);
    const spec = p.value as Node | null;
    let domainNode = spec;
    let defaultNode: Node | undefined;
    if (isMap(spec)) {
      for (const q of spec.items) {
        const k = isScalar(q.key) ? String(q.key.value) : '';
        if (k !== 'domain' && k !== 'default')
          throw new ModelFileError(`${where(q.key as Node)}: unknown field "${k.slice(0, 40)}" of parameter ${pname} (fields: domain, default)`);
      }
      domainNode = field(spec, 'domain') ?? null;
      defaultNode = field(spec, 'default');
    }
    const domainText = domainNode === null ? 'real' : str(domainNode, `the domain of ${pname}`);
    const domain = parseDomain(domainText, pname, where(domainNode ?? spec));
    let fallback: Rational | undefined;
    if (defaultNode !== undefined) {
      const text = str(defaultNode, `the default of ${pname}`);
      try {
        fallback = exactValue(pname, text, (n) => `the default of ${n}`, `domain ${domainText}`);
      } catch (err) {
        if (err instanceof ParameterError) throw new ModelFileError(`${where(defaultNode)}: ${err.message}`);
        throw err;
      }
      if (!inDomain(fallback, domain))
        throw new ModelFileError(`${where(defaultNode)}: the default ${text.slice(0, 40)} of ${pname} is outside its domain ${domainText}`);
    }
    // The file's own symbol: its declaration (name and positivity from this file's domain) is its identity.
    const positive = domain.lower !== undefined && domain.lower.value.sign() >= 0 && domain.lower.strict;
    const symbol = RationalFunction.symbol(pname, { positive });
    env.set(pname, symbol);
    return { name: pname, domain, domainText, symbol, declared: where(p.key as Node), ...(fallback === undefined ? {} : { default: fallback }) };
  });

  /** The operator an expression denotes; with `checkOnly` only its limits are checked (a time-dependent one is then read by timeExpression). */
  const expression = (node: Node, what: string, checkOnly = false): Operator => {
    const t = str(node, what);
    if (t.length > MODEL_FILE_LIMITS.expressionLength)
      throw new ModelFileError(`${where(node)}: ${what} is longer than ${MODEL_FILE_LIMITS.expressionLength} characters`);
    if (nesting(t) > MODEL_FILE_LIMITS.nesting)
      throw new ModelFileError(`${where(node)}: ${what} nests parentheses more than ${MODEL_FILE_LIMITS.nesting} deep`);
    try {
      const tree = parseExpression(t);
      const work = workOf(tree, (name) => env.get(name) instanceof Operator);
      if (work.exponent > MODEL_FILE_LIMITS.exponent) throw new Error(`an exponent ${work.exponent} is beyond ${MODEL_FILE_LIMITS.exponent}`);
      if (work.degree > 2) throw new Error(`degree ${work.degree} in the ladder operators: a linear Gaussian model is at most quadratic`);
      if (work.terms > MODEL_FILE_LIMITS.terms) throw new Error(`it would expand to more than ${MODEL_FILE_LIMITS.terms} terms`);
      return checkOnly ? Operator.ZERO : operatorFrom(t, env as Environment);
    } catch (err) {
      const message = err instanceof ExpressionSyntaxError ? err.message : (err as Error).message;
      throw new ModelFileError(`${where(node)}: ${what}: ${message}`);
    }
  };
  // A frame: each mode's rotating frequency, a parameter; the Hamiltonian, jumps and measured
  // operators are then read in the lab frame (with t in cos(…), sin(…)) and taken to the frame.
  const frameNode = field(root, 'frame');
  const frame =
    frameNode === undefined
      ? undefined
      : (() => {
          if (!isMap(frameNode))
            throw new ModelFileError(`${where(frameNode)}: frame must be a mapping of mode to its rotating frequency (a parameter), e.g. a: omega`);
          const entries = frameNode.items.map((p: Pair) => {
            const m = str(p.key as Node, 'a mode of the frame');
            const f = str(p.value as Node, `the frequency of mode ${m}`);
            const mode = modeObjects.get(m);
            if (mode === undefined) throw new ModelFileError(`${where(p.key as Node)}: "${m.slice(0, 40)}" is not one of the modes (${modes.join(', ')})`);
            const parameter = parameters.find((x) => x.name === f);
            if (parameter === undefined)
              throw new ModelFileError(`${where(p.value as Node)}: the frequency of mode ${m} must be one of the parameters, not "${f.slice(0, 40)}"`);
            return { mode, modeName: m, frequency: parameter.symbol, frequencyName: f };
          });
          const missingModes = modes.filter((m) => !entries.some((e) => e.modeName === m));
          if (missingModes.length > 0) throw new ModelFileError(`${where(frameNode)}: the frame names no frequency for ${missingModes.join(', ')}`);
          return entries;
        })();
  const time = RationalFunction.symbol('t');
  const timeExpression = (node: Node, what: string): TimeDependentOperator => {
    expression(node, what, true);
    try {
      return timeDependentFrom(str(node, what), env as Environment, time);
    } catch (err) {
      throw new ModelFileError(`${where(node)}: ${what}: ${(err as Error).message}`);
    }
  };
  const scalar = (node: Node, what: string): RationalFunction => {
    const c = expression(node, what).cNumber();
    if (c === undefined) throw new ModelFileError(`${where(node)}: ${what} must be a number or a parameter expression, not an operator`);
    return c;
  };

  const hNode = required('hamiltonian');
  const frameList = frame?.map((f) => ({ mode: f.mode, frequency: f.frequency }));
  const rotatingHamiltonian = frameList
    ? timeExpression(hNode, 'the hamiltonian').inRotatingFrame(frameList, { energyUnit: RationalFunction.ONE, zeroPoint: false })
    : undefined;
  const hamiltonian = rotatingHamiltonian ? rotatingHamiltonian.secularPart() : expression(hNode, 'the hamiltonian');
  for (const { op } of rotatingHamiltonian?.oscillating() ?? [])
    if (op.degree() > 2)
      throw new ModelFileError(
        `${where(hNode)}: the hamiltonian has a term of degree ${op.degree()}; only quadratic Hamiltonians give a linear Gaussian model`,
      );
  if (hamiltonian.degree() > 2)
    throw new ModelFileError(
      `${where(hNode)}: the hamiltonian has degree ${hamiltonian.degree()} in the ladder operators; only quadratic Hamiltonians give a linear Gaussian model`,
    );
  if (!hamiltonian.isHermitian())
    throw new ModelFileError(`${where(hNode)}: the hamiltonian is not Hermitian (H ≠ H†: check the conjugate terms, e.g. i*(ad*bd - a*b))`);

  const entries = (key: string, fields: readonly string[]) => {
    const node = field(root, key);
    return node === undefined
      ? []
      : list(node, key).map((item) => {
          if (!isMap(item)) throw new ModelFileError(`${where(item)}: each of ${key} is a mapping with ${fields.join(', ')}`);
          for (const p of item.items) {
            const k = isScalar(p.key) ? String(p.key.value) : '';
            if (!fields.includes(k))
              throw new ModelFileError(`${where(p.key as Node)}: unknown field "${k.slice(0, 40)}" in ${key} (fields: ${fields.join(', ')})`);
          }
          return { item, get: (k: string) => field(item, k) ?? missing(where(item), key, k) };
        });
  };
  const ranges: PhysicalRange[] = [];
  // In a frame each jump is the lab operator seen from it; rate·D[L(t)] averages to Σ_j rate⟨f_j²⟩D[P_j].
  const periodicJumps: Array<{ rate: RationalFunction; jump: TimeDependentOperator }> = [];
  const dissipators = entries('dissipators', ['rate', 'jump']).flatMap(({ get }) => {
    const jumpNode = get('jump');
    const seen = frameList ? timeExpression(jumpNode, 'a jump operator').seenFrom(frameList) : undefined;
    const pieces = seen ? seen.averagedPieces() : [{ op: expression(jumpNode, 'a jump operator'), weight: RationalFunction.ONE }];
    for (const { op: jump } of pieces)
      if (jump.degree() !== 1 || !jump.constantPart().isZero())
        throw new ModelFileError(`${where(jumpNode)}: a jump operator must be linear in the ladder operators (no constant, no products)`);
    const rateNode = get('rate');
    const rate = scalar(rateNode, 'a dissipator rate');
    ranges.push({ what: 'a dissipator rate', value: rate, where: where(rateNode), allowed: 'nonNegative' });
    if (seen) periodicJumps.push({ rate, jump: seen });
    return pieces.map(({ op, weight }) => ({ rate: rate.mul(weight), jump: op }));
  });
  // In a frame a measured lab quadrature c(t) = Σ_j f_j(t) P_j becomes one channel per piece, at strength μ⟨f_j²⟩ (its RWA).
  const periodicMeasured: Array<{ name: string; op: TimeDependentOperator; strength: RationalFunction; efficiency: RationalFunction }> = [];
  const measured = entries('measurements', ['operator', 'strength', 'efficiency']).flatMap(({ get }) => {
    const opNode = get('operator');
    const text = str(opNode, 'a measured operator');
    const seen = frameList ? timeExpression(opNode, 'a measured operator').seenFrom(frameList) : undefined;
    const pieces = seen ? seen.averagedPieces() : [{ op: expression(opNode, 'a measured operator'), weight: RationalFunction.ONE, phase: '' }];
    for (const { op } of pieces)
      if (op.degree() !== 1 || !op.isHermitian() || !op.constantPart().isZero())
        throw new ModelFileError(`${where(opNode)}: a measured operator must be a Hermitian linear quadrature`);
    const [strengthNode, efficiencyNode] = [get('strength'), get('efficiency')];
    const [strength, efficiency] = [scalar(strengthNode, 'a measurement strength'), scalar(efficiencyNode, 'a measurement efficiency')];
    ranges.push(
      { what: 'a measurement strength', value: strength, where: where(strengthNode), allowed: 'nonNegative' },
      { what: 'a measurement efficiency', value: efficiency, where: where(efficiencyNode), allowed: 'unit' },
    );
    if (seen) periodicMeasured.push({ name: text, op: seen, strength, efficiency });
    return pieces.map(({ op, weight, phase }) => ({ text: phase === '' ? text : `${text} [${phase}]`, op, strength: strength.mul(weight), efficiency }));
  });
  // A constant out of its physical range is refused now; one that depends on parameters, at the values given.
  for (const r of ranges) {
    const c = r.value.constantValue();
    if (c !== undefined && !inPhysicalRange(c, r.allowed)) throw new ModelFileError(`${r.where}: ${r.what} of ${c} is ${ALLOWED_TEXT[r.allowed]}`);
  }
  // Each channel is named by its operator as written, numbered only when one is measured twice.
  const measurements = measured.map(({ text, ...m }, k) => ({ ...m, name: measured.filter((x) => x.text === text).length > 1 ? `${text}#${k + 1}` : text }));

  const basisNode = field(root, 'basis');
  let basis = defaultBasis;
  if (basisNode !== undefined) {
    if (!isMap(basisNode)) throw new ModelFileError(`${where(basisNode)}: basis must be a mapping of name to quadrature, e.g. X1: X_a`);
    const names = new Set(taken);
    basis = basisNode.items.map((p: Pair) => ({
      name: identifier(p.key as Node, 'a basis name', names),
      op: expression(p.value as Node, 'a basis quadrature'),
    }));
  }
  let system: ConditionalSystem;
  try {
    system = conditionalGaussianSystem({ hamiltonian, dissipators }, measurements, basis);
  } catch (err) {
    if (err instanceof NotLinearGaussianError) throw new ModelFileError(`${where(basisNode ?? root)}: ${err.message}`);
    throw err;
  }
  const bipartitionNode = field(root, 'bipartitions');
  const bipartitions =
    bipartitionNode === undefined
      ? (modes.length < 2 ? [] : modes.length === 2 ? modes.slice(0, 1) : modes).map((m) => [m])
      : list(bipartitionNode, 'bipartitions').map((side) =>
          list(side, 'a bipartition (the modes of one side)').map((n) => {
            const m = str(n, 'a mode');
            if (!modes.includes(m)) throw new ModelFileError(`${where(n)}: "${m.slice(0, 40)}" is not one of the modes (${modes.join(', ')})`);
            return m;
          }),
        );
  for (const [k, side] of bipartitions.entries()) {
    if (side.length === 0 || side.length === modes.length)
      throw new ModelFileError(`${where(bipartitionNode ?? root)}: bipartition ${k + 1} must leave modes on both sides`);
  }
  const pairs = entries('pairs', ['name', 'first', 'second']).map(({ get }) => {
    const plane = (k: string) => {
      const node = get(k);
      const items = list(node, `a plane (${k})`);
      if (items.length !== 2) throw new ModelFileError(`${where(node)}: a plane is two quadratures, e.g. [X_a, Y_a]`);
      const [p, q] = items.map((n) => expression(n, 'a plane quadrature')) as [Operator, Operator];
      for (const [n, op] of [
        [items[0]!, p],
        [items[1]!, q],
      ] as const) {
        if (op.degree() !== 1 || !op.isHermitian() || !op.constantPart().isZero())
          throw new ModelFileError(`${where(n)}: a plane quadrature must be a Hermitian linear quadrature`);
      }
      return [p, q] as const;
    };
    return { name: str(get('name'), 'a pair name'), first: plane('first'), second: plane('second') };
  });
  const thresholdNode = field(root, 'threshold');
  const threshold = thresholdNode === undefined ? undefined : str(thresholdNode, 'threshold');
  const thresholdParameter = threshold === undefined ? undefined : parameters.find((p) => p.name === threshold);
  if (threshold !== undefined && thresholdParameter === undefined)
    throw new ModelFileError(`${where(thresholdNode)}: threshold "${threshold.slice(0, 40)}" is not one of the parameters`);
  return {
    name: modelName,
    ranges,
    file,
    modes,
    parameters,
    hamiltonianText: str(hNode, 'the hamiltonian'),
    ...(frame && rotatingHamiltonian
      ? {
          frame: {
            frequencies: frame.map((f) => ({ mode: f.modeName, frequency: f.frequencyName })),
            dropped: rotatingHamiltonian.oscillating().map(({ phase, op }) => ({ phase, term: op })),
            rwaHamiltonian: hamiltonian,
            periodic: once(() => {
              // One period needs one fundamental: every mode rotating at the same frequency, every term a multiple of it.
              const f = frame[0]!;
              if (frame.some((x) => x.frequencyName !== f.frequencyName))
                return { reason: 'the modes rotate at different frequencies: the terms have no common period' };
              try {
                return {
                  frequency: f.frequency,
                  frequencyName: f.frequencyName,
                  system: periodicConditionalSystem(
                    rotatingHamiltonian.harmonics(f.frequency),
                    periodicJumps.map((j) => ({ rate: j.rate, harmonics: j.jump.harmonics(f.frequency) })),
                    periodicMeasured.map((m) => ({ name: m.name, harmonics: m.op.harmonics(f.frequency), strength: m.strength, efficiency: m.efficiency })),
                    basis,
                  ),
                };
              } catch (err) {
                if (err instanceof RangeError || err instanceof NotLinearGaussianError) return { reason: err.message };
                throw err;
              }
            }),
            modeName: (m: Mode) => [...modeObjects].find(([, x]) => x === m)?.[0] ?? m.name,
          },
        }
      : {}),
    system,
    basis,
    modeBasis: defaultBasis,
    pairs,
    bipartitions,
    ...(thresholdParameter ? { threshold: thresholdParameter.name, thresholdSymbol: thresholdParameter.symbol } : {}),
  };
}

/**
 * A model file's parameter values read exactly and checked against the file's domains; a
 * parameter with a default may be left out. Messages name each through `label` (`--set mu` on
 * the command line) and, where `describe` says what a parameter is, add that.
 */
export function resolveFileParameters(
  model: ModelFile,
  raw: Readonly<Record<string, string>>,
  label: ParameterLabel,
  describe: (name: string) => string | undefined = () => undefined,
): ModelPoint {
  for (const k of Object.keys(raw)) {
    if (!model.parameters.some((p) => p.name === k))
      throw new ParameterError(`${label(k)}: ${model.name} has no parameter ${k.slice(0, 40)} (it has ${model.parameters.map((p) => p.name).join(', ')})`);
  }
  const values = new Map(
    model.parameters.map((p) => {
      const text = raw[p.name];
      const what = describe(p.name);
      if (text === undefined) {
        if (p.default !== undefined) return [p.symbol, p.default] as [RationalFunction, Rational];
        throw new ParameterError(`${label(p.name)} is required by ${model.name} (declared at ${p.declared}, domain ${p.domainText})${what ? `: ${what}` : ''}`);
      }
      const value = exactValue(p.name, text, label, what ?? `domain ${p.domainText}`);
      if (!inDomain(value, p.domain))
        throw new ParameterError(
          `${label(p.name)} = ${text.slice(0, 40)}: outside the domain ${p.domainText} declared at ${p.declared}${what ? ` (${what})` : ''}`,
        );
      return [p.symbol, value] as [RationalFunction, Rational];
    }),
  );
  for (const r of model.ranges) {
    if (r.value.constantValue() !== undefined) continue;
    const byIndex = new Map([...values].map(([s, v]) => [symbolIndex(s), GaussianRational.of(v)] as [number, GaussianRational]));
    let c: GaussianRational;
    try {
      c = r.value.evaluate(byIndex);
    } catch {
      continue; // holds a square root: no exact value to check (the solve sees the number)
    }
    if (!inPhysicalRange(c, r.allowed)) throw new ParameterError(`${r.what} at ${r.where} is ${c} at these values: ${ALLOWED_TEXT[r.allowed]}`);
  }
  return { model, values };
}

/** The value of the parameter named `name` at a point (a parameter the model declares). */
export function parameterValue(point: ModelPoint, name: string): Rational {
  const p = point.model.parameters.find((q) => q.name === name);
  const v = p === undefined ? undefined : point.values.get(p.symbol);
  if (v === undefined) throw new RangeError(`${point.model.name} has no parameter ${name}`);
  return v;
}

/** The symbol of the parameter named `name`. */
export function parameterSymbol(model: ModelFile, name: string): RationalFunction {
  const p = model.parameters.find((q) => q.name === name);
  if (p === undefined) throw new RangeError(`${model.name} has no parameter ${name}`);
  return p.symbol;
}

function inDomain(value: Rational, domain: Domain): boolean {
  const outside = (bound: Domain['lower'], below: boolean) => {
    if (bound === undefined) return false;
    const c = value.compare(bound.value);
    return below ? (bound.strict ? c <= 0 : c < 0) : bound.strict ? c >= 0 : c > 0;
  };
  return !outside(domain.lower, true) && !outside(domain.upper, false);
}

function missing(at: string, key: string, field: string): never {
  throw new ModelFileError(`${at}: an entry of ${key} needs "${field}"`);
}

/** The offset where YAML flow brackets ([ and {, outside quotes) nest deeper than the limit: the parser would recurse that deep. */
function flowNesting(text: string): number | undefined {
  let depth = 0;
  let quote: string | undefined;
  for (let k = 0; k < text.length; k++) {
    const c = text[k]!;
    if (quote !== undefined) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '{') {
      if (++depth > MODEL_FILE_LIMITS.yamlNesting) return k;
    } else if (c === ']' || c === '}') depth = Math.max(0, depth - 1);
    else if (c === '\n') quote = undefined;
  }
  return undefined;
}

function nesting(text: string): number {
  let depth = 0;
  let most = 0;
  for (const c of text) {
    if (c === '(') most = Math.max(most, ++depth);
    else if (c === ')') depth--;
  }
  return most;
}

/** "file:line:column" of a character offset. */
function locator(text: string, file: string): (offset: number) => string {
  return (offset) => {
    const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
    const line = before.split('\n').length;
    const column = before.length - before.lastIndexOf('\n');
    return `${file}:${line}:${column}`;
  };
}

/** `real`, `> 0`, `>= 0`, `< 1`, `0 <= x <= 1` (x the parameter's name). */
export function parseDomain(text: string, name: string, at: string): Domain {
  const t = text.trim();
  if (t === 'real' || t === '') return {};
  const num = String.raw`(-?\d+(?:\.\d+)?)`;
  const one = new RegExp(String.raw`^(>=|>|<=|<)\s*${num}$`).exec(t);
  if (one) {
    const bound = { value: Rational.parse(one[2]!), strict: one[1]!.length === 1 };
    return one[1]!.startsWith('>') ? { lower: bound } : { upper: bound };
  }
  const two = new RegExp(String.raw`^${num}\s*(<=|<)\s*([A-Za-z][A-Za-z0-9]*)\s*(<=|<)\s*${num}$`).exec(t);
  if (two && two[3] === name) {
    const [lower, upper] = [Rational.parse(two[1]!), Rational.parse(two[5]!)];
    if (lower.compare(upper) > 0 || (lower.compare(upper) === 0 && (two[2] === '<' || two[4] === '<')))
      throw new ModelFileError(`${at}: the domain of ${name} "${t.slice(0, 40)}" is empty`);
    return { lower: { value: lower, strict: two[2] === '<' }, upper: { value: upper, strict: two[4] === '<' } };
  }
  throw new ModelFileError(`${at}: the domain of ${name} "${t.slice(0, 40)}" is not one of: real, > a, >= a, < b, <= b, a <= ${name} <= b`);
}

/** The value of a computation made on first use. */
function once<T>(compute: () => T): () => T {
  let done: { value: T } | undefined;
  return () => {
    done ??= { value: compute() };
    return done.value;
  };
}
