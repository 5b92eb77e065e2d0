#!/usr/bin/env node
// The CLI is TypeScript run through tsx's loader, so `npx detuned-paramp` works
// right after `npm ci` with no build step.
import { register } from 'tsx/esm/api';

register();
// The composition root: the generic command (src/cli) is handed the paper's ledger (proofs/).
const [{ run }, { ledger }] = await Promise.all([import('../src/cli/main.ts'), import('../proofs/ledger.ts')]);
await run(process.argv.slice(2), ledger);
