/**
 * Reads a table of results, CSV or JSON (an array of row objects, or an object with a "rows"
 * array), into rows of cells that remember where they stand (line and column, or row and key).
 * A byte-order mark is dropped; a repeated column or JSON key, an unknown column, a ragged CSV
 * line or invalid JSON is refused with its position. Columns named `x-…`, or listed to be
 * ignored, are metadata: they are read past and reported, never silently.
 */
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

function readCsv(text: string, columns: Columns): Table {
  const lines = text.split(/\r?\n/);
  const header = splitCsvLine(lines[0] ?? '', 1);
  for (const [k, h] of header.entries()) checkColumn(h, `line 1, column ${k + 1}`, columns);
  const duplicate = header.find((h, k) => header.indexOf(h) !== k);
  if (duplicate !== undefined) throw new MalformedInputError(`line 1: column "${duplicate}" appears twice`);
  const rows: InputRow[] = [];
  lines.slice(1).forEach((line, k) => {
    const n = k + 2;
    if (line.trim() === '') return;
    const cells = splitCsvLine(line, n);
    if (cells.length !== header.length) throw new MalformedInputError(`line ${n}: ${cells.length} fields, the header has ${header.length}`);
    const kept = cells
      .map((c, j) => [header[j]!, { text: c, where: `line ${n}, column ${j + 1} (${header[j]})` }] as const)
      .filter(([h, v]) => v.text !== '' && !isMetadata(h, columns));
    rows.push({ where: `line ${n}`, cells: new Map(kept) });
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
    for (const [key, value] of Object.entries(row)) {
      checkColumn(key, where, columns);
      if (isMetadata(key, columns)) {
        ignored.add(key);
        continue;
      }
      if (typeof value !== 'string' && typeof value !== 'number') throw new MalformedInputError(`${where}, "${key}": a string or a number is expected`);
      if (typeof value === 'number' && !Number.isFinite(value))
        throw new MalformedInputError(`${where}, "${key}": a number beyond double precision's range (write it as a string)`);
      if (value !== '') cells.set(key, { text: String(value), where: `${where}, "${key}"` });
    }
    return { where, cells };
  });
  return { rows, ignored: [...ignored] };
}

/** Reads CSV or JSON (told apart by the first character that is not a space). */
export function readTable(text: string, columns: Columns): Table {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') throw new MalformedInputError('the file is empty');
  return /^\s*[[{]/.test(body) ? readJson(body, columns) : readCsv(body, columns);
}
