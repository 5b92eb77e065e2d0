/**
 * compare against an implementation written differently for the test: the closed form
 * (16)-(18) of model one, typed in test/support from the paper with decimal.js, not imported from proofs/.
 */
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareResults, comparisonText, MalformedInputError } from '../src/app/compare.ts';
import { referenceRows } from '../src/app/reference.ts';
import { independentS } from './support/independentClosedForms.ts';

const D = Decimal.clone({ precision: 60 });

const points = [
  ['1', '30', '25', '5', '5', '1'],
  ['1', '25', '25', '5', '5.5', '1'],
  ['2', '1.5', '2', '0', '0.3', '0.8'],
  ['1', '-20', '15', '1', '1', '1'],
];

function csv(rows: string[][]): string {
  return `model,gamma,delta,chi,nbar,mu,eta,S\n${rows.map((r) => ['modulated', ...r].join(',')).join('\n')}\n`;
}

describe('compare', () => {
  it('an independent closed-form implementation passes at rtol 1e-25', () => {
    const result = compareResults(csv(points.map((p) => [...p, independentS(...(p as [string, string, string, string, string, string]))])), {
      rtol: '1e-25',
      atol: '0',
    });
    expect(result.failed).toBe(0);
    expect(result.passed).toBe(points.length);
  }, 30_000);

  it('passes on the distance to our enclosure: the closed form at 120 digits passes at rtol = atol = 0 (it lies inside), a value 10⁻³⁴ off fails there and passes at rtol 1e-33', () => {
    const exact = independentS('1', '30', '25', '5', '5', '1', 120);
    const pass = compareResults(csv([[...points[0]!, exact]]), { rtol: '0', atol: '0' });
    expect(pass.failed).toBe(0);
    expect(pass.rows[0]!.results[0]!.distance).toBe('0');
    const off = new D(exact).times('1.0000000000000000000000000000000001').toFixed();
    const tight = compareResults(csv([[...points[0]!, off]]), { rtol: '0', atol: '0' });
    expect(tight.failed).toBe(1);
    expect(Number(tight.rows[0]!.results[0]!.distance)).toBeGreaterThan(0);
    expect(compareResults(csv([[...points[0]!, off]]), { rtol: '1e-33', atol: '0' }).failed).toBe(0);
  }, 30_000);

  it('reference stores only proved digits (every point of the enclosure K_lo, K_hi beside each value K rounds to K), and compare reads those columns past', () => {
    const r = referenceRows(30, ['one-weak-measurement'])[0]! as unknown as Record<string, string>;
    const W = Decimal.clone({ precision: 200 });
    for (const q of ['S', 'Valpha_plus', 'chiTh', 'V13', 'U11']) {
      const mantissa = r[q]!.replace('-', '')
        .replace(/^0\.0*/, '')
        .replace('.', '');
      expect(mantissa.length, `${q} = ${r[q]}`).toBeGreaterThanOrEqual(30);
      const halfUlp = new W(10)
        .pow(
          new W(r[q]!)
            .abs()
            .log(10)
            .floor()
            .minus(mantissa.length - 1),
        )
        .div(2);
      for (const end of [r[`${q}_lo`]!, r[`${q}_hi`]!]) expect(new W(end).minus(r[q]!).abs().lte(halfUlp), `${q}: ${end} rounds to ${r[q]}`).toBe(true);
    }
    const S = independentS('1', '30', '25', '5', '0.01', '1', 120);
    expect(new W(r.S_lo!).lte(S) && new W(S).lte(r.S_hi!)).toBe(true);
    const text = `model,gamma,delta,chi,nbar,mu,eta,S,S_lo,S_hi\nmodulated,1,30,25,5,0.01,1,${r.S},${r.S_lo},${r.S_hi}\n`;
    const result = compareResults(text, { rtol: '1e-29', atol: '0' });
    expect(result.failed).toBe(0);
    expect(result.ignoredColumns).toEqual([]);
  }, 30_000);

  it("model two's S_UV against the closed form of model one at Δ = Γ, and rows at and above threshold compared and marked with their regime", () => {
    const rows = [
      ['constant', '1', '30', '25', '5', '5', '1'],
      ['constant', '7', '24', '25', '5', '5', '1'], // χ = √(γ² + Γ²): exactly at threshold
      ['constant', '1', '20', '25', '2', '3', '1'], // above threshold
    ];
    const text = `model,gamma,coupling,chi,nbar,mu,eta,S_UV\n${rows.map((r) => [...r, independentS(r[1]!, r[2]!, r[3]!, r[4]!, r[5]!, r[6]!)].join(',')).join('\n')}\n`;
    const result = compareResults(text, { rtol: '1e-25', atol: '0' });
    expect(result.failed).toBe(0);
    expect(result.rows.map((r) => r.regime)).toEqual(['below-threshold', 'at-threshold', 'above-threshold']);
  }, 30_000);

  it('a quantity with no steady state to compare with fails with its reason', () => {
    const result = compareResults('model,gamma,delta,chi,mu,S\nmodulated,7,24,25,0,1\n', { rtol: '1e-8', atol: '0' });
    expect(result.failed).toBe(1);
    expect(result.rows[0]!.results[0]!.note).toMatch(/no steady state here \(at-threshold/);
  });

  it('their NaN or Infinity fails with its reason, and the other quantities are still compared', () => {
    const p = points[0]!;
    for (const bad of ['NaN', 'Infinity', '-inf']) {
      const text = `model,gamma,delta,chi,nbar,mu,eta,S,logNegativity\nmodulated,${p.join(',')},${independentS(...(p as [string, string, string, string, string, string]))},${bad}\n`;
      const result = compareResults(text, { rtol: '1e-20', atol: '0' });
      expect(result.passed).toBe(1);
      expect(result.failed).toBe(1);
      expect(result.rows[0]!.results[1]!.note).toMatch(/not a finite number/);
    }
  });

  it("reads what a peer writes: a byte-order mark, fractions, the lower triangle, metadata columns, 0 in another model's column", () => {
    const row = 'modulated,1,30,0,25,5,5,1,solver-7';
    const text = `\uFEFFmodel,gamma,delta,coupling,chi,nbar,mu,eta,x-solver,S\n${row},${independentS('1', '30', '25', '5', '5', '1')}\n`;
    const result = compareResults(text, { rtol: '1e-25', atol: '0' });
    expect(result.failed).toBe(0);
    expect(result.ignoredColumns).toEqual(['x-solver']);
    expect(result.rows[0]!.notes.join(' ')).toMatch(/coupling = 0 read as absent/);
    const json = `\uFEFF[{"model": "modulated", "delta": 30, "chi": 25, "nbar": 5, "mu": 5, "cutoff": 24, "alpha": "1/3"}]`;
    const fraction = compareResults(json, { rtol: '1e-8', atol: '0', ignoreColumns: ['cutoff'] });
    expect(fraction.rows[0]!.results[0]!.theirs).toBe('1/3');
    expect(fraction.ignoredColumns).toEqual(['cutoff']);
    const v = referenceRows(30, ['two-symmetric'])[0]!;
    const mirrored = compareResults(`model,gamma,coupling,chi,nbar,mu,eta,V14,V41\nconstant,1,30,25,5,5,1,${v.V14},${v.V14}\n`, {
      rtol: '1e-20',
      atol: '1e-25',
    });
    expect(mirrored.failed).toBe(0);
    expect(mirrored.passed).toBe(1);
  }, 30_000);

  it('a row that cannot be computed fails with its reason, and the other rows are still compared', () => {
    const p = points[0]!;
    const text = `model,gamma,delta,chi,nbar,mu,eta,S\nmodulated,1e-300,1e300,1e300,0,1e-300,1,0.5\nmodulated,${p.join(',')},${independentS(...(p as [string, string, string, string, string, string]))}\n`;
    const result = compareResults(text, { rtol: '1e-20', atol: '0' });
    expect(result.rows).toHaveLength(2);
    expect(result.rows[0]!.regime).toBeNull();
    expect(result.rows[0]!.results[0]!.note).toMatch(/could not be computed: the solution did not hold 30 digits/);
    expect(result.rows[1]!.results[0]!.pass).toBe(true);
  }, 60_000);

  it('compares the unconditional quantities, and --explain gives both values and the convention of a failing one', () => {
    const r = referenceRows(30, ['one-weak-measurement'])[0]!;
    const row = (u11: string) => `model,gamma,delta,chi,nbar,mu,eta,U11,U31,S_unconditional\nmodulated,1,30,25,5,0.01,1,${u11},${r.U13},${r.S_unconditional}\n`;
    expect(compareResults(row(r.U11!), { rtol: '1e-20', atol: '1e-25' }).failed).toBe(0);
    const wrong = compareResults(row(String(Number(r.U11) * 1.01)), { rtol: '1e-8', atol: '0' });
    expect(wrong.failed).toBe(1);
    const text = comparisonText(wrong, { explain: true });
    expect(text).toMatch(/ours {3}\d/);
    expect(text).toMatch(/U11: unconditional steady-state covariance/);
  }, 30_000);

  it('names each row by its parameters and regime in the text report, and reports progress', () => {
    const seen: number[] = [];
    const result = compareResults(csv(points.slice(0, 2).map((p) => [...p, '0.7'])), { rtol: '1e-8', atol: '0', onProgress: (done) => seen.push(done) });
    expect(seen).toEqual([1, 2]);
    expect(comparisonText(result)).toMatch(/line 2: modulated gamma=1 delta=30 chi=25 nbar=5 mu=5 eta=1 \(below-threshold\)/);
  });

  it('a wrong value fails and says by how much', () => {
    const p = points[0]!;
    const wrong = new D(independentS(...(p as [string, string, string, string, string, string]))).times('1.001').toString();
    const result = compareResults(csv([[...p, wrong]]), { rtol: '1e-8', atol: '0' });
    expect(result.failed).toBe(1);
    expect(Number(result.rows[0]!.results[0]!.relativeError)).toBeCloseTo(1e-3, 6);
  });

  it('malformed files are refused with their line and column', () => {
    const cases: Array<[string, RegExp]> = [
      ['', /empty/],
      ['model,chi,bogus\nmodulated,1,2\n', /line 1, column 3: unknown column "bogus"/],
      ['model,delta,chi,S\nmodulated,1,2\n', /line 2: 3 fields, the header has 4/],
      ['model,delta,chi,S\nmodulated,1,abc,0.5\n', /line 2, column 3 \(chi\): "abc" is not a number/],
      ['model,delta,chi,S\nquantum,1,2,0.5\n', /line 2, column 1 \(model\)/],
      ['model,delta,chi,eta,S\nmodulated,1,0.5,2,0.5\n', /line 2: column eta = 2: outside the domain 0 <= eta <= 1/],
      ['model,coupling,delta,chi,S\nconstant,1,3,0.5,1\n', /line 2: column delta does not apply to the constant model/],
      ['model,delta,chi,V12,V21\nmodulated,1,0.5,0.1,0.2\n', /line 2, column 5 \(V21\): the covariance is symmetric/],
      ['[{"model": "modulated", "delta": 1, "chi": 0.5, "S": 1, "S": 2}]', /line 1, column \d+: key "S" appears twice/],
      ['model,delta,chi,S\nmodulated,1,1e999999999,1\n', /not a number/],
      ['model,delta,chi\nmodulated,1,0.5\n', /line 2: no quantity to compare/],
      ['[{"model": "modulated", "delta": 1, "chi": 0.5, "S": "x"}]', /row 1, "S": "x" is not a number/],
      ['{"rows": [{"model": "single", "delta": 1, "chi": 0.5, "S": 1, "extra": 2}]}', /row 1: unknown column "extra"/],
      ['[{"model": "modulated", "delta": 1,', /line 1, column \d+: not valid JSON/],
      ['model,delta,chi,S\n"modulated,1,0.5,1\n', /line 2: unterminated quoted field/],
    ];
    for (const [text, message] of cases) expect(() => compareResults(text, { rtol: '1e-8', atol: '0' }), text).toThrow(message);
  });

  it('fuzz: truncated, garbled, huge and hostile input never ends in anything but a result or a MalformedInputError', () => {
    const valid = csv(points.slice(0, 2).map((p) => [...p, '0.7']));
    const hostile = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.nat({ max: valid.length }).map((n) => valid.slice(0, n)),
      fc.tuple(fc.nat({ max: valid.length }), fc.string({ maxLength: 20 })).map(([n, junk]) => valid.slice(0, n) + junk + valid.slice(n)),
      fc.constantFrom(
        '[]',
        '{}',
        'null',
        '[null]',
        '[[1]]',
        '{"rows": 5}',
        '\u0000\u0000',
        'model\n',
        `model,chi,delta,S\n${'modulated,1,1e400,1\n'}`,
        `model,delta,chi,S\n${'modulated,1,0.5,1\n'.repeat(10_001)}`,
      ),
      fc
        .array(fc.constantFrom('model', 'chi', 'delta', 'S', 'modulated', '1', '-1', '1e308', '0.5', '', '"', ',', '\n', 'NaN', 'Infinity'), { maxLength: 30 })
        .map((t) => t.join(',')),
    );
    fc.assert(
      fc.property(hostile, (text) => {
        try {
          const r = compareResults(text, { rtol: '1e-8', atol: '0' });
          expect(r.passed + r.failed).toBeGreaterThan(0);
        } catch (err) {
          expect(err).toBeInstanceOf(MalformedInputError);
        }
      }),
    );
  }, 120_000);
});

describe('compare drops nothing', () => {
  const row = (extra: string) => `model,delta,chi,nbar,mu,regime,S\nmodulated,30,25,5,5,${extra}\n`;
  const s = independentS('1', '30', '25', '5', '5', '1');
  it('the regime column is compared: a wrong one fails, an unknown one is refused', () => {
    const right = compareResults(row(`below-threshold,${s}`), { rtol: '1e-20', atol: '1e-25' });
    expect(right.failed).toBe(0);
    expect(right.rows[0]!.results.map((r) => r.quantity)).toEqual(['regime', 'S']);
    const wrong = compareResults(row(`above-threshold,${s}`), { rtol: '1e-20', atol: '1e-25' });
    expect(wrong.failed).toBe(1);
    expect(wrong.rows[0]!.results[0]).toMatchObject({ quantity: 'regime', pass: false, ours: 'below-threshold' });
    expect(() => compareResults(row(`ABOVE-threshold-garbage,${s}`), { rtol: '1e-20', atol: '1e-25' })).toThrow(
      /line 2, column 6 \(regime\): "ABOVE-threshold-garbage" is not a regime/,
    );
  });
  it('an empty cell is named in the report', () => {
    const c = compareResults(`model,delta,chi,nbar,mu,S,logNegativity\nmodulated,30,25,5,5,${s},\n`, { rtol: '1e-20', atol: '1e-25' });
    expect(c.rows[0]!.notes).toContain('logNegativity is empty: not compared');
    expect(comparisonText(c)).toContain('note: logNegativity is empty: not compared');
  });
  it('a quote inside an unquoted field is malformed; a quoted field may hold a line break', () => {
    expect(() => compareResults(row(`below-threshold,0.717695687"32441857885292603"92494`), { rtol: '1', atol: '1' })).toThrow(MalformedInputError);
    const multiline = `name,model,delta,chi,nbar,mu,S\n"two\nlines",modulated,30,25,5,5,${s}\n`;
    expect(compareResults(multiline, { rtol: '1e-20', atol: '1e-25' }).rows[0]!.name).toBe('two\nlines');
  });
  it('a 500-digit value, as reference --digits 500 writes, is read', () => {
    const long = new Decimal(s).toSignificantDigits(40).toFixed(500);
    expect(compareResults(row(`below-threshold,${long}`), { rtol: '1e-20', atol: '1e-25' }).failed).toBe(0);
  });
  it('a tolerance beyond double range is refused, not turned into Inf·0 = NaN', () => {
    expect(() => compareResults(row(`below-threshold,${s}`), { rtol: '1e99999999999999999', atol: '0' })).toThrow(
      /rtol = 1e99999999999999999: a finite non-negative number/,
    );
  });
  it('the time is bounded: rows past the limit fail, each with that reason, none is dropped', () => {
    const c = compareResults(`model,delta,chi,nbar,mu,S\nmodulated,30,25,5,5,${s}\nmodulated,30,25,5,5,${s}\n`, { rtol: '1e-20', atol: '1e-25', timeLimit: 0 });
    expect(c.rows).toHaveLength(2);
    expect(c.failed).toBe(2);
    expect(c.rows.every((r) => r.results[0]!.note?.startsWith('not computed: past the time limit of 0 s'))).toBe(true);
  });
});
