/**
 * Independent witnesses: computer-algebra systems asked whether an expression (in the
 * ASCII syntax of src/exact/expression.ts, with `i` the imaginary unit and sqrt(·)) is
 * identically zero, and for derivatives. Neither shares code with our exact engine.
 */
import type { WitnessName } from '../claim.ts';
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
  readonly name: WitnessName;
  isZero(expression: string): boolean;
  derivative(expression: string, variable: string): string;
}

export const nerdamerWitness: Witness = {
  name: 'nerdamer',
  isZero(expression) {
    const nerdamer = nerdamerCas();
    try {
      // Decided by nerdamer's own comparison of the symbol with 0, not by reading its printed output;
      // what expand leaves non-zero (a quotient) gets the slower simplify.
      return nerdamer(expression).expand().eq(0) || nerdamer(`simplify(${expression})`).eq(0);
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
    // Algebrite's API answers in text: its zero is the result "0" (testeq would print "1" or "0" the same way).
    return runAlgebrite(`expand(${expression})`) === '0' || runAlgebrite(`simplify(${expression})`) === '0';
  },
  derivative(expression, variable) {
    return `(${runAlgebrite(`d(${expression},${variable})`)})`;
  },
};
