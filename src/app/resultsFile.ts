/**
 * Reads a table of results, CSV or JSON (an array of row objects, or an object with a "rows"
 * array), into rows of cells that remember where they stand (line and column, or row and key).
 * A byte-order mark is dropped; a repeated column or JSON key, an unknown column, a ragged CSV
 * line or invalid JSON is refused with its position. Columns named `x-…`, or listed to be
 * ignored, are metadata: they are read past and reported, never silently.
 */
import { parse } from 'csv-parse/sync';
import { DetunedParampError } from '../exact/errors.ts';

export class MalformedInputError extends DetunedParampError {
  constructor(message: string) {
    super('MALFORMED_INPUT', message);
  }
}

export interface Cell {
  readonly text: string;
  readonly where: string;
}

export interface InputRow {
  readonly where: string;
  /** Non-empty cells by column. */
  readonly cells: ReadonlyMap<string, Cell>;
  /** Columns whose cell is empty in this row: reported, never skipped silently. */
  readonly empty: readonly string[];
}

export interface Table {
  readonly rows: InputRow[];
  /** Metadata columns that were read past. */
  readonly ignored: string[];
}

export interface Columns {
  readonly known: ReadonlySet<string>;
  /** Further column names to read past (the `--ignore-column` option). */
  readonly ignore: ReadonlySet<string>;
}

const isMetadata = (name: string, columns: Columns) => name.startsWith('x-') || columns.ignore.has(name);

function checkColumn(name: string, where: string, columns: Columns): void {
  if (!columns.known.has(name) && !isMetadata(name, columns)) {
    throw new MalformedInputError(
      `${where}: unknown column "${name.slice(0, 40)}" (known: ${[...columns.known].join(', ')}; name metadata columns x-…, or pass --ignore-column)`,
    );
  }
}

/** csv-parse's refusals, said in the terms of the file (line, what to change). */
function csvError(err: unknown, headerLength: number): MalformedInputError {
  const e = err as { code?: string; lines?: number; message?: string; record?: unknown[] };
  const line = e.lines ?? 1;
  switch (e.code) {
    case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH':
      return new MalformedInputError(`line ${line}: ${e.record?.length ?? '?'} fields, the header has ${headerLength}`);
    case 'CSV_QUOTE_NOT_CLOSED':
      return new MalformedInputError(`line ${line}: unterminated quoted field`);
    case 'INVALID_OPENING_QUOTE':
    case 'CSV_INVALID_CLOSING_QUOTE':
      return new MalformedInputError(`line ${line}: a quote inside a field (quote the whole field, and double the quotes inside it)`);
    default:
      return new MalformedInputError(`line ${line}: ${(e.message ?? String(err)).split('\n')[0]}`);
  }
}

/** CSV by csv-parse (RFC 4180: quoted fields may hold commas, doubled quotes and line breaks). */
function readCsv(text: string, columns: Columns): Table {
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(text, { info: true, trim: true, skip_empty_lines: true }) as unknown as typeof records;
  } catch (err) {
    const headerLength = (text.split(/\r?\n/)[0] ?? '').split(',').length;
    throw csvError(err, headerLength);
  }
  const [first, ...rest] = records;
  const header = first?.record ?? [];
  for (const [k, h] of header.entries()) checkColumn(h, `line 1, column ${k + 1}`, columns);
  const duplicate = header.find((h, k) => header.indexOf(h) !== k);
  if (duplicate !== undefined) throw new MalformedInputError(`line 1: column "${duplicate}" appears twice`);
  const rows: InputRow[] = rest.map(({ record, info }) => {
    const n = info.lines;
    const named = record
      .map((c, j) => [header[j]!, { text: c, where: `line ${n}, column ${j + 1} (${header[j]})` }] as const)
      .filter(([h]) => !isMetadata(h, columns));
    return { where: `line ${n}`, cells: new Map(named.filter(([, v]) => v.text !== '')), empty: named.filter(([, v]) => v.text === '').map(([h]) => h) };
  });
  return { rows, ignored: header.filter((h) => isMetadata(h, columns)) };
}

function position(text: string, offset: number): string {
  const before = text.slice(0, offset);
  return `line ${before.split('\n').length}, column ${offset - before.lastIndexOf('\n')}`;
}

/** The first key that appears twice in one JSON object, with its offset (JSON.parse would keep the last silently). */
function repeatedKey(text: string): { key: string; offset: number } | undefined {
  const objects: Array<Set<string> | null> = [];
  for (let k = 0; k < text.length; k++) {
    const ch = text[k]!;
    if (ch === '{') objects.push(new Set());
    else if (ch === '[') objects.push(null);
    else if (ch === '}' || ch === ']') objects.pop();
    else if (ch === '"') {
      const start = k;
      let raw = '';
      for (k++; k < text.length && text[k] !== '"'; k++) raw += text[k] === '\\' ? text[k] + text[++k]! : text[k];
      let next = k + 1;
      while (/\s/.test(text[next] ?? '')) next++;
      const keys = objects[objects.length - 1];
      if (text[next] === ':' && keys) {
        const key = JSON.parse(`"${raw}"`) as string;
        if (keys.has(key)) return { key, offset: start };
        keys.add(key);
      }
    }
  }
  return undefined;
}

function readJson(text: string, columns: Columns): Table {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    const at = /position (\d+)/.exec((err as Error).message);
    throw new MalformedInputError(`${at ? position(text, Number(at[1])) : 'JSON'}: not valid JSON`);
  }
  const repeated = repeatedKey(text);
  if (repeated) throw new MalformedInputError(`${position(text, repeated.offset)}: key "${repeated.key.slice(0, 40)}" appears twice in one object`);
  const list = Array.isArray(data)
    ? data
    : data !== null && typeof data === 'object' && Array.isArray((data as { rows?: unknown }).rows)
      ? (data as { rows: unknown[] }).rows
      : undefined;
  if (list === undefined) throw new MalformedInputError('JSON: expected an array of rows or an object with a "rows" array');
  const ignored = new Set<string>();
  const rows = list.map((row, k) => {
    const where = `row ${k + 1}`;
    if (row === null || typeof row !== 'object' || Array.isArray(row)) throw new MalformedInputError(`${where}: not an object`);
    const cells = new Map<string, Cell>();
    const empty: string[] = [];
    for (const [key, value] of Object.entries(row)) {
      checkColumn(key, where, columns);
      if (isMetadata(key, columns)) {
        ignored.add(key);
        continue;
      }
      if (typeof value !== 'string' && typeof value !== 'number') throw new MalformedInputError(`${where}, "${key}": a string or a number is expected`);
      if (typeof value === 'number' && !Number.isFinite(value))
        throw new MalformedInputError(`${where}, "${key}": a number beyond double precision's range (write it as a string)`);
      if (value === '') empty.push(key);
      else cells.set(key, { text: String(value), where: `${where}, "${key}"` });
    }
    return { where, cells, empty };
  });
  return { rows, ignored: [...ignored] };
}

/** Reads CSV or JSON (told apart by the first character that is not a space). */
export function readTable(text: string, columns: Columns): Table {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') throw new MalformedInputError('the file is empty');
  return /^\s*[[{]/.test(body) ? readJson(body, columns) : readCsv(body, columns);
}
