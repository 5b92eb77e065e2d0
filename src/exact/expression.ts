/**
 * A small ASCII expression language for printed equations: numbers, identifiers, + − * / ^,
 * parentheses, sqrt(·), and cos(·), sin(·) of time-dependent terms (a model file with a frame). One parse feeds two consumers: our exact engine (evaluate into
 * any algebra) and the CAS witnesses (render back to text, with identifiers substituted).
 */

import { DetunedParampError } from './errors.ts';
export type Expr =
  | { kind: 'num'; value: string }
  | { kind: 'id'; name: string }
  | { kind: 'neg'; arg: Expr }
  | { kind: 'bin'; op: '+' | '-' | '*' | '/'; left: Expr; right: Expr }
  | { kind: 'pow'; base: Expr; exponent: number }
  | { kind: 'sqrt'; arg: Expr }
  | { kind: 'trig'; fn: 'cos' | 'sin'; arg: Expr };

export class ExpressionSyntaxError extends DetunedParampError {
  constructor(message: string) {
    super('EXPRESSION_SYNTAX', message);
  }
}

/** The functions the language has. */
export const FUNCTIONS = ['sqrt', 'cos', 'sin'] as const;

export function parseExpression(text: string): Expr {
  const matches = [...text.matchAll(/\d+(?:\.\d+)?|[A-Za-z_][A-Za-z0-9_]*|[-+*/^()]|\S/g)];
  const tokens = matches.map((m) => m[0]);
  let pos = 0;
  const peek = () => tokens[pos];
  /** A message pointing at the column (from 1) of the token it is about. */
  const fail = (msg: string, at = pos): never => {
    const column = at < matches.length ? matches[at]!.index! + 1 : text.length + 1;
    throw new ExpressionSyntaxError(`${msg} at column ${column} of "${text.length > 80 ? `${text.slice(0, 80)}…` : text}"`);
  };
  const expect = (t: string) => {
    if (tokens[pos] !== t) fail(`expected "${t}"`);
    pos++;
  };
  function sum(): Expr {
    let left = product();
    while (peek() === '+' || peek() === '-') {
      const op = tokens[pos++] as '+' | '-';
      left = { kind: 'bin', op, left, right: product() };
    }
    return left;
  }
  function product(): Expr {
    let left = unary();
    while (peek() === '*' || peek() === '/') {
      const op = tokens[pos++] as '*' | '/';
      left = { kind: 'bin', op, left, right: unary() };
    }
    return left;
  }
  function unary(): Expr {
    if (peek() === '-') {
      pos++;
      return { kind: 'neg', arg: unary() };
    }
    if (peek() === '+') {
      pos++;
      return unary();
    }
    return power();
  }
  function power(): Expr {
    const base = atom();
    if (peek() !== '^') return base;
    pos++;
    const e = tokens[pos++];
    if (e === undefined || !/^\d+$/.test(e)) return fail('an exponent must be a non-negative integer');
    return { kind: 'pow', base, exponent: Number(e) };
  }
  function atom(): Expr {
    const t = tokens[pos++];
    if (t === undefined) return fail('unexpected end');
    if (t === '(') {
      const e = sum();
      expect(')');
      return e;
    }
    if (/^\d/.test(t)) return { kind: 'num', value: t };
    if (t === 'sqrt' || t === 'cos' || t === 'sin') {
      expect('(');
      const arg = sum();
      expect(')');
      return t === 'sqrt' ? { kind: 'sqrt', arg } : { kind: 'trig', fn: t, arg };
    }
    if (/^[A-Za-z_]/.test(t)) {
      if (peek() === '(') return fail(`"${t}" is not a function here (the functions are: ${FUNCTIONS.join(', ')})`, pos - 1);
      return { kind: 'id', name: t };
    }
    return fail(`unexpected "${t}"`, pos - 1);
  }
  const e = sum();
  if (pos !== tokens.length) fail(`unexpected "${tokens[pos]}" after a complete expression`);
  return e;
}

export interface Algebra<T> {
  number(decimal: string): T;
  identifier(name: string): T;
  add(a: T, b: T): T;
  sub(a: T, b: T): T;
  mul(a: T, b: T): T;
  div(a: T, b: T): T;
  neg(a: T): T;
  sqrt(a: Expr): T;
  /** cos(·) or sin(·) of a time-dependent argument; an algebra without time refuses them. */
  trig?(fn: 'cos' | 'sin', a: Expr): T;
}

export function evaluate<T>(e: Expr, alg: Algebra<T>): T {
  switch (e.kind) {
    case 'num':
      return alg.number(e.value);
    case 'id':
      return alg.identifier(e.name);
    case 'neg':
      return alg.neg(evaluate(e.arg, alg));
    case 'sqrt':
      return alg.sqrt(e.arg);
    case 'trig':
      if (alg.trig === undefined)
        throw new ExpressionSyntaxError(
          `${e.fn}(…) depends on time: it is allowed in a model file with a frame section, which names each mode's rotating frequency`,
        );
      return alg.trig(e.fn, e.arg);
    case 'pow': {
      const base = evaluate(e.base, alg);
      let r = alg.number('1');
      for (let k = 0; k < e.exponent; k++) r = alg.mul(r, base);
      return r;
    }
    case 'bin': {
      const l = evaluate(e.left, alg);
      const r = evaluate(e.right, alg);
      return e.op === '+' ? alg.add(l, r) : e.op === '-' ? alg.sub(l, r) : e.op === '*' ? alg.mul(l, r) : alg.div(l, r);
    }
  }
}

/** Back to fully parenthesised text, replacing identifiers through `rename` (for CAS input). */
export function render(e: Expr, rename: (name: string) => string = (n) => n): string {
  switch (e.kind) {
    case 'num':
      return e.value;
    case 'id':
      return rename(e.name);
    case 'neg':
      return `(-${render(e.arg, rename)})`;
    case 'sqrt':
      return `sqrt(${render(e.arg, rename)})`;
    case 'trig':
      return `${e.fn}(${render(e.arg, rename)})`;
    case 'pow':
      return `(${render(e.base, rename)})^${e.exponent}`;
    case 'bin':
      return `(${render(e.left, rename)}${e.op}${render(e.right, rename)})`;
  }
}

export function identifiers(e: Expr, out: Set<string> = new Set()): Set<string> {
  switch (e.kind) {
    case 'id':
      out.add(e.name);
      break;
    case 'neg':
    case 'sqrt':
    case 'trig':
      identifiers(e.arg, out);
      break;
    case 'pow':
      identifiers(e.base, out);
      break;
    case 'bin':
      identifiers(e.left, out);
      identifiers(e.right, out);
      break;
  }
  return out;
}

/** ∂e/∂name by the sum, product, quotient and power rules; sqrt(·) must not depend on name. */
export function differentiate(e: Expr, name: string): Expr {
  const zero: Expr = { kind: 'num', value: '0' };
  switch (e.kind) {
    case 'num':
      return zero;
    case 'id':
      return { kind: 'num', value: e.name === name ? '1' : '0' };
    case 'neg':
      return { kind: 'neg', arg: differentiate(e.arg, name) };
    case 'sqrt':
    case 'trig':
      if (identifiers(e.arg).has(name)) throw new Error(`cannot differentiate ${e.kind === 'sqrt' ? 'sqrt' : e.fn}(…) with respect to ${name}`);
      return zero;
    case 'pow':
      if (e.exponent === 0) return zero;
      return {
        kind: 'bin',
        op: '*',
        left: { kind: 'bin', op: '*', left: { kind: 'num', value: String(e.exponent) }, right: { kind: 'pow', base: e.base, exponent: e.exponent - 1 } },
        right: differentiate(e.base, name),
      };
    case 'bin': {
      const dl = differentiate(e.left, name);
      const dr = differentiate(e.right, name);
      if (e.op === '+' || e.op === '-') return { kind: 'bin', op: e.op, left: dl, right: dr };
      const product: Expr = {
        kind: 'bin',
        op: '+',
        left: { kind: 'bin', op: '*', left: dl, right: e.right },
        right: { kind: 'bin', op: '*', left: e.left, right: dr },
      };
      if (e.op === '*') return product;
      // (l/r)' = (l' r − l r') / r²
      return {
        kind: 'bin',
        op: '/',
        left: { kind: 'bin', op: '-', left: { kind: 'bin', op: '*', left: dl, right: e.right }, right: { kind: 'bin', op: '*', left: e.left, right: dr } },
        right: { kind: 'pow', base: e.right, exponent: 2 },
      };
    }
  }
}

/** Replaces identifiers by parenthesised expressions, e.g. χ₁ by its printed definition (26). */
export function substituted(text: string, table: Readonly<Record<string, string>>): string {
  return render(parseExpression(text), (name) => (name in table ? `(${table[name]})` : name));
}
