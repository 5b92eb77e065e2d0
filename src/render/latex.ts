/**
 * LaTeX of the engine's values (exact scalars, matrices, operators), rendered from the
 * expression tree of their ASCII form (the same tree the CAS witnesses read), never retyped.
 * An identifier is typeset from the symbol's own display name where it has one (V_X₊ ->
 * V_{X_{+}}); otherwise Greek names become macros, a trailing number a subscript
 * (gamma1 -> \gamma_{1}), nbar -> \bar{n}, sqrt2 -> \sqrt{2}.
 */
import { parseExpression, type Expr } from '../exact/expression.ts';
import type { Matrix } from '../exact/matrix.ts';
import type { RationalFunction } from '../exact/rationalFunction.ts';
import { symbolAt } from '../exact/symbols.ts';
import type { Operator } from '../operators/operator.ts';
import { unicodeLatex } from './unicodeLatex.ts';

const GREEK = new Set([
  'alpha',
  'beta',
  'gamma',
  'Gamma',
  'delta',
  'Delta',
  'epsilon',
  'zeta',
  'eta',
  'theta',
  'Theta',
  'kappa',
  'lambda',
  'Lambda',
  'mu',
  'nu',
  'xi',
  'Xi',
  'pi',
  'Pi',
  'rho',
  'sigma',
  'Sigma',
  'tau',
  'phi',
  'Phi',
  'chi',
  'psi',
  'Psi',
  'omega',
  'Omega',
]);

/** Display names by ASCII name, of the symbols a value holds. */
type DisplayNames = ReadonlyMap<string, string>;

function displayNames(values: readonly RationalFunction[]): DisplayNames {
  const out = new Map<string, string>();
  for (const x of values) for (const k of [...x.num.symbols(), ...x.den.symbols()]) out.set(symbolAt(k).ascii, symbolAt(k).name);
  return out;
}

/** LaTeX of an identifier: V__a__b (a covariance) -> V_{a b}, gamma1 -> \gamma_{1}, X_a -> X_{a}; a symbol's own display name where `display` has one. */
export function latexIdentifier(name: string, display: DisplayNames = new Map()): string {
  const shown = display.get(name);
  if (shown !== undefined && shown !== name && /[^ -~]/.test(shown)) return unicodeLatex(shown);
  const covariance = /^V__(.+)__(.+)$/.exec(name);
  if (covariance) return `V_{${latexIdentifier(covariance[1]!, display)} ${latexIdentifier(covariance[2]!, display)}}`;
  if (name === 'nbar') return '\\bar{n}';
  const root = /^sqrt(\d+)$/.exec(name);
  if (root) return `\\sqrt{${root[1]}}`;
  const parts = name.split('_').filter(Boolean);
  const [head, ...rest] = parts;
  const m = /^([A-Za-z]+?)(\d+)$/.exec(head ?? name);
  const base = m ? m[1]! : (head ?? name);
  const subscripts = [...(m ? [m[2]!] : []), ...rest];
  const symbol = GREEK.has(base) ? `\\${base}` : base.length > 1 ? `\\mathrm{${base}}` : base;
  return subscripts.length > 0 ? `${symbol}_{${subscripts.join(',')}}` : symbol;
}

const isSum = (e: Expr) => e.kind === 'bin' && (e.op === '+' || e.op === '-');

function latex(e: Expr, display: DisplayNames): string {
  switch (e.kind) {
    case 'num':
      return e.value;
    case 'id':
      return latexIdentifier(e.name, display);
    case 'neg':
      return `-${isSum(e.arg) ? `\\left(${latex(e.arg, display)}\\right)` : latex(e.arg, display)}`;
    case 'sqrt':
      return `\\sqrt{${latex(e.arg, display)}}`;
    case 'trig':
      return `\\${e.fn}\\left(${latex(e.arg, display)}\\right)`;
    case 'pow': {
      const base = e.base.kind === 'id' || e.base.kind === 'num' ? latex(e.base, display) : `\\left(${latex(e.base, display)}\\right)`;
      return `${base}^{${e.exponent}}`;
    }
    case 'bin': {
      if (e.op === '/') return `\\frac{${latex(e.left, display)}}{${latex(e.right, display)}}`;
      if (e.op === '*') {
        const factor = (x: Expr) => (isSum(x) ? `\\left(${latex(x, display)}\\right)` : latex(x, display));
        const joiner = e.right.kind === 'num' ? ' \\cdot ' : ' ';
        return `${factor(e.left)}${joiner}${factor(e.right)}`;
      }
      const right = e.op === '-' && isSum(e.right) ? `\\left(${latex(e.right, display)}\\right)` : latex(e.right, display);
      return `${latex(e.left, display)} ${e.op} ${right.startsWith('-') && e.op === '+' ? `\\left(${right}\\right)` : right}`;
    }
  }
}

/** LaTeX of an exact value (math mode, without delimiters). */
export function latexOf(x: RationalFunction, display: DisplayNames = displayNames([x])): string {
  return latex(parseExpression(x.toString('ascii')), display);
}

/** A bmatrix of exact values; the entries named in `boxed` ("i,j", from 0) are boxed. */
export function latexMatrix(m: Matrix | readonly (readonly RationalFunction[])[], boxed: ReadonlySet<string> = new Set()): string {
  const display = displayNames(m.flat());
  const entry = (x: RationalFunction, i: number, j: number) => (boxed.has(`${i},${j}`) ? `\\boxed{\\textstyle ${latexOf(x, display)}}` : latexOf(x, display));
  return `\\begin{bmatrix} ${m.map((row, i) => row.map((x, j) => entry(x, i, j)).join(' & ')).join(' \\\\ ')} \\end{bmatrix}`;
}

/** A normal-ordered operator: each term's coefficient, then a^{\dagger p} a^{q} per mode. */
export function latexOperator(o: Operator): string {
  const display = displayNames(o.termList().map((t) => t.coefficient));
  const terms = o.termList().map(({ factors, coefficient }) => {
    const tree = parseExpression(coefficient.toString('ascii'));
    const ops = factors
      .map(([m, p, q]) => {
        const name = latexIdentifier(m.name);
        const creation = p === 0 ? '' : p === 1 ? `${name}^{\\dagger}` : `${name}^{\\dagger ${p}}`;
        const annihilation = q === 0 ? '' : q === 1 ? name : `${name}^{${q}}`;
        return [creation, annihilation].filter(Boolean).join(' ');
      })
      .join(' ');
    if (ops === '') return latex(tree, display);
    if (tree.kind === 'num' && tree.value === '1') return ops;
    if (tree.kind === 'neg' && tree.arg.kind === 'num' && tree.arg.value === '1') return `-${ops}`;
    return `${isSum(tree) ? `\\left(${latex(tree, display)}\\right)` : latex(tree, display)} ${ops}`;
  });
  return terms.length === 0 ? '0' : terms.join(' + ').replace(/\+ -/g, '- ');
}
