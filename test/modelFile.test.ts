/**
 * Model files: the paper's model one written as a file derives exactly the built-in system;
 * refusals name file, line and column; hostile input never ends in anything but a result or a
 * ModelFileError; the LaTeX renderer on every expression class the derivation emits.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseExpression } from '../src/exact/expression.ts';
import { q, RationalFunction, symbolIndex } from '../src/exact/rationalFunction.ts';
import { derivation, derivationJson, derivationLatex, derivationText } from '../src/app/derive.ts';
import { latexOf } from '../src/render/latex.ts';
import { loadModelFile, MODEL_FILE_LIMITS, ModelFileError, resolveFileParameters } from '../src/models/modelFile.ts';
import { certify } from '../src/app/certifiedSolve.ts';
import { solutionJson } from '../src/app/solveReport.ts';
import { separabilityUV } from '../src/paper/separabilityUV.ts';
import { solveModel } from '../src/app/solve.ts';
import { resolveParameters } from '../src/models/parameters.ts';
import { agreeingDigits } from '../src/numeric/context.ts';
import { Decimal as Decimal20 } from 'decimal.js';
import { independentS } from './support/independentClosedForms.ts';
import { refusal } from './support/modelFiles.ts';

const Decimal = Decimal20.clone({ precision: 60 });
import { OSCILLATOR_BASIS } from '../src/paper/collective.ts';
import { independentDamping, modelOneHamiltonian, modelTwoHamiltonian } from '../src/paper/labFrame.ts';
import { PAPER_SYMBOL } from '../src/paper/paperSymbols.ts';
import { ladder, oscillator, quadratures, sym } from '../src/paper/symbols.ts';
import { symbolAt } from '../src/exact/symbols.ts';
import type { Matrix } from '../src/exact/matrix.ts';
import { conditionalGaussianSystem, type ConditionalSystem } from '../src/gaussian/conditional.ts';
import { mode, Operator } from '../src/operators/operator.ts';
import { momentumQuadrature, positionQuadrature } from '../src/operators/quadratures.ts';
import type { ModelFile } from '../src/models/modelFile.ts';
import { exitCodeOf, main } from '../src/cli/main.ts';
import { ledger } from '../proofs/ledger.ts';

/**
 * The paper's models as the ledger derives them, here and only here: the rotating-frame
 * Hamiltonians the engine derives from (1) and (19) (plus our extra detunings Δ₁a†a + Δ₂b†b), the
 * one-mode amplifier of Ref. [30], and ideal back-action evasion; each oscillator's position
 * measured (X_j and Y_j in the rotating frame). The shipped files must derive exactly these.
 */
function paperSystems(): Record<'modulated' | 'constant' | 'single' | 'bae', ConditionalSystem> {
  const basis = OSCILLATOR_BASIS.map((name) => ({ name, op: oscillator[name] }));
  const positions = OSCILLATOR_BASIS.map((name) => ({ name, op: oscillator[name], strength: sym.mu, efficiency: sym.eta }));
  const detuned = (h: Operator) => h.add(ladder.ad.mul(ladder.a).scale(sym.Delta1)).add(ladder.bd.mul(ladder.b).scale(sym.Delta2));
  const m = mode('single');
  const [a, ad] = [Operator.annihilation(m), Operator.creation(m)];
  const [x, y] = [positionQuadrature(m), momentumQuadrature(m)];
  return {
    modulated: conditionalGaussianSystem(
      { hamiltonian: detuned(modelOneHamiltonian()), dissipators: independentDamping(sym.gamma1, sym.gamma2) },
      positions,
      basis,
    ),
    constant: conditionalGaussianSystem(
      { hamiltonian: detuned(modelTwoHamiltonian()), dissipators: independentDamping(sym.gamma1, sym.gamma2) },
      positions,
      basis,
    ),
    single: conditionalGaussianSystem(
      {
        hamiltonian: ad
          .mul(a)
          .scale(sym.Delta)
          .add(
            a
              .mul(a)
              .add(ad.mul(ad))
              .scale(sym.chi.mul(q(1, 2))),
          ),
        dissipators: [
          {
            rate: q(2)
              .mul(sym.gamma)
              .mul(sym.N.add(q(1))),
            jump: a,
          },
          { rate: q(2).mul(sym.gamma).mul(sym.N), jump: ad },
        ],
      },
      [
        { name: 'X', op: x, strength: sym.mu, efficiency: sym.eta },
        { name: 'Y', op: y, strength: sym.mu, efficiency: sym.eta },
      ],
      [
        { name: 'X', op: x },
        { name: 'Y', op: y },
      ],
    ),
    bae: conditionalGaussianSystem(
      { hamiltonian: Operator.ZERO, dissipators: independentDamping(sym.gamma, sym.gamma) },
      (['Xp', 'Ym'] as const).map((name) => ({ name, op: quadratures[name]!, strength: sym.mu, efficiency: sym.eta })),
      basis,
    ),
  };
}

/** A file's system with each parameter renamed to the paper's symbol of that name (solve's flag names, or the paper's own ASCII names). */
function inPaperSymbols(file: ModelFile): Pick<ConditionalSystem, 'basis' | 'drift' | 'diffusion' | 'measurement'> {
  const byAscii = new Map(Object.values(sym).map((s) => [symbolAt(symbolIndex(s)).ascii, s]));
  const renames = file.parameters.map((p) => [symbolIndex(p.symbol), PAPER_SYMBOL[p.name] ?? byAscii.get(p.name)!] as const);
  const renamed = (m: Matrix) => m.map((row) => row.map((x) => renames.reduce((acc, [k, v]) => acc.substitute(k, v), x)));
  const s = file.system;
  return { basis: s.basis, drift: renamed(s.drift), diffusion: renamed(s.diffusion), measurement: renamed(s.measurement) };
}

/** Model one as the ledger derives it, written by hand as a file with the paper's parameter names. */
const MODEL_ONE = `modes: [a, b]
parameters:
  gamma1: "> 0"
  gamma2: "> 0"
  Delta: real
  Delta1: real
  Delta2: real
  chi: ">= 0"
  N: ">= 0"
  mu: ">= 0"
  eta: "0 <= eta <= 1"
# H/ħ of Eq. (2) in the rotating frame, with the zero-point term, and our extra detunings.
hamiltonian: "Delta*(ad*a + bd*b + 1) + chi*(a*b + ad*bd) + Delta1*ad*a + Delta2*bd*b"
dissipators:
  - { rate: "2*gamma1*(N + 1)", jump: a }
  - { rate: "2*gamma1*N", jump: ad }
  - { rate: "2*gamma2*(N + 1)", jump: b }
  - { rate: "2*gamma2*N", jump: bd }
measurements:
  - { operator: X_a, strength: mu, efficiency: eta }
  - { operator: Y_a, strength: mu, efficiency: eta }
  - { operator: X_b, strength: mu, efficiency: eta }
  - { operator: Y_b, strength: mu, efficiency: eta }
basis: { X1: X_a, Y1: Y_a, X2: X_b, Y2: Y_b }
`;

const sameMatrix = (a: readonly (readonly RationalFunction[])[], b: readonly (readonly RationalFunction[])[]) =>
  a.every((row, i) => row.every((x, j) => x.equals(b[i]![j]!)));

describe('model files', () => {
  it('each file has its own symbols: a second file\'s zeta: real is not positive because a first declared zeta: "> 0"', () => {
    const file = (domain: string) => loadModelFile(`modes: [a]\nparameters:\n  zeta: "${domain}"\nhamiltonian: "zeta*ad*a"\n`, `zeta ${domain}.yaml`);
    const [first, second] = [file('> 0'), file('real')];
    const positive = (m: ModelFile) => symbolAt(symbolIndex(m.parameters[0]!.symbol)).positive;
    expect(positive(first)).toBe(true);
    expect(positive(second)).toBe(false);
    expect(symbolIndex(first.parameters[0]!.symbol)).not.toBe(symbolIndex(second.parameters[0]!.symbol));
    // A file's chi is its own, not the paper's χ.
    expect(
      symbolIndex(loadModelFile(readFileSync('models/modulated.yaml', 'utf8'), 'modulated.yaml').parameters.find((p) => p.name === 'chi')!.symbol),
    ).not.toBe(symbolIndex(sym.chi));
  });
  it('model one written as a file derives exactly the built-in system: drift, diffusion, measurement', () => {
    const file = inPaperSymbols(loadModelFile(MODEL_ONE, 'model-one.yaml'));
    const builtIn = paperSystems().modulated;
    expect(file.basis).toEqual(builtIn.basis);
    expect(sameMatrix(file.drift, builtIn.drift)).toBe(true);
    expect(sameMatrix(file.diffusion, builtIn.diffusion)).toBe(true);
    expect(sameMatrix(file.measurement, builtIn.measurement)).toBe(true);
  });

  it("the paper's models shipped as files (models/*.yaml, parameters named like solve's flags) derive exactly the built-in systems", () => {
    for (const [name, derived] of Object.entries(paperSystems())) {
      const file = inPaperSymbols(loadModelFile(readFileSync(`models/${name}.yaml`, 'utf8'), `${name}.yaml`));
      expect(file.basis.length, name).toBe(derived.basis.length);
      for (const key of ['drift', 'diffusion', 'measurement'] as const) expect(sameMatrix(file[key], derived[key]), `${name} ${key}`).toBe(true);
    }
  });

  it('derive: the stability conditions hold exactly below χ_th = √(γ² + Δ²) and one fails above (γ₁ = γ₂ = 1, Δ = 3)', () => {
    const d = derivation(loadModelFile(MODEL_ONE, 'model-one.yaml'));
    const at = (chi: number) =>
      d.stabilityConditions!.every((c) => {
        const values = new Map([
          ['gamma1', 1],
          ['gamma2', 1],
          ['Delta', 3],
          ['Delta1', 0],
          ['Delta2', 0],
          ['chi', chi],
        ] as const);
        const v = parseExpression(c.toString('ascii'));
        const value = evaluateNumber(v, (name) => values.get(name as 'chi') ?? 0);
        return value > 0;
      });
    expect(at(3.16)).toBe(true); // √10 = 3.1623
    expect(at(3.17)).toBe(false);
    expect(Object.keys(derivationJson(loadModelFile(MODEL_ONE, 'model-one.yaml'), d))).toEqual(
      expect.arrayContaining(['equationsOfMotion', 'drift', 'diffusion', 'measurement', 'commutators', 'covarianceEquations', 'stabilityConditions']),
    );
  });

  it("derive: the closed forms in the threshold parameter give Ref. [30]'s χ_th² = γ² + Δ² for the one-mode amplifier, and model one's for a symmetric pair", () => {
    for (const file of ['models/single.yaml', 'models/one-oscillator-measured.yaml']) {
      const model = loadModelFile(readFileSync(file, 'utf8'), file);
      const [gamma, delta] = ['gamma', 'delta'].map((n) => model.parameters.find((p) => p.name === n)!.symbol) as [RationalFunction, RationalFunction];
      const roots = derivation(model).thresholdRoots.map((r) => r.squared);
      expect(
        roots.some((r) => r.equals(gamma.mul(gamma).add(delta.mul(delta)))),
        file,
      ).toBe(true);
    }
  });

  it('derive: the covariance equations of the measured X₁ carry −4ημ(V_X1X1² + V_X1Y1²), the printed form of (12)', () => {
    const d = derivation(loadModelFile(MODEL_ONE, 'model-one.yaml'));
    const xx = d.covarianceEquations.find((e) => e.i === 0 && e.j === 0)!.rate.toString('ascii');
    expect(xx).toContain('4*mu*eta*V__X1__X1^2');
    expect(xx).toContain('4*mu*eta*V__X1__Y1^2');
    expect(derivationLatex(d)).toContain('\\dot{V_{X_{1} X_{1}}}');
  });

  it('three modes: the cavity rows of models/two-oscillators-cavity.yaml are the hand-derived dX_c/dt = g(Y_a + Y_b) − κX_c, dY_c/dt = −g(X_a + X_b) − κY_c, D_cc = κ', () => {
    const s = loadModelFile(readFileSync('models/two-oscillators-cavity.yaml', 'utf8'), 'cavity.yaml').system;
    expect(s.basis).toEqual(['X_a', 'Y_a', 'X_b', 'Y_b', 'X_c', 'Y_c']);
    const kappa = RationalFunction.symbol('kappa', { positive: true });
    const row = (k: number) => s.drift[k]!.map((x) => x.toString('ascii'));
    expect(row(4)).toEqual(['0', 'g', '0', 'g', '-kappa', '0']);
    expect(row(5)).toEqual(['-g', '0', '-g', '0', '0', '-kappa']);
    expect(s.diffusion[4]![4]!.equals(kappa)).toBe(true);
    expect(s.diffusion[4]![5]!.isZero() && s.measurement[4]!.every((x) => x.isZero())).toBe(true);
  });

  it('refuses, naming file, line and column: a non-quadratic H, a non-Hermitian H, a nonlinear jump, an unknown symbol, a bad domain, a bad measurement', () => {
    const cases: Array<[string, RegExp]> = [
      [MODEL_ONE.replace('chi*(a*b + ad*bd)', 'chi*(a*b*a + ad*ad*bd)'), /^bad\.yaml:13:14: the hamiltonian: degree 3 in the ladder operators/],
      [MODEL_ONE.replace('chi*(a*b + ad*bd)', 'chi*(a*b - ad*bd)'), /^bad\.yaml:13:14: the hamiltonian is not Hermitian/],
      [MODEL_ONE.replace('jump: ad }', 'jump: ad*a }'), /^bad\.yaml:16:\d+: a jump operator must be linear/],
      [MODEL_ONE.replace('Delta1*ad*a', 'Delta3*ad*a'), /^bad\.yaml:13:14: the hamiltonian: unknown identifier "Delta3"/],
      [MODEL_ONE.replace('gamma1: "> 0"', 'gamma1: "positive"'), /^bad\.yaml:3:11: the domain of gamma1 "positive" is not one of/],
      [MODEL_ONE.replace('operator: X_a,', 'operator: a,'), /^bad\.yaml:\d+:\d+: a measured operator must be a Hermitian linear quadrature/],
      [MODEL_ONE.replace('modes: [a, b]', 'modes: [a, a]'), /^bad\.yaml:1:\d+: "a" is declared twice/],
      [`${MODEL_ONE}colour: blue\n`, /^bad\.yaml:\d+:1: unknown field "colour"/],
      ['modes: [a]\nparameters: {}\n', /the field "hamiltonian" is required/],
    ];
    for (const [text, message] of cases) {
      expect(() => loadModelFile(text, 'bad.yaml'), String(message)).toThrow(message);
    }
  });

  it('fuzz: malformed, deeply nested, huge and hostile input, and drawn exponents, nesting and mode counts, end in a model within the bounds on work or a ModelFileError', () => {
    const hostile = [
      `modes: [a]\nparameters: {}\nhamiltonian: "${'('.repeat(5000)}a${')'.repeat(5000)}"\n`,
      `modes: [a]\nparameters: {}\nhamiltonian: "${'ad*a + '.repeat(2000)}0"\n`,
      'a: &x [*x, *x]\nb: &y [*x, *x, *x]\nc: [*y, *y, *y, *y]\n',
      `modes: [${Array.from({ length: 100 }, (_, k) => `m${k}`).join(', ')}]\n`,
      'x'.repeat(300_000),
      'modes: [constructor, __proto__]\nparameters: { toString: real }\nhamiltonian: "0"\n',
      'modes: [a]\nparameters: {}\nhamiltonian: "process.exit(1)"\n',
      '{"modes": ["a"], "parameters": {}, "hamiltonian": "ad*a", "dissipators": [{"rate": "1", "jump": "a"}]}',
    ];
    const lines = MODEL_ONE.split('\n');
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 300 }),
          fc.constantFrom(...hostile),
          // Cut or garble the valid file: every prefix and one corrupted character.
          fc
            .tuple(fc.integer({ min: 0, max: MODEL_ONE.length }), fc.string({ minLength: 1, maxLength: 3 }))
            .map(([k, s]) => MODEL_ONE.slice(0, k) + s + MODEL_ONE.slice(k + 1)),
          fc.shuffledSubarray(lines).map((ls) => ls.join('\n')),
          fc.jsonValue({ maxDepth: 6 }).map((v) => JSON.stringify(v)),
          // Exponents, nesting and mode counts: the work they ask for.
          fc
            .tuple(
              fc.integer({ min: 1, max: 9 }),
              fc.constantFrom('a', 'ad', 'chi', 'a+ad', 'chi+1', 'chi+a'),
              fc.integer({ min: 0, max: 10 ** 12 }),
              fc.integer({ min: 0, max: 200 }),
            )
            .map(
              ([modes, base, exponent, depth]) =>
                `modes: [${Array.from({ length: modes }, (_, k) => (k === 0 ? 'a' : `m${k}`)).join(', ')}]\nparameters:\n  chi: real\nhamiltonian: "${'('.repeat(depth)}(${base})^${exponent}${')'.repeat(depth)}*ad*a"\n`,
            ),
          fc.integer({ min: 1, max: 100_000 }).map((depth) => `modes: ${'['.repeat(depth)}a${']'.repeat(depth)}\n`),
        ),
        (text) => {
          try {
            const m = loadModelFile(text, 'fuzz.yaml');
            // What is read is within the bounds on work: at most quadratic, at most MODEL_FILE_LIMITS.modes modes.
            expect(m.modes.length).toBeLessThanOrEqual(MODEL_FILE_LIMITS.modes);
          } catch (err) {
            expect(err, String(err)).toBeInstanceOf(ModelFileError);
            expect((err as Error).message).toMatch(/^fuzz\.yaml(:\d+:\d+)?: /);
          }
        },
      ),
    );
  });

  it('the command: derive and solve --model-file exit 0 on a model file, and 2 on a refused one, a missing file or a wrong flag (in process)', async () => {
    const out: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string) => {
      out.push(chunk);
      return true;
    }) as typeof process.stdout.write;
    try {
      expect(await main(['derive', 'models/one-oscillator-measured.yaml', '--json'], ledger)).toBe(0);
    } finally {
      process.stdout.write = write;
    }
    expect(JSON.parse(out.join('')).basis).toEqual(['X1', 'Y1', 'X2', 'Y2']);
    out.length = 0;
    process.stdout.write = ((chunk: string) => {
      out.push(chunk);
      return true;
    }) as typeof process.stdout.write;
    try {
      const set = ['gamma=1', 'delta=30', 'chi=25', 'nbar=5', 'mu=5', 'eta=1'].flatMap((x) => ['--set', x]);
      expect(await main(['solve', '--model-file', 'models/one-oscillator-measured.yaml', ...set, '--digits', '20', '--json'], ledger)).toBe(0);
    } finally {
      process.stdout.write = write;
    }
    expect(JSON.parse(out.join('')).regime).toBe('below-threshold');
    for (const args of [
      ['derive', 'nonexistent.yaml'],
      ['derive', 'package.json'],
      ['derive'],
      ['derive', 'models/one-oscillator-measured.yaml', '--json', '--latex'],
      ['solve', '--model-file', 'models/one-oscillator-measured.yaml', '--model', 'modulated'],
      ['solve', '--model', 'modulated', '--delta', '1', '--chi', '1', '--set', 'mu=1'],
      ['solve', '--model-file', 'models/one-oscillator-measured.yaml', '--set', 'mu'],
      ['solve', '--model-file', 'models/one-oscillator-measured.yaml', '--set', 'gamma=1'],
    ]) {
      const err = await main(args, ledger).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(exitCodeOf(err), args.join(' ')).toBe(2);
    }
  });
});

describe('solve --model-file', () => {
  const solveFile = (text: string, set: Record<string, string>, digits = 30) => {
    const model = loadModelFile(text, 'model.yaml');
    return solveModel(
      resolveFileParameters(model, set, (n) => `--set ${n}`),
      digits,
    );
  };
  const point = { gamma1: '1', gamma2: '1', Delta: '30', Delta1: '0', Delta2: '0', chi: '25', N: '5', mu: '5', eta: '1' };

  it("model one as a file gives the built-in solve's numbers: S, E_N (two routes), Duan, Simon, the covariance", () => {
    const f = solveFile(MODEL_ONE, point);
    const b = solveModel(resolveParameters('modulated', { delta: '30', chi: '25', nbar: '5', mu: '5' }), 30);
    for (const key of ['S', 'logNegativity', 'duan', 'simon', 'vAlphaPlus', 'vAlphaMinus'] as const) {
      expect(agreeingDigits(f.analysis![key], b.analysis![key], 30), key).toBeGreaterThanOrEqual(29);
    }
    for (const [i, row] of f.conditional!.covariance.entries())
      for (const [j, x] of row.entries()) expect(x.minus(b.conditional!.covariance[i]![j]!).abs().lt('1e-29')).toBe(true);
    expect(f.bipartitions[0]!.side).toEqual(['a']);
    expect(agreeingDigits(f.bipartitions[0]!.logNegativity, b.analysis!.logNegativity, 30)).toBeGreaterThanOrEqual(29);
  });

  it("three modes: with the cavity uncoupled (g = 0), E_N(a | b, c) is model one's −ln S of the closed form (16)-(18), typed independently; the cavity is not entangled", () => {
    const f = solveFile(readFileSync('models/two-oscillators-cavity.yaml', 'utf8'), {
      gamma: '1',
      delta: '30',
      chi: '25',
      nbar: '5',
      g: '0',
      kappa: '2',
      mu: '5',
      eta: '1',
    });
    const expected = new Decimal(independentS('1', '30', '25', '5', '5', '1')).ln().neg();
    const [a, , c] = f.bipartitions;
    expect(a!.logNegativity.minus(expected).abs().lt('1e-35')).toBe(true);
    expect(a!.logNegativityCheck.digits).toBeGreaterThanOrEqual(29);
    expect(c!.logNegativity.isZero()).toBe(true);
  });

  it('three modes, coupled (g = 3γ): the two oscillators stay symmetric (E_N(a | rest) = E_N(b | rest)), the two routes agree, and the state is physical', () => {
    const f = solveFile(readFileSync('models/two-oscillators-cavity.yaml', 'utf8'), {
      gamma: '1',
      delta: '30',
      chi: '25',
      nbar: '5',
      g: '3',
      kappa: '2',
      mu: '5',
      eta: '1',
    });
    const [a, b] = f.bipartitions;
    expect(agreeingDigits(a!.logNegativity, b!.logNegativity, 30)).toBeGreaterThanOrEqual(29);
    expect(a!.logNegativityCheck.digits).toBeGreaterThanOrEqual(29);
    expect(a!.logNegativity.gt(0)).toBe(true);
    expect(f.conditional!.residual.lt('1e-30')).toBe(true);
    expect(JSON.stringify(solutionJson(f))).toMatch(/"bipartitions":\[\{"side":\["a"\]/);
  });

  it("a named pair of planes: models/constant.yaml's U and V planes give S_UV and its separable bound of the planes read off the printed (22) (planes read by the generic loader, with √2 evaluated numerically)", () => {
    const set = { gamma1: '5/4', gamma2: '3/4', coupling: '30', delta1: '0', delta2: '0', chi: '25', nbar: '5', mu: '5', eta: '1' };
    const f = solveFile(readFileSync('models/constant.yaml', 'utf8'), set);
    const b = separabilityUV(f.workingDigits, f.conditional!.covariance);
    const uv = f.pairs.UV!;
    expect(agreeingDigits(uv.S, b.S, 30)).toBeGreaterThanOrEqual(29);
    expect(agreeingDigits(uv.separableBound, b.separableBound, 30)).toBeGreaterThanOrEqual(29);
  });

  it('refuses a missing, unknown or out-of-domain value, naming it and the domain', () => {
    const cases: Array<[Record<string, string>, RegExp]> = [
      [{ ...point, eta: '1.5' }, /--set eta = 1\.5: outside the domain 0 <= eta <= 1 declared at model\.yaml:11:3/],
      [{ ...point, gamma1: '0' }, /--set gamma1 = 0: outside the domain > 0 declared at model\.yaml:3:3/],
      [{ ...point, kappa: '1' }, /--set kappa: model\.yaml has no parameter kappa/],
      [
        Object.fromEntries(Object.entries(point).filter(([k]) => k !== 'chi')),
        /--set chi is required by model\.yaml \(declared at model\.yaml:8:3, domain >= 0\)/,
      ],
      [{ ...point, mu: 'abc' }, /--set mu: "abc" is not a number/],
    ];
    for (const [set, message] of cases) expect(() => solveFile(MODEL_ONE, set), String(message)).toThrow(message);
  });
});

describe('LaTeX from the expression trees', () => {
  it('renders every expression class: numbers, Greek and subscripted names, sums, products, quotients, powers, negation, roots', () => {
    const g1 = RationalFunction.symbol('γ₁', { ascii: 'gamma1', positive: true });
    const chi = RationalFunction.symbol('χ', { ascii: 'chi', positive: true });
    expect(latexOf(g1.mul(chi).mul(q(2)))).toBe('2 \\gamma_{1} \\chi');
    expect(latexOf(g1.div(chi.add(q(1))))).toBe('\\frac{\\gamma_{1}}{\\chi + 1}');
    expect(latexOf(chi.pow(2).neg())).toBe('-\\chi^{2}');
    expect(latexOf(RationalFunction.symbol('nbar'))).toBe('\\bar{n}');
    expect(latexOf(RationalFunction.symbol('V(X_a,Y_b)', { ascii: 'V__X_a__Y_b' }))).toBe('V_{X_{a} Y_{b}}');
    expect(latexOf(RationalFunction.sqrt('√2', q(2), { ascii: 'sqrt2' }).mul(chi))).toBe('\\sqrt{2} \\chi');
  });
});

/** A float evaluation of an ASCII expression tree, typed here for the test. */
function evaluateNumber(e: ReturnType<typeof parseExpression>, value: (name: string) => number): number {
  switch (e.kind) {
    case 'num':
      return Number(e.value);
    case 'id':
      return value(e.name);
    case 'neg':
      return -evaluateNumber(e.arg, value);
    case 'pow':
      return evaluateNumber(e.base, value) ** e.exponent;
    case 'sqrt':
      return Math.sqrt(evaluateNumber(e.arg, value));
    case 'trig':
      return (e.fn === 'cos' ? Math.cos : Math.sin)(evaluateNumber(e.arg, value));
    case 'bin': {
      const [a, b] = [evaluateNumber(e.left, value), evaluateNumber(e.right, value)];
      return e.op === '+' ? a + b : e.op === '-' ? a - b : e.op === '*' ? a * b : a / b;
    }
  }
}

describe('model files: the physics users bring', () => {
  const amplifier = (measured: 'X_a' | 'Y_a') => `modes: [a]
parameters:
  gamma: { domain: "> 0", default: 1 }
  chi: ">= 0"
  nbar: { domain: ">= 0", default: 0 }
  mu: ">= 0"
threshold: chi
# dX/dt = (chi - gamma) X, dY/dt = -(chi + gamma) Y: above chi = gamma only X grows.
hamiltonian: "-i*chi/2*(a^2 - ad^2)"
dissipators:
  - { rate: "2*gamma*(nbar + 1)", jump: a }
  - { rate: "2*gamma*nbar", jump: ad }
measurements:
  - { operator: ${measured}, strength: mu, efficiency: 1 }
`;
  const solveText = (text: string, set: Record<string, string>, digits = 30) => {
    const model = loadModelFile(text, 'model.yaml');
    return solveModel(
      resolveFileParameters(model, set, (n) => `--set ${n}`),
      digits,
    );
  };

  it('above and at threshold, a measurement that sees the growing quadrature has a conditional steady state: the scalar Riccati and Lyapunov closed forms, typed here', () => {
    // X: 2λv + D − 4μv² = 0 with λ = χ − γ, D = γ(2N + 1), so v = (λ + √(λ² + 4μD))/(4μ); Y, unmeasured, stable, heated by μ: v = (D + μ)/(2(χ + γ)).
    for (const [chi, nbar, mu] of [
      ['2', '0', '1'],
      ['3', '2', '0.5'],
      ['1', '1', '2'],
    ] as const) {
      const s = solveText(amplifier('X_a'), { chi, nbar, mu });
      const [c, n, m] = [new Decimal(chi), new Decimal(nbar), new Decimal(mu)];
      const lambda = c.minus(1);
      const d = n.times(2).plus(1);
      const vx = lambda.plus(lambda.pow(2).plus(m.times(4).times(d)).sqrt()).div(m.times(4));
      const vy = d.plus(m).div(c.plus(1).times(2));
      expect(s.regime, chi).toBe(chi === '1' ? 'at-threshold' : 'above-threshold');
      expect(s.conditional!.covariance[0]![0]!.minus(vx).abs().lt('1e-28'), `V_XX at χ = ${chi}`).toBe(true);
      expect(s.conditional!.covariance[1]![1]!.minus(vy).abs().lt('1e-28'), `V_YY at χ = ${chi}`).toBe(true);
      expect(s.conditional!.covariance[0]![1]!.abs().lt('1e-28')).toBe(true);
    }
  });

  it('a measurement blind to the growing quadrature is refused honestly: no conditional steady state, and it says why', () => {
    const s = solveText(amplifier('Y_a'), { chi: '2', mu: '1' });
    expect(s.conditional).toBeUndefined();
    expect(s.notes.join(' ')).toMatch(/not seen by the measurement \(\(A, C\) not detectable/);
    // Below threshold the same blind measurement is fine: nothing grows.
    expect(solveText(amplifier('Y_a'), { chi: '1/2', mu: '1' }).conditional).toBeDefined();
  });

  const driven = `modes: [a]
parameters:
  gamma: { domain: "> 0", default: 1 }
  delta: { domain: real, default: 0 }
  f: real
  chi: { domain: ">= 0", default: 0 }
  mu: { domain: ">= 0", default: 0 }
threshold: chi
hamiltonian: "delta*ad*a + f*(a + ad) + chi/2*(a^2 + ad^2)"
dissipators:
  - { rate: "2*gamma", jump: a }
measurements:
  - { operator: X_a, strength: mu, efficiency: 1 }
  - { operator: Y_a, strength: mu, efficiency: 1 }
`;

  it('a coherent drive is accepted: the steady means −A⁻¹b in the basis order (by hand: X = −√2 fΔ/(γ² + Δ²), Y = −√2 fγ/(γ² + Δ²)), the covariance untouched', () => {
    const s = solveText(driven, { f: '3', delta: '2', mu: '1' });
    const root2 = new Decimal(2).sqrt();
    const [x, y] = [root2.times(-6).div(5), root2.times(-3).div(5)];
    expect(s.means![0]!.minus(x).abs().lt('1e-28')).toBe(true);
    expect(s.means![1]!.minus(y).abs().lt('1e-28')).toBe(true);
    expect(solutionJson(s).means).toEqual([x, y].map((v) => v.toSignificantDigits(30).toString()));
    // Certified: the means enclosed by a Krawczyk proof of A m = −b, each holding the value by hand.
    const proved = solutionJson(certify(s)) as { enclosures: Record<string, [string, string]> };
    for (const [k, v] of [x, y].entries()) {
      const [lo, hi] = proved.enclosures[`/means/${k}`]!;
      expect(new Decimal(lo).lte(v) && v.lte(new Decimal(hi))).toBe(true);
    }
    const undriven = solveText(driven, { f: '0', delta: '2', mu: '1' });
    expect(undriven.means!.every((x) => x.isZero())).toBe(true);
    expect(s.conditional!.covariance.flat().map(String)).toEqual(undriven.conditional!.covariance.flat().map(String));
  });

  it('a coherent drive on an unstable drift: no steady mean, said in a note, and the conditional covariance still given', () => {
    const s = solveText(driven, { f: '3', chi: '5', mu: '1' });
    expect(s.regime).toBe('above-threshold');
    expect(s.means).toBeUndefined();
    expect(s.notes.join(' ')).toMatch(/no steady mean/);
    expect(s.conditional).toBeDefined();
  });

  it('parameter defaults: models/modulated.yaml solves with only delta and chi given; a default outside its domain, or an unknown field, is refused with file:line:column', () => {
    const model = loadModelFile(readFileSync('models/modulated.yaml', 'utf8'), 'models/modulated.yaml');
    const s = solveModel(
      resolveFileParameters(model, { delta: '30', chi: '25', nbar: '5', mu: '5' }, (n) => `--set ${n}`),
      30,
    );
    expect(
      new Decimal(s.analysis!.S.toString())
        .minus(independentS('1', '30', '25', '5', '5', '1'))
        .abs()
        .lt('1e-28'),
    ).toBe(true);
    expect(() => resolveFileParameters(model, { chi: '25' }, (n) => `--set ${n}`)).toThrow(/--set delta is required by models\/modulated\.yaml/);
    const withDefault = (spec: string) => `modes: [a]\nparameters:\n  eta: ${spec}\nhamiltonian: "eta*ad*a"\n`;
    expect(() => loadModelFile(withDefault('{ domain: "0 <= eta <= 1", default: 2 }'), 'd.yaml')).toThrow(
      /^d\.yaml:3:\d+: the default 2 of eta is outside its domain 0 <= eta <= 1/,
    );
    expect(() => loadModelFile(withDefault('{ domain: real, value: 2 }'), 'd.yaml')).toThrow(/^d\.yaml:3:\d+: unknown field "value" of parameter eta/);
    expect(() => loadModelFile(withDefault('"1 <= eta <= 0"'), 'd.yaml')).toThrow(/the domain of eta "1 <= eta <= 0" is empty/);
    expect(derivationText(model, derivation(model))).toContain('delta1 (real, default 0)');
  });
});

describe('model files: right physics in, bounded work', () => {
  const file = (body: string) => `modes: [a]\nparameters:\n  chi: ">= 0"\n  mu: { domain: ">= 0", default: 1 }\n${body}`;
  const refused = (text: string) => refusal(text);
  it('refuses what is not physical, with file:line:column: an efficiency of 2, a negative rate, a Hamiltonian with sqrt(-1) that is not Hermitian, an empty domain', () => {
    expect(refused(file('hamiltonian: "chi*ad*a"\nmeasurements:\n  - { operator: X_a, strength: mu, efficiency: 2 }\n'))).toMatch(
      /^m\.yaml:7:\d+: a measurement efficiency of 2 is outside \[0, 1\]/,
    );
    expect(refused(file('hamiltonian: "chi*ad*a"\ndissipators:\n  - { rate: -1, jump: a }\n'))).toMatch(/^m\.yaml:7:\d+: a dissipator rate of -1 is negative/);
    expect(refused(file('hamiltonian: "sqrt(-1)*chi*(a^2 + ad^2)"\n'))).toMatch(/^m\.yaml:5:\d+: the hamiltonian is not Hermitian/);
    expect(refused('modes: [a]\nparameters:\n  eta: "1 <= eta <= 0"\nhamiltonian: "ad*a"\n')).toMatch(/the domain of eta "1 <= eta <= 0" is empty/);
    // sqrt(-1) is i: −i(a² − a†²)·χ/2 written with it is Hermitian, and derives the drift of i.
    const ok = loadModelFile(file('hamiltonian: "-sqrt(-1)*chi/2*(a^2 - ad^2)"\n'), 'ok.yaml');
    expect(ok.system.drift.flat().map(String)).toEqual(loadModelFile(file('hamiltonian: "-i*chi/2*(a^2 - ad^2)"\n'), 'i.yaml').system.drift.flat().map(String));
  });
  it('a strength or efficiency that is negative only at the values given is refused then, naming where it is declared', () => {
    const m = loadModelFile(file('hamiltonian: "chi*ad*a"\nmeasurements:\n  - { operator: X_a, strength: -mu, efficiency: 1 }\n'), 'm.yaml');
    expect(() => resolveFileParameters(m, { chi: '1', mu: '2' }, (n) => `--set ${n}`)).toThrow(
      /a measurement strength at m\.yaml:7:\d+ is -2 at these values: negative/,
    );
    expect(() => resolveFileParameters(m, { chi: '1', mu: '0' }, (n) => `--set ${n}`)).not.toThrow();
  });
  it('a domain bound is exact and may be huge: 0.10000000000000000000001 refuses 0.100000000000000000000005; a bound of 10⁴⁰⁰ reads', () => {
    const m = loadModelFile('modes: [a]\nparameters:\n  chi: "> 0.10000000000000000000001"\nhamiltonian: "chi*ad*a"\n', 'm.yaml');
    expect(() => resolveFileParameters(m, { chi: '0.100000000000000000000005' }, (n) => n)).toThrow(/outside the domain/);
    expect(() => loadModelFile(`modes: [a]\nparameters:\n  chi: "< 1${'0'.repeat(400)}"\nhamiltonian: "chi*ad*a"\n`, 'm.yaml')).not.toThrow();
  });
  it('sqrt works in solve: sqrt(2)*chi and sqrt(delta) in a Hamiltonian, the regime decided at 120 digits and said so', () => {
    const m = loadModelFile(
      'modes: [a]\nparameters:\n  chi: ">= 0"\n  delta: "> 0"\nthreshold: chi\nhamiltonian: "sqrt(delta)*ad*a + sqrt(2)*chi/2*(a^2 + ad^2)"\ndissipators:\n  - { rate: 2, jump: a }\nmeasurements:\n  - { operator: X_a, strength: 1, efficiency: 1 }\n',
      'r.yaml',
    );
    const s = solveModel(
      resolveFileParameters(m, { chi: '1', delta: '4' }, (n) => n),
      30,
    );
    // Δ = √4 = 2, χ√2 below the threshold √(γ² + Δ²) = √5: χ_th = √(5/2).
    expect(s.regime).toBe('below-threshold');
    expect(s.threshold!.value!.minus(new Decimal(2.5).sqrt()).abs().lt('1e-28')).toBe(true);
    expect(s.notes.join(' ')).toMatch(/the regime was decided from the drift at 120 digits/);
    expect(s.conditional!.residual.lt('1e-30')).toBe(true);
  });
  it('bounds the work before expanding, each refusal in well under a second: (a+ad)^1000, chi^99999999999999999999, (chi+1)^100000, a 6-parameter sum to the 60th', () => {
    for (const [h, message] of [
      ['(a+ad)^1000', /an exponent 1000 is beyond 64/],
      ['(a+ad)^3', /degree 3 in the ladder operators/],
      ['chi^99999999999999999999*ad*a', /exponent/],
      ['(chi+1)^100000*ad*a', /an exponent 100000 is beyond 64/],
      ['(chi+mu+chi*mu+1+2*chi+3*mu)^60*ad*a', /more than 100000 terms/],
    ] as const) {
      const started = performance.now();
      expect(refused(file(`hamiltonian: "${h}"\n`))).toMatch(message);
      expect(performance.now() - started, h).toBeLessThan(1000);
    }
  });
  it('more modes than run in bounded time (eight) are refused, naming the limit', () => {
    expect(refused('modes: [a, b, c, d, e, f, g, h, i]\nparameters: {}\nhamiltonian: "0"\n')).toMatch(/^m\.yaml:1:\d+: 1 to 8 modes/);
  });
  it('a 60 000-deep nesting of brackets is refused with its place, not a stack overflow', () => {
    expect(refused(`modes: ${'['.repeat(60_000)}`)).toMatch(/^m\.yaml:1:\d+: brackets nested more than 64 deep/);
  });
  it('an unknown function, or a misplaced token, is named with its column inside the expression', () => {
    expect(refused(file('hamiltonian: "cos(chi)*ad*a"\n'))).toMatch(/cos\(…\) depends on time: it is allowed in a model file with a frame section/);
    expect(refused(file('hamiltonian: "chi*tan(chi)*ad*a"\n'))).toMatch(/"tan" is not a function here \(the functions are: sqrt, cos, sin\) at column 5/);
    expect(refused(file('hamiltonian: "chi*exp(ad)*a"\n'))).toMatch(/"exp" is not a function here .* at column 5/);
  });
});
