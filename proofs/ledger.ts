/** The paper's ledger as the command loads it: the claims and the assumptions, each only when verify runs. */
import type { Ledger } from '../src/cli/application.ts';

export const ledger: Ledger = {
  loadClaims: async () => (await import('./index.ts')).claims,
  loadAssumptions: async () => (await import('./assumptions.ts')).assumptions,
};
