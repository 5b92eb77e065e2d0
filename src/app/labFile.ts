/**
 * A model file written in the lab frame (a frame section, t in cos and sin) solved without the
 * rotating-wave approximation: its periodic state by both routes of src/app/periodicState.ts, with
 * E_N of its two modes over a period against the RWA steady state that solve gives.
 */
import { logNegativityInvariant } from '../entanglement/gaussianState.ts';
import type { ModelPoint } from '../models/modelFile.ts';
import { toArithmetic } from '../numeric/arithmetic.ts';
import { arithmeticOf, type Dec } from '../numeric/context.ts';
import { evaluateDecimal } from '../numeric/fromExact.ts';
import { dmaxAbs, dmul, dtranspose, type DMatrix } from '../numeric/matrix.ts';
import { periodicSeries } from '../numeric/periodicSeries.ts';
import {
  periodicSolution,
  periodicSolutionJson,
  periodicSolutionText,
  PeriodicStateError,
  type PeriodicProblem,
  type PeriodicSolution,
} from './periodicState.ts';
import { readings, regimeOf, solveModel } from './solve.ts';

export interface FileLabSolution {
  readonly point: ModelPoint;
  readonly frequency: { readonly name: string; readonly value: Dec };
  readonly solution: PeriodicSolution;
}

/** The lab-frame periodic state of a model file at a point; PeriodicStateError says why there is none. */
export function fileLabSolution(point: ModelPoint, digits: number): FileLabSolution {
  const model = point.model;
  if (model.frame === undefined)
    throw new PeriodicStateError(
      `${model.file} has no frame section: it is already the rotating-wave model; write its lab-frame Hamiltonian with t in cos(…), sin(…) and a frame (docs/model-files.md)`,
    );
  const periodic = model.frame.periodic();
  if ('reason' in periodic) throw new PeriodicStateError(`${model.file}: no periodic state: ${periodic.reason}`);
  if (model.modes.length !== 2) throw new PeriodicStateError(`${model.file}: over a period this reports E_N of two modes; the file has ${model.modes.length}`);
  const solved = new Map<number, ReturnType<typeof solveModel>>();
  const rwa = (d: number) => {
    if (!solved.has(d)) solved.set(d, solveModel(point, d, { agreement: false }));
    const s = solved.get(d)!;
    return { ...(s.conditional ? { conditional: s.conditional.covariance } : {}), ...(s.unconditional ? { unconditional: s.unconditional.covariance } : {}) };
  };
  const { toModes } = readings(model);
  const perMode = (d: number, v: DMatrix): DMatrix => {
    // In v's arithmetic (the figures over a period run in the sweeps' doubles or quad-doubles).
    const t = toArithmetic(arithmeticOf(v[0]![0]!, d), evaluateDecimal(d, toModes, point.values));
    return dmul(dmul(t, v), dtranspose(t));
  };
  const omega = evaluateDecimal(20, [[periodic.frequency]], point.values)[0]![0]!;
  if (!omega.gt(0)) throw new PeriodicStateError(`${periodic.frequencyName} = ${omega}: the frame's frequency must be positive`);
  // The monodromy loses about log₁₀ of the frequency over the fastest rate.
  const rate = dmaxAbs(evaluateDecimal(20, model.system.drift, point.values));
  const problem: PeriodicProblem = {
    series: (d) => periodicSeries(periodic.system, periodic.frequency, d, point.values),
    rwa,
    driftStable: regimeOf(point) === 'below-threshold',
    lost: rate.isZero() ? 0 : Math.max(0, Math.ceil(omega.div(rate).log(10).toNumber())),
    figures: [{ name: 'logNegativity', of: (d, v) => logNegativityInvariant(d, perMode(d, v)).logNegativity }],
  };
  return { point, frequency: { name: periodic.frequencyName, value: omega }, solution: periodicSolution(problem, digits) };
}

export function fileLabSolutionJson(s: FileLabSolution): Record<string, unknown> {
  return {
    model: s.point.model.name,
    frame: 'lab',
    frequency: { [s.frequency.name]: s.frequency.value.toString() },
    ...periodicSolutionJson(['logNegativity'], s.solution),
    phase: `minPhase and maxPhase are fractions of the coefficients' period`,
  };
}

export function fileLabSolutionText(s: FileLabSolution): string {
  return periodicSolutionText(`${s.point.model.name} in the lab frame (${s.frequency.name} = ${s.frequency.value})`, ['logNegativity'], s.solution);
}
