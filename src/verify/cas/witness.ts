/**
 * Independent witnesses: computer-algebra systems asked whether an expression (in the
 * ASCII syntax of src/exact/expression.ts, with `i` the imaginary unit and sqrt(·)) is
 * identically zero, and for derivatives. Neither shares code with our exact engine.
 */
import { createRequire } from 'node:module';
import type Nerdamer from 'nerdamer';
import { fastAlgebrite } from './algebriteModule.ts';

const require = createRequire(import.meta.url);

/** Each CAS is loaded when first consulted: the command starts, and a run without witnesses goes, without them. */
function onFirstUse<T>(load: () => T): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= load());
}

const nerdamerCas = onFirstUse(() => {
  const cas = require('nerdamer') as typeof Nerdamer;
  require('nerdamer/Algebra.js');
  require('nerdamer/Calculus.js');
  return cas;
});
const algebriteCas = onFirstUse(fastAlgebrite);

export interface Witness {
  readonly name: string;
  isZero(expression: string): boolean;
  derivative(expression: string, variable: string): string;
}

/** expand decides polynomials; only a quotient left over needs the (much slower) simplify. */
function decide(expanded: string, simplify: () => string): boolean {
  if (expanded === '0') return true;
  const symbolicDenominator = /\/\s*[A-Za-z(]|\^\(-|\^-/.test(expanded);
  return symbolicDenominator ? simplify() === '0' : false;
}

export const nerdamerWitness: Witness = {
  name: 'nerdamer',
  isZero(expression) {
    const nerdamer = nerdamerCas();
    try {
      return decide(nerdamer(`expand(${expression})`).toString(), () => nerdamer(`simplify(${expression})`).toString());
    } finally {
      nerdamer.flush();
    }
  },
  derivative(expression, variable) {
    const nerdamer = nerdamerCas();
    try {
      return `(${nerdamer.diff(nerdamer(expression), variable).toString()})`;
    } finally {
      nerdamer.flush();
    }
  },
};

/**
 * Algebrite reads `Gamma` as its gamma function: a bare Gamma becomes Gamma(last result), e.g.
 * d(Gamma*X1*X2, X2) = X1*Gamma(0). The symbol is renamed on the way in, so a rate called Γ is
 * a plain symbol to it too.
 */
const ALGEBRITE_RESERVED = /\bGamma\b(?!\s*\()/g;

function runAlgebrite(source: string): string {
  const algebrite = algebriteCas();
  algebrite.run('clearall');
  const out = algebrite.run(source.replace(ALGEBRITE_RESERVED, 'Gamma_symbol'));
  if (/^Stop/i.test(out)) throw new Error(`algebrite: ${out}`);
  return out;
}

export const algebriteWitness: Witness = {
  name: 'algebrite',
  isZero(expression) {
    return decide(runAlgebrite(`expand(${expression})`), () => runAlgebrite(`simplify(${expression})`));
  },
  derivative(expression, variable) {
    return `(${runAlgebrite(`d(${expression},${variable})`)})`;
  },
};
