#!/usr/bin/env node
// The CLI is TypeScript run through tsx's loader, so `npx detuned-paramp` works
// right after `npm ci` with no build step.
import { register } from 'tsx/esm/api';

register();
const { run } = await import('../src/cli/main.ts');
await run(process.argv.slice(2));
