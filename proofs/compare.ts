/**
 * Regression-tests another implementation: reads its results (CSV or JSON, columns named like
 * solve's flags and JSON keys), recomputes every row, and reports each quantity's relative
 * error and pass or fail. A malformed file is refused with its line and column; nothing is
 * skipped silently.
 */
import { Decimal } from 'decimal.js';
import { Rational } from '../src/exact/rational.ts';
import type { ModelName } from './measuredModels.ts';
import { PARAMETER_COLUMNS, QUANTITY_COLUMNS, quantitiesOf, type QuantityName } from './reference.ts';
import type { Regime } from '../src/gaussian/regime.ts';
import { MODEL_NAMES, ParameterError, resolveParameters, solveModel, type RawParameters } from './solve.ts';

export class MalformedInputError extends Error {}

export const MAX_ROWS = 10_000;
const MAX_FIELD = 400;
const DIGITS = 30;
const KNOWN = new Set<string>(['name', 'description', 'regime', ...PARAMETER_COLUMNS, ...QUANTITY_COLUMNS]);

interface InputRow {
  readonly where: string;
  readonly cells: ReadonlyMap<string, { text: string; where: string }>;
}

function splitCsvLine(line: string, lineNumber: number): string[] {
  const out: string[] = [];
  let cell = '';
  let quoted = false;
  for (let k = 0; k < line.length; k++) {
    const ch = line[k]!;
    if (quoted) {
      if (ch === '"' && line[k + 1] === '"') {
        cell += '"';
        k++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(cell);
      cell = '';
    } else cell += ch;
  }
  if (quoted) throw new MalformedInputError(`line ${lineNumber}: unterminated quoted field`);
  out.push(cell);
  return out.map((c) => c.trim());
}

function parseCsv(text: string): InputRow[] {
  const lines = text.split(/\r?\n/);
  const header = splitCsvLine(lines[0] ?? '', 1);
  header.forEach((h, k) => {
    if (!KNOWN.has(h)) throw new MalformedInputError(`line 1, column ${k + 1}: unknown column "${h.slice(0, 40)}" (known: ${[...KNOWN].join(', ')})`);
  });
  const duplicate = header.find((h, k) => header.indexOf(h) !== k);
  if (duplicate !== undefined) throw new MalformedInputError(`line 1: column "${duplicate}" appears twice`);
  const rows: InputRow[] = [];
  lines.slice(1).forEach((line, k) => {
    const n = k + 2;
    if (line.trim() === '') return;
    const cells = splitCsvLine(line, n);
    if (cells.length !== header.length) throw new MalformedInputError(`line ${n}: ${cells.length} fields, the header has ${header.length}`);
    rows.push({ where: `line ${n}`, cells: new Map(cells.map((c, j) => [header[j]!, { text: c, where: `line ${n}, column ${j + 1} (${header[j]})` }] as const).filter(([, v]) => v.text !== '')) });
  });
  return rows;
}

function jsonPosition(text: string, message: string): string {
  const pos = /position (\d+)/.exec(message);
  if (!pos) return 'JSON';
  const offset = Number(pos[1]);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `line ${line}, column ${offset - before.lastIndexOf('\n')}`;
}

function parseJson(text: string): InputRow[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new MalformedInputError(`${jsonPosition(text, (err as Error).message)}: not valid JSON`);
  }
  const list = Array.isArray(data) ? data : data !== null && typeof data === 'object' && Array.isArray((data as { rows?: unknown }).rows) ? (data as { rows: unknown[] }).rows : undefined;
  if (list === undefined) throw new MalformedInputError('JSON: expected an array of rows or an object with a "rows" array');
  return list.map((row, k) => {
    const where = `row ${k + 1}`;
    if (row === null || typeof row !== 'object' || Array.isArray(row)) throw new MalformedInputError(`${where}: not an object`);
    const cells = new Map<string, { text: string; where: string }>();
    for (const [key, value] of Object.entries(row)) {
      if (!KNOWN.has(key)) throw new MalformedInputError(`${where}: unknown key "${key.slice(0, 40)}"`);
      if (typeof value !== 'string' && typeof value !== 'number') throw new MalformedInputError(`${where}, "${key}": a string or a number is expected`);
      if (typeof value === 'number' && !Number.isFinite(value)) throw new MalformedInputError(`${where}, "${key}": not a finite number`);
      cells.set(key, { text: String(value), where: `${where}, "${key}"` });
    }
    return { where, cells };
  });
}

export interface QuantityResult {
  readonly quantity: QuantityName;
  readonly theirs: string;
  readonly ours: string | null;
  readonly relativeError: string | null;
  readonly pass: boolean;
  readonly note?: string;
}

export interface RowResult {
  readonly where: string;
  readonly name: string;
  readonly model: string;
  /** Where the row's parameters sit against the threshold (decided exactly). */
  readonly regime: Regime;
  readonly results: QuantityResult[];
}

export interface Comparison {
  readonly rows: RowResult[];
  readonly passed: number;
  readonly failed: number;
}

function numeric(cell: { text: string; where: string }): Rational {
  if (cell.text.length > MAX_FIELD) throw new MalformedInputError(`${cell.where}: field longer than ${MAX_FIELD} characters`);
  try {
    return Rational.parse(cell.text);
  } catch {
    throw new MalformedInputError(`${cell.where}: "${cell.text.slice(0, 40)}" is not a number`);
  }
}

/** Parses and validates everything before computing anything, so a malformed file costs nothing. */
function prepare(text: string): Array<{ row: InputRow; model: ModelName; params: RawParameters; quantities: Array<[QuantityName, { text: string; where: string }]> }> {
  if (text.trim() === '') throw new MalformedInputError('the file is empty');
  const rows = /^\s*[[{]/.test(text) ? parseJson(text) : parseCsv(text);
  if (rows.length === 0) throw new MalformedInputError('no data rows');
  if (rows.length > MAX_ROWS) throw new MalformedInputError(`${rows.length} rows: at most ${MAX_ROWS}`);
  return rows.map((row) => {
    const model = row.cells.get('model');
    if (model === undefined) throw new MalformedInputError(`${row.where}: no model`);
    if (!(MODEL_NAMES as readonly string[]).includes(model.text)) throw new MalformedInputError(`${model.where}: "${model.text.slice(0, 40)}" is not one of ${MODEL_NAMES.join(', ')}`);
    const params: RawParameters = {};
    for (const p of PARAMETER_COLUMNS) {
      const cell = row.cells.get(p);
      if (p === 'model' || cell === undefined) continue;
      numeric(cell);
      params[p] = cell.text;
    }
    try {
      resolveParameters(model.text as ModelName, params);
    } catch (err) {
      if (err instanceof ParameterError) throw new MalformedInputError(`${row.where}: ${err.message}`);
      throw err;
    }
    const quantities = QUANTITY_COLUMNS.flatMap((q) => {
      const cell = row.cells.get(q);
      if (cell === undefined) return [];
      numeric(cell);
      return [[q, cell] as [QuantityName, { text: string; where: string }]];
    });
    if (quantities.length === 0) throw new MalformedInputError(`${row.where}: no quantity to compare (columns: ${QUANTITY_COLUMNS.join(', ')})`);
    return { row, model: model.text as ModelName, params, quantities };
  });
}

export function compareResults(text: string, tolerance: { rtol: string; atol: string }): Comparison {
  const D = Decimal.clone({ precision: DIGITS + 10 });
  const rtol = new D(tolerance.rtol);
  const atol = new D(tolerance.atol);
  const out: RowResult[] = [];
  let passed = 0;
  let failed = 0;
  for (const { row, model, params, quantities } of prepare(text)) {
    const solution = solveModel(resolveParameters(model, params), DIGITS);
    const ours = quantitiesOf(solution, DIGITS);
    const results = quantities.map(([q, cell]): QuantityResult => {
      const mine = ours[q];
      if (mine === undefined) {
        const why = solution.conditional ? `not a quantity of the ${model} model` : `no steady state here (${solution.regime}, and nothing measured to condition on)`;
        return { quantity: q, theirs: cell.text, ours: null, relativeError: null, pass: false, note: why };
      }
      const a = new D(cell.text);
      const b = new D(mine);
      if (!b.isFinite()) return { quantity: q, theirs: cell.text, ours: mine, relativeError: null, pass: false, note: 'our value is not a finite number' };
      const diff = a.minus(b).abs();
      const pass = diff.lte(atol.plus(rtol.times(b.abs())));
      const rel = b.isZero() ? (diff.isZero() ? new D(0) : null) : diff.div(b.abs());
      return { quantity: q, theirs: cell.text, ours: mine, relativeError: rel === null ? null : rel.toSignificantDigits(3).toString(), pass };
    });
    for (const r of results) if (r.pass) passed++;
    else failed++;
    out.push({ where: row.where, name: row.cells.get('name')?.text ?? '', model, regime: solution.regime, results });
  }
  return { rows: out, passed, failed };
}

export function comparisonText(c: Comparison): string {
  const lines: string[] = [];
  for (const r of c.rows) {
    lines.push(`${r.where}${r.name ? ` ${r.name}` : ''} (${r.model}, ${r.regime})`);
    for (const q of r.results) {
      lines.push(`  ${q.pass ? 'pass' : 'FAIL'}  ${q.quantity.padEnd(22)} theirs ${q.theirs.slice(0, 28).padEnd(28)} ours ${(q.ours ?? '—').slice(0, 28).padEnd(28)} rel ${q.relativeError ?? '—'}${q.note ? `  (${q.note})` : ''}`);
    }
  }
  lines.push(`${c.passed + c.failed} quantities in ${c.rows.length} rows: ${c.passed} passed, ${c.failed} failed`);
  return lines.join('\n');
}
