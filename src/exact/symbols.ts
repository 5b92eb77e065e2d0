/**
 * The named real parameters that exact expressions are polynomials in.
 * A symbol may be a square root: `radicand` then holds what its square reduces to,
 * as a (numerator, denominator) pair of polynomials in the other symbols.
 */
import type { Polynomial } from './polynomial.ts';

export interface SymbolInfo {
  readonly index: number;
  /** How the ledger prints it (γ, Δ, ω_m). */
  readonly name: string;
  /** A plain identifier the CAS witnesses accept (gamma, Delta, omega_m). */
  readonly ascii: string;
  /** Declared positive (rates, masses, ħ): lets positivity be read off a polynomial. */
  readonly positive: boolean;
  radicand?: { num: Polynomial; den: Polynomial };
}

const byIndex: SymbolInfo[] = [];
const byName = new Map<string, SymbolInfo>();

export interface SymbolOptions {
  ascii?: string;
  positive?: boolean;
}

const ASCII_IDENTIFIER = /^[A-Za-z][A-Za-z0-9_]*$/;

/** Returns the symbol of that name, declaring it on first use. Redeclaring differently is an error. */
export function declareSymbol(name: string, options: SymbolOptions = {}): SymbolInfo {
  const existing = byName.get(name);
  const ascii = options.ascii ?? name;
  const positive = options.positive ?? false;
  if (existing) {
    if (existing.ascii !== ascii || existing.positive !== positive) {
      throw new Error(`symbol ${name} is already declared with other options`);
    }
    return existing;
  }
  if (!ASCII_IDENTIFIER.test(ascii)) throw new Error(`symbol ${name}: "${ascii}" is not a plain identifier`);
  for (const s of byIndex) {
    if (s.ascii === ascii) throw new Error(`symbol ${name}: ascii name ${ascii} is taken by ${s.name}`);
  }
  const info: SymbolInfo = { index: byIndex.length, name, ascii, positive };
  byIndex.push(info);
  byName.set(name, info);
  return info;
}

/** The symbol whose ASCII name is `ascii`, if one is declared. */
export function symbolWithAscii(ascii: string): SymbolInfo | undefined {
  return byIndex.find((s) => s.ascii === ascii);
}

export function symbolAt(index: number): SymbolInfo {
  const s = byIndex[index];
  if (!s) throw new Error(`no symbol with index ${index}`);
  return s;
}

/** Indices of the symbols that are square roots, for the reduction s² -> radicand. */
export function radicalIndices(): number[] {
  return byIndex.filter((s) => s.radicand !== undefined).map((s) => s.index);
}
