/**
 * The ledger as one self-contained HTML page: every claim with the printed and the derived form
 * typeset by KaTeX on the server (readable without a script), the difference or the reason set
 * apart, the engines that agreed, the assumptions it rests on, and Figure 2 beside the claims that
 * cite it. KaTeX's stylesheet and fonts are inlined; nothing is fetched. The filters and the search
 * box are a small script over markup that shows everything without it.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import katex from 'katex';
import type { AssumptionResult, ClaimResult, Status } from '../claim.ts';
import { describeChange, type VerdictChange } from '../expected.ts';
import { CONVENTIONS } from '../../models/conventions.ts';
import { isProse, splitTopLevel, unicodeLatex } from '../../render/unicodeLatex.ts';
import { disagreedClaims, summaryCounts } from './text.ts';
import { escapeMarkup } from './markup.ts';

export interface HtmlReport {
  readonly results: readonly ClaimResult[];
  readonly assumptions: readonly AssumptionResult[];
  readonly changes: readonly VerdictChange[];
  /** The witnesses consulted besides the exact engine. */
  readonly witnesses: readonly string[];
  readonly version: string;
  /** The git commit of the checkout, or a phrase saying there is none. */
  readonly commit: string;
  /** Figure 2 and its alternatives as SVG documents, with what each shows. */
  readonly figures: ReadonlyArray<{ readonly id: string; readonly caption: string; readonly svg: string }>;
}

const STATUSES: readonly Status[] = ['verified', 'convention', 'erratum', 'unchecked'];

/** Typeset LaTeX; a LaTeX error shows as KaTeX's red error node (the browser test looks for them). */
function tex(latex: string): string {
  return katex.renderToString(latex, { throwOnError: false, output: 'htmlAndMathml', strict: 'ignore' });
}

/** The derived form line by line (its parts are separated by "; "), engine values typeset. */
function derivedHtml(r: ClaimResult): string {
  if (r.verdict.derived === '') return '<p class="none">nothing derived</p>';
  const lines: string[][] = [[]];
  for (const p of r.verdict.derivedMath ?? [{ text: r.verdict.derived }]) {
    if (p.latex !== undefined) {
      lines[lines.length - 1]!.push(tex(p.latex));
      continue;
    }
    p.text.split('; ').forEach((part, k) => {
      if (k > 0) lines.push([]);
      lines[lines.length - 1]!.push(escapeMarkup(part));
    });
  }
  const boxed = (r.verdict.derivedMath ?? []).some((p) => p.latex?.includes('\\boxed') === true);
  return (
    lines.map((l) => `<p>${l.join('')}</p>`).join('') +
    (boxed ? '<p class="legend">Boxed: the entries where the derived form differs from the printed one.</p>' : '')
  );
}

/** The printed form typeset, one display line per ";"-separated equation; prose stays a quotation. */
function printedHtml(text: string): string {
  if (isProse(text)) return `<blockquote>${escapeMarkup(text)}</blockquote>`;
  // Inline (not display) mode lets KaTeX break a long equation after its relations and operators.
  return splitTopLevel(text, ';')
    .map((part) => `<p class="math">${tex(`\\displaystyle ${unicodeLatex(part.trim())}`)}</p>`)
    .join('');
}

function differenceHtml(r: ClaimResult): string {
  const v = r.verdict;
  const [label, text] =
    v.status === 'erratum'
      ? ['Erratum: what follows', v.consequence]
      : v.status === 'convention'
        ? ['Convention', v.convention]
        : v.status === 'unchecked'
          ? ['Why unchecked', v.reason]
          : [undefined, undefined];
  const notes = (v.evidence.notes ?? []).map((n) => `<li>${escapeMarkup(n)}</li>`).join('');
  return [
    label === undefined ? '' : `<div class="difference ${v.status}"><strong>${label}.</strong> ${escapeMarkup(text!)}</div>`,
    notes === '' ? '' : `<ul class="notes">${notes}</ul>`,
  ].join('');
}

function enginesHtml(r: ClaimResult): string {
  const engines = r.verdict.evidence.engines;
  if (engines.length === 0) return '';
  const items = engines.map(
    (e) =>
      `<li class="${e.agreed ? 'agreed' : 'disagreed'}"><span class="mark">${e.computed ? '= computed' : e.agreed ? '✓ agreed' : '✗ disagreed'}</span> <code>${escapeMarkup(e.engine)}</code>${e.detail ? `: ${escapeMarkup(e.detail)}` : ''}</li>`,
  );
  return `<details class="engines"><summary>Engines and witnesses (${engines.filter((e) => e.agreed && !e.computed).length} of ${engines.filter((e) => !e.computed).length} agreed${r.verdict.evidence.digits ? `; routes agree to ${r.verdict.evidence.digits} digits` : ''})</summary><ul>${items.join('')}</ul></details>`;
}

/** The assumptions a claim rests on, by the ids its record names. */
function assumptionsOf(r: ClaimResult, assumptions: readonly AssumptionResult[]): AssumptionResult[] {
  return assumptions.filter((a) => r.assumptions.includes(a.id));
}

const citesFigure2 = (r: ClaimResult) => /Figure 2/.test(`${r.equation} ${r.printed} ${r.statement}`);

function claimHtml(r: ClaimResult, assumptions: readonly AssumptionResult[]): string {
  const v = r.verdict;
  const rests = assumptionsOf(r, assumptions);
  const links = [
    ...rests.map((a) => `<a href="#assumption-${escapeMarkup(a.id)}">assumption ${escapeMarkup(a.id)}</a>`),
    ...(citesFigure2(r) ? ['<a href="#figure2">Figure 2</a>'] : []),
  ];
  const search = `${r.id} ${r.equation} ${r.statement} ${r.printed} ${v.derived}`.toLowerCase();
  return `<article class="claim" id="${escapeMarkup(r.id)}" data-status="${v.status}" data-section="${escapeMarkup(r.section)}" data-search="${escapeMarkup(search)}">
<h3><a class="anchor" href="#${escapeMarkup(r.id)}">${escapeMarkup(r.id)}</a> <span class="equation">${escapeMarkup(r.equation)}</span> <span class="badge ${v.status}">${v.status}</span></h3>
<p class="statement">${escapeMarkup(r.statement)}</p>
<div class="forms"><section aria-label="printed" tabindex="0"><h4>Printed</h4>${printedHtml(r.printed)}</section><section aria-label="derived" tabindex="0"><h4>Derived</h4>${derivedHtml(r)}</section></div>
${differenceHtml(r)}${enginesHtml(r)}${links.length > 0 ? `<p class="rests">Rests on: ${links.join(', ')}</p>` : ''}
<p class="reproduce">Reproduce: <code>npx detuned-paramp verify --only ${escapeMarkup(r.id)}</code></p>
</article>`;
}

/** KaTeX's stylesheet with its WOFF2 fonts as data URIs (the other formats dropped): no file beside the page. */
function katexCss(): string {
  const dist = dirname(createRequire(import.meta.url).resolve('katex/dist/katex.min.css'));
  const css = readFileSync(join(dist, 'katex.min.css'), 'utf8');
  return css.replace(
    /src:url\(fonts\/([^)]+\.woff2)\) format\("woff2"\)(?:,url\([^)]+\) format\("[^"]+"\))*/g,
    (_, font: string) => `src:url(data:font/woff2;base64,${readFileSync(join(dist, 'fonts', font)).toString('base64')}) format("woff2")`,
  );
}

const STYLE = `
:root{color-scheme:light;--fg:#1b1b1b;--muted:#555;--line:#d0d0d0;--verified:#1a6e2e;--convention:#1f4f8f;--erratum:#a1161b;--unchecked:#6b5200}
body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--fg);margin:0;background:#fff}
header,main,nav.filters{max-width:1100px;margin:0 auto;padding:0 1rem}
header{padding-top:1rem}h1{font-size:1.6rem;margin:.3rem 0}
.meta{color:var(--muted)}.counts{display:flex;gap:.5rem;flex-wrap:wrap;padding:0;list-style:none}
.badge{display:inline-block;border-radius:.8rem;padding:0 .6rem;color:#fff;font-size:.85rem;font-weight:600;vertical-align:middle}
.badge.verified{background:var(--verified)}.badge.convention{background:var(--convention)}.badge.erratum{background:var(--erratum)}.badge.unchecked{background:var(--unchecked)}
nav.filters{position:sticky;top:0;background:#fafafa;border-bottom:1px solid var(--line);padding:.5rem 1rem;z-index:2}
nav.filters fieldset{display:inline-block;border:0;margin:0 1rem 0 0;padding:0}nav.filters legend{float:left;margin-right:.4rem;font-weight:600}
.claim{border:1px solid var(--line);border-radius:6px;padding:.6rem 1rem;margin:1rem 0;scroll-margin-top:6rem}
.claim:target{outline:3px solid #e0a800}
.claim h3{margin:.2rem 0;font-size:1.1rem}.anchor{font-family:ui-monospace,monospace}.equation{color:var(--muted);font-weight:400}
.forms{display:grid;grid-template-columns:1fr 1fr;gap:1rem}.forms h4{margin:.3rem 0;font-size:.85rem;text-transform:uppercase;color:var(--muted)}
.forms section{overflow-x:auto;min-width:0}.forms section:focus-visible{outline:2px solid #1f4f8f}blockquote{margin:0;padding-left:.8rem;border-left:3px solid var(--line)}
.difference{border-left:5px solid;padding:.4rem .8rem;margin:.6rem 0;background:#fff8e1}
.difference.erratum{border-color:var(--erratum);background:#fdecec}.difference.convention{border-color:var(--convention);background:#eaf1fb}.difference.unchecked{border-color:var(--unchecked)}
.engines li.disagreed{color:var(--erratum);font-weight:600}.engines .mark{font-weight:600}.agreed .mark{color:var(--verified)}
.legend{font-size:.9rem;color:var(--erratum)}.rests,.reproduce{font-size:.9rem;color:var(--muted);margin:.3rem 0}
figure{margin:1rem 0}figure img{max-width:100%;height:auto;border:1px solid var(--line)}
@media (max-width:800px){.forms{grid-template-columns:1fr}}
`;

/** Filters and search: they only set `hidden`; without this script every claim stays visible. */
const SCRIPT = `
(() => {
  const form = document.getElementById('filters');
  form.hidden = false;
  const claims = [...document.querySelectorAll('article.claim')];
  const apply = () => {
    const statuses = new Set([...form.querySelectorAll('input[name=status]:checked')].map((i) => i.value));
    const section = form.elements.section.value;
    const words = form.elements.search.value.toLowerCase().split(/\\s+/).filter(Boolean);
    let shown = 0;
    for (const c of claims) {
      const visible = statuses.has(c.dataset.status) && (section === '' || c.dataset.section === section) && words.every((w) => c.dataset.search.includes(w));
      c.hidden = !visible;
      if (visible) shown++;
    }
    for (const s of document.querySelectorAll('section.ledger-section')) s.hidden = !s.querySelector('article.claim:not([hidden])');
    document.getElementById('shown').textContent = shown + ' of ' + claims.length + ' claims shown';
  };
  form.addEventListener('input', apply);
  form.addEventListener('submit', (e) => e.preventDefault());
  apply();
})();
`;

export function renderHtml(report: HtmlReport): string {
  const { results, assumptions } = report;
  const counts = summaryCounts(results);
  const sections = [...new Set(results.map((r) => r.section))];
  const disagreements = disagreedClaims(results);
  const body = sections.map((section) => {
    const claims = results.filter((r) => r.section === section);
    return `<section class="ledger-section" aria-label="${escapeMarkup(section)}"><h2>${escapeMarkup(section)}</h2>\n${claims.map((r) => claimHtml(r, assumptions)).join('\n')}</section>`;
  });
  const changes = report.changes.map((c) => `<li><a href="#${escapeMarkup(c.id)}">${escapeMarkup(c.id)}</a>: ${escapeMarkup(describeChange(c))}</li>`);
  const figures = report.figures.map(
    (f) =>
      `<figure id="${escapeMarkup(f.id)}"><img src="data:image/svg+xml;base64,${Buffer.from(f.svg).toString('base64')}" alt="${escapeMarkup(f.caption)}"><figcaption>${escapeMarkup(f.caption)}</figcaption></figure>`,
  );
  const citing = results.filter(citesFigure2).map((r) => `<a href="#${escapeMarkup(r.id)}">${escapeMarkup(r.id)}</a>`);
  const assumptionItems = assumptions.map(
    (a) =>
      `<article class="assumption" id="assumption-${escapeMarkup(a.id)}"><h3>${escapeMarkup(a.id)} <span class="equation">${escapeMarkup(a.where)}</span></h3><p>${escapeMarkup(a.question)}</p><p><strong>Chosen:</strong> ${escapeMarkup(a.chosen)}</p><ul>${a.alternatives.map((alt) => `<li><strong>${escapeMarkup(alt.label)}:</strong> ${escapeMarkup(alt.effect)}</li>`).join('')}</ul></article>`,
  );
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>detuned-paramp audit: ${results.length} claims, ${counts.erratum} errata</title>
<style>${katexCss()}</style>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>Audit of “Mechanical entanglement via detuned parametric amplification”</h1>
<p class="meta">A. Szorkovszky, A. A. Clerk, A. C. Doherty, W. P. Bowen, New J. Phys. 16, 063043 (2014), arXiv:1402.6392. Every printed equation re-derived from the Hamiltonians and the master equation by detuned-paramp ${escapeMarkup(report.version)}, commit <code>${escapeMarkup(report.commit)}</code>.</p>
<ul class="counts" aria-label="summary">${STATUSES.map((s) => `<li><span class="badge ${s}">${counts[s] ?? 0} ${s}</span></li>`).join('')}<li>${results.length} claims</li></ul>
<p>${disagreements.length > 0 ? `Witnesses disagreed on: ${disagreements.map((r) => `<a href="#${escapeMarkup(r.id)}">${escapeMarkup(r.id)}</a>`).join(', ')}.` : report.witnesses.length > 0 ? `Every witness consulted (${escapeMarkup(report.witnesses.join(', '))}) agreed with the exact engine.` : 'No witness consulted: the exact engine alone.'}
${changes.length > 0 ? `</p><p><strong>Verdicts that differ from the expected ones:</strong></p><ul>${changes.join('')}</ul><p>` : ' Every verdict is the one expected.'}</p>
<details><summary>Conventions</summary><ul>${Object.entries(CONVENTIONS)
    .map(([k, v]) => `<li><strong>${escapeMarkup(k)}:</strong> ${escapeMarkup(v)}</li>`)
    .join('')}</ul></details>
<p><a href="#figure2">Figure 2</a> · <a href="#assumptions">Assumptions</a></p>
</header>
<nav class="filters" aria-label="filters">
<form id="filters" hidden>
<fieldset><legend>Status</legend>${STATUSES.map((s) => `<label><input type="checkbox" name="status" value="${s}" checked> ${s}</label>`).join(' ')}</fieldset>
<label>Section <select name="section"><option value="">all sections</option>${sections.map((s) => `<option>${escapeMarkup(s)}</option>`).join('')}</select></label>
<label>Search <input type="search" name="search" placeholder="id, symbol or word"></label>
<output id="shown" aria-live="polite"></output>
</form>
</nav>
<main>
${body.join('\n')}
<section id="figure2" aria-label="Figure 2"><h2>Figure 2</h2>
<p>Computed by <code>detuned-paramp figure2</code> (the shipped plots; regenerate with <code>npx detuned-paramp figure2 --out figures</code>). ${citing.length > 0 ? `Cited by ${citing.join(', ')}.` : 'No claim of this selection cites it.'}</p>
${figures.join('\n')}
</section>
<section id="assumptions" aria-label="Assumptions"><h2>Assumptions</h2><p>What the paper leaves open: the choice made, and each alternative with its effect.</p>
${assumptionItems.join('\n')}
</section>
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
