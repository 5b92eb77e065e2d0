/**
 * Model one in the collective basis (X₊, Y₊, X₋, Y₋), where the paper reduces it: derived by the
 * engine from the rotating-frame Hamiltonian of (1) (src/paper/labFrame.ts), each oscillator's
 * position measured at strength μ and efficiency η, which in the rotating frame is a measurement
 * of X_j and Y_j (the RWA of D[x] is D[a] + D[a†] = D[X] + D[Y]). The models solve runs are the
 * files in models/; this is the ledger's reduction of the first of them.
 */
import { conditionalGaussianSystem, type ConditionalSystem } from '../gaussian/conditional.ts';
import { independentDamping, modelOneHamiltonian } from './labFrame.ts';
import { oscillator, quadratures, sym } from './symbols.ts';

export const OSCILLATOR_BASIS = ['X1', 'Y1', 'X2', 'Y2'] as const;

let collective: ConditionalSystem | undefined;

export function modulatedCouplingCollective(): ConditionalSystem {
  collective ??= conditionalGaussianSystem(
    { hamiltonian: modelOneHamiltonian(), dissipators: independentDamping(sym.gamma, sym.gamma) },
    OSCILLATOR_BASIS.map((name) => ({ name, op: oscillator[name], strength: sym.mu, efficiency: sym.eta })),
    ['Xp', 'Yp', 'Xm', 'Ym'].map((name) => ({ name, op: quadratures[name]! })),
  );
  return collective;
}
