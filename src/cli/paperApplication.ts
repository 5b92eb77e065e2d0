/**
 * The paper's side of the command: its claims, models and figures behind the Application
 * interface that src/cli runs (bin/detuned-paramp.js hands this to it). Parameter and file
 * errors become UsageErrors here, so the command knows only its own error types.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageFile } from '../models/packageFile.ts';
import type { Commands, ModelSource } from './application.ts';
import type { Curve } from '../paper/figure2.ts';
import { UsageError } from './options.ts';
import { shardOf } from './parallel.ts';
import { PrecisionError } from '../app/solve.ts';
import { solveCertified } from '../app/certifiedSolve.ts';
import { MODEL_NAMES, PARAMETERS, resolveParameters, type ModelName } from '../models/parameters.ts';
import { ParameterError } from '../models/values.ts';
import { parameterStrings, solutionJson, solutionText } from '../app/solveReport.ts';
import { derivation, derivationJson, derivationLatex, derivationText } from '../app/derive.ts';
import { loadModelFile, ModelFileError, resolveFileParameters, type ModelFile, type ModelPoint } from '../models/modelFile.ts';

/** A model file, or a UsageError naming file, line and column. */
function loaded(text: string, file: string): ModelFile {
  try {
    return loadModelFile(text, file);
  } catch (err) {
    if (err instanceof ModelFileError) throw new UsageError(err.message);
    throw err;
  }
}

/** One solve for the command, built-in or model file: a parameter error is a usage error, a precision failure names the point. */
/** The model and parameter point a command names: a refused file or value is a usage error. */
function pointOf(source: ModelSource): ModelPoint {
  try {
    return 'file' in source
      ? resolveFileParameters(loaded(source.text, source.file), source.set, (name) => `--set ${name}`)
      : resolveParameters(source.model as ModelName, source.parameters, (name) => `--${name}`);
  } catch (err) {
    if (err instanceof ParameterError) throw new UsageError(err.message);
    throw err;
  }
}

/** How a message names the point: the flags or the --set values as given. */
function describeSource(source: ModelSource): string {
  return 'file' in source
    ? `${source.file} with ${Object.entries(source.set)
        .map(([k, v]) => `--set ${k}=${v}`)
        .join(' ')}`
    : `parameters: ${Object.entries(source.parameters)
        .map(([k, v]) => `--${k} ${v}`)
        .join(' ')}`;
}

/** figure2 --q: the bands of the parametric curves without the RWA, their CSV and plot. */
async function labBands(q: string, main: readonly Curve[], progress: (line: string) => void): Promise<{ files: Record<string, string>; lines: string[] }> {
  const { curveSpecs, paperStyles } = await import('../paper/figure2.ts');
  const { figure2Bands, bandsCsv } = await import('../paper/figure2Lab.ts');
  const { renderLinePlotSvg } = await import('../render/plot.ts');
  const { bands, skipped } = figure2Bands(curveSpecs(), q, 13, progress);
  const parametric = main.filter((c) => c.model !== 'bae');
  const svg = await renderLinePlotSvg({
    x: { field: 'mu', title: 'μ/γ', log: true },
    y: { field: 'value', title: 'S (model two: S_UV, full covariance)', log: true },
    series: 'series',
    rules: [1],
    title: `Figure 2 without the RWA at Q = ${q}: the band between the least and largest S over a period; lines: the RWA`,
    rows: bands.map((b) => ({ mu: b.mu, value: b.rwa, series: b.curve })),
    bands: bands.map((b) => ({ mu: b.mu, lo: b.min, hi: b.max, series: b.curve })),
    styles: paperStyles(parametric),
  });
  return {
    files: { 'figure2-lab.csv': bandsCsv(bands), 'figure2-lab.svg': svg },
    lines: [
      `without the RWA at Q = ${q}: ${bands.length} band points in figure2-lab.csv and figure2-lab.svg${skipped.length ? `; no periodic state at ${skipped.join('; ')}` : ''}`,
    ],
  };
}

/** Every `of`-th curve of Figure 2 from the `shard`-th, each announced through `progress`. */
async function curveShard(request: Parameters<Commands['figure2Shard']>[0]) {
  const { curveSpecs, computeCurve } = await import('../paper/figure2.ts');
  const specs = curveSpecs();
  return shardOf(specs, request.shard, request.of).map((spec) => {
    request.progress(`[${specs.indexOf(spec) + 1}/${specs.length}] ${spec.label}`);
    return computeCurve(spec, request.points, request.digits, {
      certifyGrid: request.certifyGrid ?? false,
      certifyGlobal: request.certifyGlobal ?? false,
      progress: request.progress,
    });
  });
}

async function figure2(request: Parameters<Commands['figure2']>[0]): ReturnType<Commands['figure2']> {
  const { digits, points, worker, progress, q, certifyGrid, certifyGlobal } = request;
  const { curveSpecs, curveFromJson, figureJson, figureCsv, minimaCsv, minimumText, plotRows, paperStyles, overtaking } = await import('../paper/figure2.ts');
  const { renderLinePlotSvg } = await import('../render/plot.ts');
  const specs = curveSpecs();
  const theirs = worker ? worker() : undefined;
  const own = await curveShard({
    digits,
    points,
    shard: 0,
    of: theirs ? 2 : 1,
    certifyGrid: certifyGrid ?? false,
    certifyGlobal: certifyGlobal ?? false,
    progress,
  });
  const computed = [...own, ...(theirs ? (await theirs).map((c) => curveFromJson(c, digits)) : [])];
  const curves = specs.map((spec) => computed.find((c) => c.id === spec.id)!);
  const main = curves.filter((c) => !c.alternative);
  const bae = curves.find((c) => c.model === 'bae')!;
  const crossings = main.filter((c) => c !== bae).map((c) => ({ curve: c.id, crossing: overtaking(bae, c, digits) }));
  const axes = { x: { field: 'mu', title: 'μ/γ', log: true }, series: 'series', rules: [1] };
  const entanglementRows = [
    ...plotRows(main, (_, p) => p.expMinusLogNegativity),
    ...plotRows(
      main.filter((c) => c.model === 'constant'),
      (_, p) => p.S,
      ': S of (15)',
    ),
  ];
  const alternatives = curves.filter((c) => c.alternative || c.chi === '50');
  const files = {
    'figure2.json': `${JSON.stringify(figureJson(curves, crossings, digits), null, 2)}\n`,
    'figure2.csv': figureCsv(curves, digits),
    'figure2-minima.csv': minimaCsv(curves, digits),
    'figure2.svg': await renderLinePlotSvg({
      ...axes,
      y: { field: 'value', title: 'S (model two: S_UV)', log: true },
      title: 'Figure 2: N = 5, η = 1; light χ = 25γ, dark χ = 50γ; solid model one, dashed model two, dot-dashed back-action evasion',
      rows: plotRows(main),
      styles: paperStyles(main),
    }),
    'figure2-entanglement.svg': await renderLinePlotSvg({
      ...axes,
      y: { field: 'value', title: 'e^(−E_N), and S of (15) for model two', log: true },
      title: 'Figure 2, second panel: e^(−E_N) of every curve (model two: also S of (15) from X±, Y±)',
      rows: entanglementRows,
    }),
    'figure2-alternatives.svg': await renderLinePlotSvg({
      ...axes,
      y: { field: 'value', title: 'S (model two: S_UV)', log: true },
      title: 'Figure 2 at χ = 50γ under the alternative readings',
      rows: plotRows(alternatives),
    }),
  };
  const lab = q === undefined ? undefined : await labBands(q, main, progress);
  if (lab) Object.assign(files, lab.files);
  const lines = [
    ...(lab?.lines ?? []),
    ...curves.map(
      (c) =>
        `${c.label}${c.alternative ? ' (alternative)' : ''}: least ${c.model === 'constant' ? 'S_UV (reduced, plotted)' : 'S'} = ${minimumText(c.minimumPlotted)}${c.minimumUVFullCovariance ? `; least S_UV (full covariance) = ${minimumText(c.minimumUVFullCovariance)}` : ''}; least e^(−E_N) = ${minimumText(c.minimumExpMinusLogNegativity)}${c.routeDifference ? `; S_UV routes differ by ≤ ${c.routeDifference.relative.toSignificantDigits(2)}` : ''}`,
    ),
    ...crossings.map(
      (x) =>
        `back-action evasion overtakes ${x.curve} ${x.crossing ? `where S = ${minimumText(x.crossing, 'the unique crossing near there')}` : 'nowhere on 10⁻³ … 10³'}`,
    ),
  ];
  return { files, lines };
}

/** The shipped Figure 2 plots (figures/, made by `figure2 --out figures`; a test keeps them current). */
const FIGURES = [
  {
    id: 'figure2-plot',
    file: 'figure2.svg',
    caption: `Figure 2 as drawn: S against μ/γ, N = 5, η = 1; light χ = 25γ, dark χ = 50γ; solid model
        one, dashed model two (S_UV), dot-dashed back-action evasion; both parametric schemes at
        their threshold.`,
  },
  {
    id: 'figure2-entanglement',
    file: 'figure2-entanglement.svg',
    caption: 'Figure 2, second panel: e^(−E_N) of every curve (model two: also S of (15) from X±, Y±).',
  },
  {
    id: 'figure2-alternatives',
    file: 'figure2-alternatives.svg',
    caption: 'Figure 2 at χ = 50γ under the alternative readings of what the paper leaves open.',
  },
];

export const commands: Commands = {
  auditFigures: () => FIGURES.map((f) => ({ id: f.id, caption: f.caption, svg: readFileSync(packageFile(join('figures', f.file)), 'utf8') })),
  modelNames: MODEL_NAMES,
  parameters: PARAMETERS,
  solve: (source, digits) => {
    const point = pointOf(source);
    try {
      const solution = solveCertified(point, digits);
      return { json: solutionJson(solution), text: solutionText(solution) };
    } catch (err) {
      if (err instanceof PrecisionError) throw new Error(`${err.message}; ${describeSource(source)}`);
      throw err;
    }
  },
  solveLab: async (source, q, digits, bath) => {
    const { PeriodicStateError } = await import('../app/periodicState.ts');
    const refused = (err: unknown, where: string): never => {
      if (err instanceof PeriodicStateError || err instanceof ParameterError) throw new UsageError(`${where}: ${err.message}`);
      throw err;
    };
    if ('file' in source) {
      const { fileLabSolution, fileLabSolutionJson, fileLabSolutionText } = await import('../app/labFile.ts');
      const point = pointOf(source);
      try {
        const s = fileLabSolution(point, digits);
        return { json: fileLabSolutionJson(s), text: fileLabSolutionText(s) };
      } catch (err) {
        return refused(err, describeSource(source));
      }
    }
    const { labSolution, labSolutionJson, labSolutionText } = await import('../paper/beyondRwa.ts');
    if (source.model !== 'modulated' && source.model !== 'constant')
      throw new UsageError('--frame lab takes --model modulated or constant, or a model file with a frame section (t in cos, sin)');
    if (q === undefined || !/^(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(q) || Number(q) <= 0 || !Number.isFinite(Number(q)))
      throw new UsageError(`--q ${q}: a positive number, the quality factor ω_m/γ`);
    pointOf(source);
    try {
      const s = labSolution(source.model, source.parameters, q, digits, bath);
      return { json: labSolutionJson(s), text: labSolutionText(s) };
    } catch (err) {
      return refused(err, `--q ${q}`);
    }
  },
  figure2,
  figure2Shard: curveShard,
  derive: (text, file, format) => {
    const model = loaded(text, file);
    const d = derivation(model);
    return format === 'json'
      ? JSON.stringify(derivationJson(model, d), null, 2)
      : format === 'latex'
        ? derivationLatex(d, model.threshold)
        : derivationText(model, d);
  },
  simulate: async ({ source, duration, dt, seed }) => {
    const { simulate, simulationCsv, simulationOf, stepsOf, SimulationInputError } = await import('../app/simulate.ts');
    const { renderLinePlotSvg } = await import('../render/plot.ts');
    const p = pointOf(source);
    let s: ReturnType<typeof simulate>;
    let setup: ReturnType<typeof simulationOf>;
    try {
      stepsOf(duration, dt); // the step count is refused before the model is solved
      setup = simulationOf(p);
      s = simulate(setup.record, setup.basis, { duration, dt, seed, steadyCovariance: setup.steady, startCovariance: setup.start });
    } catch (err) {
      if (err instanceof SimulationInputError) throw new UsageError(err.message);
      throw err;
    }
    const steady = setup.steady;
    const q = setup.basis[0]!;
    const stretch = s.rows.slice(0, 400);
    const sigma = (r: (typeof stretch)[number]) => Math.sqrt(r.variance[0]!);
    const plotRows = stretch.flatMap((r) => [
      ...(s.channels.length > 0 ? [{ t: r.t, value: r.current[0]!, series: `current of ${s.channels[0]}` }] : []),
      { t: r.t, value: r.truth[0]!, series: `true ${q}` },
      { t: r.t, value: r.estimate[0]!, series: `estimated ${q}` },
      { t: r.t, value: r.estimate[0]! + sigma(r), series: `estimated ${q} + σ` },
      { t: r.t, value: r.estimate[0]! - sigma(r), series: `estimated ${q} − σ` },
    ]);
    const meta = {
      model: p.model.name,
      params: parameterStrings(setup.solution),
      seed,
      duration: s.duration,
      dt,
      steps: s.steps,
      rowsEvery: s.stride,
      prng: 'xoshiro128** seeded by splitmix32; normal deviates by Box-Muller',
      integrator:
        "the exact Ornstein-Uhlenbeck transition of the quadratures over each step (the last one shortened to end at duration); each step's current sampled at its end; the discrete Kalman filter of that record in Joseph's form (positive at any step); IEEE doubles",
      recordModel: "dx = A x dt + dξ, E[dξ dξᵀ] = D dt; dy_k = 2√(η_k μ_k) ℓ_k·x dt + dW_k; currents are dy/dt averaged over each row's block of steps",
      filterCovarianceAtEnd: s.filterCovariance,
      riccatiSteadyState: steady,
    };
    return {
      files: {
        'simulation.csv': simulationCsv(s),
        'simulation.json': `${JSON.stringify(meta, null, 2)}\n`,
        'simulation.svg': await renderLinePlotSvg({
          title: `${p.model.name}: the record and the filter (seed ${seed})`,
          x: { field: 't', title: 't (1/γ)', log: false },
          y: { field: 'value', title: q, log: false },
          series: 'series',
          rows: plotRows,
        }),
      },
      lines: [
        `seed ${seed}`,
        `${s.steps} steps of dt = ${dt}; the filter covariance's largest distance from the Riccati steady state at the end: ${Math.max(...s.filterCovariance.flatMap((row, i) => row.map((x, j) => Math.abs(x - steady[i]![j]!)))).toExponential(2)}`,
      ],
    };
  },
  reference: async (digits) => {
    const { referenceRows, referenceSchema, referenceCsv, REFERENCE_DOC } = await import('../app/reference.ts');
    const rows = referenceRows(digits);
    return {
      files: {
        'reference.json': `${JSON.stringify({ ...REFERENCE_DOC, digits, rows }, null, 2)}\n`,
        'reference.schema.json': `${JSON.stringify(referenceSchema(), null, 2)}\n`,
        'reference.csv': referenceCsv(rows),
      },
      line: `wrote reference.json (${rows.length} parameter sets, ${digits} digits), reference.schema.json and reference.csv`,
    };
  },
  compare: async (text, options) => {
    const { compareResults, comparisonText, MalformedInputError } = await import('../app/compare.ts');
    try {
      const result = compareResults(text, options);
      const output = options.json
        ? JSON.stringify({ rtol: options.rtol, atol: options.atol, ...result }, null, 2)
        : comparisonText(result, { explain: options.explain });
      return { output, failed: result.failed };
    } catch (err) {
      if (err instanceof MalformedInputError) throw new UsageError(err.message);
      throw err;
    }
  },
};
