/**
 * The named real parameters that exact expressions are polynomials in.
 *
 * A symbol is its declaration: display name, ASCII name, positivity and, for a square root, the
 * radicand its square reduces to. Declarations are interned: the same declaration always gives
 * the same symbol (the index a monomial stores), and a different declaration a different symbol,
 * so nothing declared for one model can change what another sees (a file's `zeta: "> 0"` and
 * another's `zeta: real` are two symbols). Names are resolved to symbols by whoever declares them
 * (a model file keeps its own table); nothing here is looked up by name. The interning table only
 * grows by distinct declarations.
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
  /** A square root: what its square reduces to, as a (numerator, denominator) pair of polynomials in other symbols. */
  readonly radicand?: { readonly num: Polynomial; readonly den: Polynomial };
}

export interface SymbolOptions {
  ascii?: string;
  positive?: boolean;
}

const ASCII_IDENTIFIER = /^[A-Za-z][A-Za-z0-9_]*$/;

const byIndex: SymbolInfo[] = [];
const byDeclaration = new Map<string, SymbolInfo>();

/** A structural key of a polynomial: its monomials (symbol indices) and coefficients. */
function polynomialKey(p: Polynomial): string {
  return [...p.terms]
    .map(([m, c]) => `${[...m].map((ch) => ch.charCodeAt(0)).join('.')}:${c.toString()}`)
    .sort()
    .join('+');
}

/** The symbol with exactly this declaration. */
export function declareSymbol(name: string, options: SymbolOptions = {}, radicand?: { num: Polynomial; den: Polynomial }): SymbolInfo {
  const ascii = options.ascii ?? name;
  const positive = options.positive ?? false;
  if (!ASCII_IDENTIFIER.test(ascii)) throw new Error(`symbol ${name}: "${ascii}" is not a plain identifier`);
  const key = JSON.stringify([name, ascii, positive, radicand ? [polynomialKey(radicand.num), polynomialKey(radicand.den)] : null]);
  const known = byDeclaration.get(key);
  if (known) return known;
  const info: SymbolInfo = { index: byIndex.length, name, ascii, positive, ...(radicand ? { radicand } : {}) };
  byIndex.push(info);
  byDeclaration.set(key, info);
  return info;
}

export function symbolAt(index: number): SymbolInfo {
  const s = byIndex[index];
  if (!s) throw new Error(`no symbol with index ${index}`);
  return s;
}

/** Whether symbol `index` is a square root, for the reduction s² -> radicand. */
export function isRadical(index: number): boolean {
  return symbolAt(index).radicand !== undefined;
}
