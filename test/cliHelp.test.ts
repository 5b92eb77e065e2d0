/** Each command's --help, generated from its option table, in process. */
import { describe, expect, it } from 'vitest';
import type { Application } from '../src/cli/application.ts';
import { commandHelp } from '../src/cli/command.ts';
import { compare } from '../src/cli/commands/compare.ts';
import { derive } from '../src/cli/commands/derive.ts';
import { figure2 } from '../src/cli/commands/figure2.ts';
import { reference } from '../src/cli/commands/reference.ts';
import { simulate } from '../src/cli/commands/simulate.ts';
import { solve } from '../src/cli/commands/solve.ts';
import { verify } from '../src/cli/commands/verify.ts';
import { commands } from '../src/cli/paperApplication.ts';
import { ledger } from '../proofs/ledger.ts';

const app: Application = { ...commands, ...ledger };

describe('command help', () => {
  for (const spec of [verify, solve, derive, simulate, figure2, reference, compare]) {
    it(`${spec.name} --help lists every option of its table, none internal, each line within 100 columns`, () => {
      const help = commandHelp(spec, app);
      const options = Object.entries(spec.options(app));
      for (const [name, o] of options) {
        if (o.internal) expect(help, name).not.toContain(`--${name}`);
        else expect(help, name).toMatch(new RegExp(`^  (-\\w, )?--${name}\\b`, 'm'));
      }
      expect(help).toMatch(/^ {2}-h, --help +this text$/m);
      const long = help
        .split('\n')
        .slice(1)
        .filter((line) => line.length > 100);
      expect(long).toEqual([]);
    });
  }
});

describe('smaller items of the second hostile pass', () => {
  it('solve --help states the working-digit cap that holds, 980 (it said 4000)', () => {
    const help = commandHelp(solve, app);
    expect(help.replace(/\s+/g, ' ')).toContain('up to 980 working digits');
    expect(help).not.toContain('4000');
  });
  it('solve --model single names its own parameters and its 2×2 basis', () => {
    const { json, text } = commands.solve({ model: 'single', parameters: { delta: '30', chi: '25', nbar: '5', mu: '5' } }, 20) as {
      json: { params: Record<string, string> };
      text: string;
    };
    expect(Object.keys(json.params)).toEqual(['gamma', 'delta', 'chi', 'nbar', 'mu', 'eta']);
    expect(text).toContain('covariance (X, Y):');
    expect(text).not.toMatch(/gamma1|X₁, Y₁, X₂, Y₂/);
  });
});
