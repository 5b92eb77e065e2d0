/**
 * Regression-tests another implementation: reads its results (CSV or JSON, columns named like
 * solve's flags and JSON keys), recomputes every row certified, and reports each quantity's relative
 * error, its distance to our enclosure, and pass or fail (the distance within --rtol/--atol). A malformed file is refused with its line and column, before any
 * computing; a row that cannot be computed fails with its reason while the others are still
 * reported; nothing is skipped silently.
 */
import { Decimal } from 'decimal.js';
import { Rational } from '../exact/rational.ts';
import type { Regime } from '../gaussian/regime.ts';
import { CONVENTIONS } from '../models/conventions.ts';
import { conventionOf, enclosureColumns, isQuantityPointer, PARAMETER_COLUMNS, QUANTITY_COLUMNS, quantitiesOf, type QuantityName } from './reference.ts';
import { MalformedInputError, readTable, type Cell, type InputRow } from './resultsFile.ts';
import { solveCertified } from './certifiedSolve.ts';
import { MODEL_NAMES, parametersOf, resolveParameters, type ModelName, type RawParameters } from '../models/parameters.ts';
import { ParameterError, VALUE_LIMITS } from '../models/values.ts';

export { MalformedInputError } from './resultsFile.ts';

export const MAX_ROWS = 10_000;
/** A cell: as long as a parameter value may be (the tool's own reference output at 500 digits fits). */
const MAX_FIELD = VALUE_LIMITS.maxLength;
const DIGITS = 30;
/** V21 … V43 and U21 … U43: the lower triangle, accepted when it equals the upper one. */
const MIRRORED = new Map<string, QuantityName>(
  QUANTITY_COLUMNS.filter((q) => /^[VU]\d\d$/.test(q) && q[1] !== q[2]).map((q) => [`${q[0]!}${q[2]!}${q[1]!}`, q]),
);
/** K_lo and K_hi: an enclosure beside a value (reference writes them), read past. */
const ENCLOSURE_COLUMNS = new Set<string>(QUANTITY_COLUMNS.flatMap((q) => enclosureColumns(q)));
const KNOWN = new Set<string>(['name', 'description', 'regime', ...PARAMETER_COLUMNS, ...QUANTITY_COLUMNS, ...MIRRORED.keys(), ...ENCLOSURE_COLUMNS]);
const NON_FINITE = /^[+-]?(nan|inf|infinity)$/i;

const REGIMES: readonly Regime[] = ['below-threshold', 'at-threshold', 'above-threshold'];

export interface QuantityResult {
  /** A quantity column, or `regime`, compared as text. */
  readonly quantity: QuantityName | 'regime';
  readonly theirs: string;
  readonly ours: string | null;
  readonly relativeError: string | null;
  /** Their value's distance to our enclosure, 0 inside it: what pass is decided on. */
  readonly distance?: string;
  readonly pass: boolean;
  readonly note?: string;
}

export interface RowResult {
  readonly where: string;
  readonly name: string;
  readonly model: string;
  /** The row's parameters, as the file gives them. */
  readonly parameters: RawParameters;
  /** Where the row's parameters sit against the threshold (decided exactly); null if the row could not be computed. */
  readonly regime: Regime | null;
  readonly results: QuantityResult[];
  /** Cells read past: a parameter of another model given as 0. */
  readonly notes: string[];
}

export interface Comparison {
  readonly rows: RowResult[];
  readonly passed: number;
  readonly failed: number;
  /** Metadata columns that were not compared. */
  readonly ignoredColumns: string[];
}

export interface CompareOptions {
  readonly rtol: string;
  readonly atol: string;
  /** Further column names to read past as metadata. */
  readonly ignoreColumns?: readonly string[];
  /** Called after each row is computed. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Seconds the rows may take in all (default 600): rows past it fail, each with that reason, none is dropped. */
  readonly timeLimit?: number;
}

function numeric(cell: Cell): Rational {
  if (cell.text.length > MAX_FIELD) throw new MalformedInputError(`${cell.where}: field longer than ${MAX_FIELD} characters`);
  try {
    return Rational.parse(cell.text);
  } catch {
    throw new MalformedInputError(`${cell.where}: "${cell.text.slice(0, 40)}" is not a number (a decimal or a fraction such as 1/3)`);
  }
}

interface PreparedRow {
  readonly row: InputRow;
  readonly model: ModelName;
  readonly params: RawParameters;
  /** Their value: an exact rational, or a non-finite token (NaN, Infinity) that fails with its reason. */
  readonly quantities: Array<[QuantityName, Cell, Rational | null]>;
  readonly notes: string[];
  /** The regime the file states, compared with ours. */
  readonly regime?: Cell;
}

function prepareRow(row: InputRow): PreparedRow {
  const model = row.cells.get('model');
  if (model === undefined) throw new MalformedInputError(`${row.where}: no model`);
  if (!(MODEL_NAMES as readonly string[]).includes(model.text))
    throw new MalformedInputError(`${model.where}: "${model.text.slice(0, 40)}" is not one of ${MODEL_NAMES.join(', ')}`);
  const name = model.text as ModelName;
  const params: RawParameters = {};
  const notes: string[] = [];
  for (const p of PARAMETER_COLUMNS) {
    const cell = row.cells.get(p);
    if (p === 'model' || cell === undefined) continue;
    const value = numeric(cell);
    // A mixed-model table fills inapplicable columns with 0; that says "absent", anything else is an error.
    if (value.isZero() && !parametersOf(name).includes(p)) {
      notes.push(`${p} = 0 read as absent: not a parameter of the ${name} model`);
      continue;
    }
    params[p] = cell.text;
  }
  try {
    resolveParameters(name, params, (p) => `column ${p}`);
  } catch (err) {
    if (err instanceof ParameterError) throw new MalformedInputError(`${row.where}: ${err.message}`);
    throw err;
  }
  const regimeCell = row.cells.get('regime');
  if (regimeCell !== undefined && !(REGIMES as readonly string[]).includes(regimeCell.text))
    throw new MalformedInputError(`${regimeCell.where}: "${regimeCell.text.slice(0, 40)}" is not a regime (${REGIMES.join(', ')})`);
  for (const column of row.empty) {
    if ((QUANTITY_COLUMNS as readonly string[]).includes(column) || MIRRORED.has(column)) notes.push(`${column} is empty: not compared`);
    else if ((PARAMETER_COLUMNS as readonly string[]).includes(column)) notes.push(`${column} is empty: read as not given (its default, where it has one)`);
  }
  const quantities: PreparedRow['quantities'] = [];
  for (const [column, cell] of row.cells) {
    const quantity = (QUANTITY_COLUMNS as readonly string[]).includes(column) ? (column as QuantityName) : MIRRORED.get(column);
    if (quantity === undefined) continue;
    const value = NON_FINITE.test(cell.text) ? null : numeric(cell);
    const twin = quantities.find(([q]) => q === quantity);
    if (twin) {
      if (value === null || twin[2] === null || !value.equals(twin[2]))
        throw new MalformedInputError(`${cell.where}: the covariance is symmetric, but this is not the value of ${twin[1].where}`);
      continue;
    }
    quantities.push([quantity, cell, value]);
  }
  if (quantities.length === 0) throw new MalformedInputError(`${row.where}: no quantity to compare (columns: ${QUANTITY_COLUMNS.join(', ')})`);
  return { row, model: name, params, quantities, notes, ...(regimeCell ? { regime: regimeCell } : {}) };
}

/** Parses and validates every row before computing anything, so a malformed file costs nothing. */
function prepare(text: string, ignore: ReadonlySet<string>): { rows: PreparedRow[]; ignored: string[] } {
  const table = readTable(text, { known: KNOWN, ignore });
  if (table.rows.length === 0) throw new MalformedInputError('no data rows');
  if (table.rows.length > MAX_ROWS) throw new MalformedInputError(`${table.rows.length} rows: at most ${MAX_ROWS}`);
  return { rows: table.rows.map(prepareRow), ignored: table.ignored };
}

export function compareResults(text: string, options: CompareOptions): Comparison {
  const D = Decimal.clone({ precision: DIGITS + 10 });
  const rtol = new D(options.rtol);
  const atol = new D(options.atol);
  for (const [name, x] of [
    ['rtol', rtol],
    ['atol', atol],
  ] as const)
    if (!x.isFinite() || x.isNegative()) throw new RangeError(`${name} = ${String(options[name]).slice(0, 40)}: a finite non-negative number`);
  const deadline = performance.now() + (options.timeLimit ?? 600) * 1000;
  const { rows, ignored } = prepare(text, new Set(options.ignoreColumns ?? []));
  const out: RowResult[] = [];
  let passed = 0;
  let failed = 0;
  for (const [k, { row, model, params, quantities, notes, regime: stated }] of rows.entries()) {
    const base = { where: row.where, name: row.cells.get('name')?.text ?? '', model, parameters: params, notes };
    let results: QuantityResult[];
    let regime: Regime | null = null;
    const compared: Array<[QuantityName | 'regime', Cell]> = [
      ...(stated ? [['regime', stated] as [QuantityName | 'regime', Cell]] : []),
      ...quantities.map(([q, cell]) => [q, cell] as [QuantityName, Cell]),
    ];
    try {
      if (performance.now() > deadline) throw new Error(`not computed: past the time limit of ${options.timeLimit ?? 600} s (raise --time-limit)`);
      const solution = solveCertified(resolveParameters(model, params), DIGITS, isQuantityPointer);
      regime = solution.regime;
      const ours = quantitiesOf(solution);
      const regimeResult: QuantityResult[] = stated
        ? [
            {
              quantity: 'regime',
              theirs: stated.text,
              ours: solution.regime,
              relativeError: null,
              pass: stated.text === solution.regime,
              ...(stated.text === solution.regime ? {} : { note: 'the regime differs (decided exactly here)' }),
            },
          ]
        : [];
      results = [
        ...regimeResult,
        ...quantities.map(([q, cell, value]): QuantityResult => {
          const mine = ours[q];
          if (mine === undefined) {
            const why = solution.conditional
              ? `not a quantity of the ${model} model, or not one its enclosure fixes here (solve lists it under uncertified)`
              : `no steady state here (${solution.regime}, and nothing measured to condition on)`;
            return { quantity: q, theirs: cell.text, ours: null, relativeError: null, pass: false, note: why };
          }
          if (value === null)
            return { quantity: q, theirs: cell.text, ours: mine.text, relativeError: null, pass: false, note: 'their value is not a finite number' };
          // Their value passes when its distance to our enclosure (0 inside it) is within atol + rtol·|ours|.
          // In exact rationals: their value may carry more digits than any working precision here.
          const [lo, hi] = [Rational.parse(mine.enclosure.lo.toString()), Rational.parse(mine.enclosure.hi.toString())];
          const b = lo.add(hi).div(Rational.of(2));
          const below = lo.sub(value);
          const above = value.sub(hi);
          const exactDistance = below.sign() > 0 ? below : above.sign() > 0 ? above : Rational.ZERO;
          const decimal = (x: Rational) => new D(x.num.toString()).div(x.den.toString());
          const distance = decimal(exactDistance);
          const pass = distance.lte(atol.plus(rtol.times(decimal(b.abs()))));
          const diff = decimal(value.sub(b).abs());
          const rel = b.isZero() ? (diff.isZero() ? new D(0) : null) : diff.div(decimal(b.abs()));
          return {
            quantity: q,
            theirs: cell.text,
            ours: mine.text,
            relativeError: rel === null ? null : rel.toSignificantDigits(3).toString(),
            distance: distance.toSignificantDigits(3).toString(),
            pass,
          };
        }),
      ];
    } catch (err) {
      // One row that cannot be computed fails with its reason; the other rows are still compared.
      const message = (err as Error).message;
      const reason = message.startsWith('not computed') ? message : `could not be computed: ${message}`;
      results = compared.map(([q, cell]) => ({ quantity: q, theirs: cell.text, ours: null, relativeError: null, pass: false, note: reason }));
    }
    for (const r of results)
      if (r.pass) passed++;
      else failed++;
    out.push({ ...base, regime, results });
    options.onProgress?.(k + 1, rows.length);
  }
  return { rows: out, passed, failed, ignoredColumns: ignored };
}

/** The report; with `explain`, each failing quantity also gets both values in full and the convention behind it. */
export function comparisonText(c: Comparison, options: { explain?: boolean } = {}): string {
  const lines: string[] = [];
  if (c.ignoredColumns.length > 0) lines.push(`metadata columns not compared: ${c.ignoredColumns.join(', ')}`);
  for (const r of c.rows) {
    const params = Object.entries(r.parameters)
      .map(([k, v]) => `${k}=${v}`)
      .join(' ');
    lines.push(`${r.where}${r.name ? ` ${r.name}` : ''}: ${r.model} ${params} (${r.regime ?? 'not computed'})`);
    for (const n of r.notes) lines.push(`  note: ${n}`);
    for (const q of r.results) {
      lines.push(
        `  ${q.pass ? 'pass' : 'FAIL'}  ${q.quantity.padEnd(22)} theirs ${q.theirs.slice(0, 28).padEnd(28)} ours ${(q.ours ?? '—').slice(0, 28).padEnd(28)} rel ${q.relativeError ?? '—'}${q.note ? `  (${q.note})` : ''}`,
      );
      if (options.explain && !q.pass)
        lines.push(
          `        theirs ${q.theirs}`,
          `        ours   ${q.ours ?? '—'}`,
          `        ${q.quantity}: ${conventionOf(q.quantity)}`,
          `        conventions: ${CONVENTIONS.quadratures}; ${CONVENTIONS.damping}`,
        );
    }
  }
  lines.push(`${c.passed + c.failed} quantities in ${c.rows.length} rows: ${c.passed} passed, ${c.failed} failed`);
  return lines.join('\n');
}
