/** The reports a person reads: the Unicode-to-LaTeX typesetting, engine values kept as values, the Markdown math, the job summary, the HTML page's structure. */
import { changedVerdicts } from '../src/verify/expected.ts';
import { describe, expect, it } from 'vitest';
import { isProse, unicodeLatex } from '../src/render/unicodeLatex.ts';
import { latexOperator } from '../src/render/latex.ts';
import { q } from '../src/exact/rationalFunction.ts';
import { Operator } from '../src/operators/operator.ts';
import { ladder, sym } from '../src/paper/symbols.ts';
import { joinMath, mathText, matrixWithDifferences } from '../src/verify/mathText.ts';
import { verifiedOrErratum } from '../src/verify/verdicts.ts';
import type { ClaimResult } from '../src/verify/claim.ts';
import { renderMarkdown, renderStepSummary } from '../src/verify/report/markdown.ts';
import { renderHtml } from '../src/verify/report/html.ts';

describe('Unicode mathematics to LaTeX', () => {
  it('typesets subscripts, superscripts, daggers with powers, roots, tildes and ħ', () => {
    expect(unicodeLatex('X₊ = (X₁ + X₂)/√2')).toBe('X_{+} = (X_{1} + X_{2})/\\sqrt{2}');
    expect(unicodeLatex('√(2γ)')).toBe('\\sqrt{2\\gamma}');
    expect(unicodeLatex('a² − a†² + b†')).toBe('a^{2} - a^{\\dagger 2} + b^{\\dagger}');
    expect(unicodeLatex('H̃ = ħχ')).toBe('\\tilde{H} = \\hbar \\chi');
    expect(unicodeLatex('χ_th = √(γ² + Δ²)')).toBe('\\chi_{\\mathrm{th}} = \\sqrt{\\gamma^{2} + \\Delta^{2}}');
    expect(unicodeLatex('[...]^(1/2)')).toBe('[...]^{1/2}');
    expect(unicodeLatex('(…)ᵀ')).toBe('(\\ldots)^{T}');
    expect(unicodeLatex('H -> H̃')).toBe('H \\to \\tilde{H}');
  });
  it('reads ± after a Latin capital as a label and between quantities as an operator', () => {
    expect(unicodeLatex('V_X±² + C±²')).toBe('V_{X_{\\pm}}^{2} + C_{\\pm}^{2}');
    expect(unicodeLatex('X±Y± + Δ∓χ')).toBe('X_{\\pm}Y_{\\pm} + \\Delta \\mp \\chi');
    expect(unicodeLatex('d(X₊in, X±in)')).toBe('d(X_{+,\\mathrm{in}}, X_{\\pm,\\mathrm{in}})');
  });
  it('typesets [[…], […]] as a matrix and a quotation as text', () => {
    expect(unicodeLatex('M = [[−γ, Δ∓χ], [0, −γ]]')).toBe('M = \\begin{bmatrix} -\\gamma & \\Delta \\mp \\chi \\\\ 0 & -\\gamma \\end{bmatrix}');
    expect(unicodeLatex('[X₊, Y₊] = i ("the two")')).toBe('[X_{+}, Y_{+}] = i (\\text{“}\\text{the}\\ \\text{two}\\text{”})');
  });
  it('tells prose from an equation', () => {
    expect(isProse('In general, a separability below unity as defined above is a sufficient condition for entanglement.')).toBe(true);
    expect(isProse('S = [√((γ + χ sin 2α)² + 4γ² SNR) − γ − χ sin 2α]/(2ημ)')).toBe(false);
    expect(isProse('[X₊, Y₊] = [X₋, Y₋] = i ("the two non-zero commutators")')).toBe(false);
  });
});

describe('engine values kept as values', () => {
  it('a normal-ordered operator: unit and negative coefficients, sums in parentheses, powers of daggers', () => {
    const { a, ad, b, bd } = ladder;
    expect(latexOperator(ad.mul(a))).toBe('a^{\\dagger} a');
    expect(latexOperator(a.mul(b).scale(q(-1)))).toBe('-a b');
    expect(latexOperator(ad.mul(ad).mul(bd).scale(sym.chi.add(sym.Delta)))).toBe('\\left(\\Delta + \\chi\\right) a^{\\dagger 2} b^{\\dagger}');
    expect(latexOperator(Operator.scalar(q(1, 2)).add(ad.mul(a).scale(sym.gamma.neg())))).toMatch(
      /^(\\frac\{1\}\{2\} - \\gamma a\^\{\\dagger\} a|-\\gamma a\^\{\\dagger\} a \+ \\frac\{1\}\{2\})$/,
    );
    expect(latexOperator(Operator.ZERO)).toBe('0');
  });
  it('mathText reads as the untagged template and keeps each value with its LaTeX', () => {
    const m = [
      [sym.gamma.neg(), q(0)],
      [q(0), sym.gamma.neg()],
    ];
    const t = mathText`D = ${m}, rate ${sym.chi.mul(q(2))}, ${'word'} ${3}`;
    expect(String(t)).toBe(`D = [[${sym.gamma.neg()}, 0], [0, ${sym.gamma.neg()}]], rate ${sym.chi.mul(q(2))}, word 3`);
    expect(t.pieces.filter((p) => p.latex !== undefined).map((p) => p.latex)).toEqual([
      '\\begin{bmatrix} -\\gamma & 0 \\\\ 0 & -\\gamma \\end{bmatrix}',
      '2 \\chi',
    ]);
    const joined = joinMath([sym.chi, mathText`x ${sym.gamma}`], '; ');
    expect(String(joined)).toBe(`${sym.chi}; x ${sym.gamma}`);
    expect(joined.pieces.map((p) => p.latex ?? p.text)).toEqual(['\\chi', '; x ', '\\gamma']);
  });
  it('a derived matrix boxes the entries that differ from the printed one, its text unchanged', () => {
    const m = [
      [sym.gamma.neg(), q(1)],
      [q(0), sym.gamma.neg()],
    ];
    const t = matrixWithDifferences(m, [{ i: 0, j: 1 }]);
    expect(String(t)).toBe(String(mathText`${m}`));
    expect(t.pieces[0]!.latex).toBe('\\begin{bmatrix} -\\gamma & \\boxed{\\textstyle 1} \\\\ 0 & -\\gamma \\end{bmatrix}');
  });
  it('a verdict keeps the pieces only when a value was kept', () => {
    expect(verifiedOrErratum({ holds: true, derived: 'plain', reports: [] }, '').derivedMath).toBeUndefined();
    expect(verifiedOrErratum({ holds: true, derived: mathText`χ = ${sym.chi}`, reports: [] }, '').derivedMath?.length).toBe(2);
  });
});

const erratum: ClaimResult = {
  id: 'eq2.chi',
  equation: '(2), text',
  section: '2. Model one',
  statement: 'χ = g/(2mω_m).',
  printed: 'χ = g/(2 m ω_m)',
  expected: { status: 'erratum', reason: 'by hand, the RWA keeps half of the cosine' },
  assumptions: ['frame-zero-point'],
  seconds: 0.01,
  verdict: {
    status: 'erratum',
    derived: 'χ = 1/4*g',
    derivedMath: [{ text: 'χ = ' }, { text: '1/4*g', latex: '\\frac{1}{4} g' }],
    consequence: 'every χ is twice too large',
    evidence: { engines: [{ engine: 'exact', agreed: true }] },
  },
};
const prose: ClaimResult = {
  id: 'figure2-caption',
  equation: 'Figure 2',
  section: '4. Figure 2',
  statement: 'Figure 2 dips below 1.',
  printed: 'Separability S as a function of measurement strength for two values of the drive strength',
  expected: { status: 'verified', reason: 'the closed form dips below 1' },
  assumptions: ['figure2-detuning'],
  seconds: 0.01,
  verdict: {
    status: 'verified',
    derived: 'least S = 0.7153',
    evidence: {
      engines: [
        { engine: 'closed-form', agreed: true },
        { engine: 'nerdamer', agreed: false, detail: 'no' },
      ],
    },
  },
};

describe('expected verdicts', () => {
  it('a verdict other than the one its claim expects is a change, named with the reason a person wrote', () => {
    expect(changedVerdicts([erratum, prose])).toEqual([]);
    const flipped = { ...erratum, verdict: { ...prose.verdict } };
    expect(changedVerdicts([flipped, prose])).toEqual([
      { id: 'eq2.chi', expected: 'erratum', expectedReason: 'by hand, the RWA keeps half of the cosine', now: 'verified' },
    ]);
  });
  it('every claim of the paper expects a verdict, with a one-line reason', async () => {
    const { claims } = await import('../proofs/index.ts');
    for (const c of claims) expect(c.expected.reason.length, c.id).toBeGreaterThan(20);
    for (const c of claims) expect(c.expected.reason, c.id).not.toMatch(/\n/);
  });
});

describe('Markdown and the job summary', () => {
  it('VERIFICATION.md typesets the errata in GitHub math, the words left as words', () => {
    const md = renderMarkdown([erratum, prose], []);
    expect(md).toContain('- printed: $`\\chi = g/(2 m \\omega_{m})`$');
    expect(md).toContain('- derived: χ = $`\\frac{1}{4} g`$');
  });
  it('the step summary has the counts, each erratum with what follows, changed verdicts and disagreements', () => {
    const s = renderStepSummary([erratum, prose], [{ id: 'figure2-caption', expected: 'erratum', expectedReason: 'a reason', now: 'verified' }]);
    expect(s).toContain('2 claims: 1 verified, 0 convention, 1 erratum, 0 unchecked.');
    expect(s).toContain('| `eq2.chi` | (2), text | every χ is twice too large |');
    expect(s).toContain('- `figure2-caption`: verified now, expected erratum (a reason)');
    expect(s).toContain('**Witnesses disagreed on:** `figure2-caption`');
    expect(renderStepSummary([prose], [])).toContain('Every verdict is the one expected.');
  });
});

describe('the HTML page, in process', () => {
  const page = renderHtml({
    results: [erratum, prose],
    assumptions: [
      {
        id: 'figure2-detuning',
        where: 'Figure 2, Sections 4 and 7',
        question: 'Which Δ?',
        chosen: 'Δ = √(χ² − γ²)',
        alternatives: [{ label: 'Δ = χ', effect: 'higher S' }],
      },
      { id: 'frame-zero-point', where: '(2), (20)', question: 'Which frame?', chosen: 'with the zero point', alternatives: [] },
      { id: 'c-sign', where: '(12), (13)', question: 'Which sign of C?', chosen: '(13)', alternatives: [] },
    ],
    changes: [],
    witnesses: ['nerdamer'],
    version: '9.9.9',
    commit: 'abc123',
    figures: [{ id: 'figure2-plot', caption: 'Figure 2 as drawn', svg: '<svg xmlns="http://www.w3.org/2000/svg"/>' }],
  });
  it('has every claim as a deep-linkable article with its status, and the header facts', () => {
    expect(page).toContain('<article class="claim" id="eq2.chi" data-status="erratum"');
    expect(page).toContain('<article class="claim" id="figure2-caption" data-status="verified"');
    expect(page).toContain('9.9.9');
    expect(page).toContain('abc123');
    expect(page).toMatch(/<span class="badge erratum">1 erratum<\/span>/);
  });
  it('typesets on the server: KaTeX markup, MathML for screen readers, prose quoted as text', () => {
    expect(page).toContain('class="katex"');
    expect(page).toContain('<math');
    expect(page).toContain('<blockquote>Separability S as a function');
    expect(page).not.toContain('katex-error');
  });
  it('links a claim to the assumptions it rests on and to Figure 2, and sets the difference apart', () => {
    expect(page).toContain('<a href="#assumption-figure2-detuning">assumption figure2-detuning</a>');
    // Linked by the ids the claims name: frame-zero-point from eq2.chi, c-sign from none.
    expect(page).toMatch(/id="eq2\.chi"[\s\S]*?<a href="#assumption-frame-zero-point">[\s\S]*?<\/article>/);
    expect(page).not.toContain('href="#assumption-c-sign"');
    expect(page).toContain('<a href="#figure2">Figure 2</a>');
    expect(page).toContain('<div class="difference erratum"><strong>Erratum: what follows.</strong> every χ is twice too large</div>');
    expect(page).toContain('✗ disagreed</span> <code>nerdamer</code>: no');
  });
  it('fetches nothing: fonts and figures are inlined', () => {
    expect(page).not.toMatch(/<link|src="http|url\(fonts\//);
    expect(page).toMatch(/url\(data:font\/woff2;base64,/);
    expect(page).toContain('<img src="data:image/svg+xml;base64,');
    // The filters are hidden until the script shows them: without it every claim stays visible.
    expect(page).toContain('<form id="filters" hidden>');
  });
});
