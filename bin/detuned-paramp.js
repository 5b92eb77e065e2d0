#!/usr/bin/env node
// The composition root: the command (src/cli) is handed the paper's ledger (proofs/). It runs the
// JavaScript that `npm ci` builds into dist/ (the prepare script; `npm run build` by hand).
let modules;
try {
  modules = await Promise.all([import('../dist/src/cli/main.js'), import('../dist/proofs/ledger.js')]);
} catch (err) {
  if (err?.code !== 'ERR_MODULE_NOT_FOUND') throw err;
  process.stderr.write(`detuned-paramp: the build is missing (${err.message}); run npm run build (npm ci runs it)\n`);
  process.exit(1);
}
const [{ run }, { ledger }] = modules;
await run(process.argv.slice(2), ledger);
