/**
 * LaTeX of mathematics written in Unicode, as the ledger's transcriptions and the engine's
 * symbol names are (X₊, V_X±², √(2γ), a†b†, ⟨[A, H̃]⟩, [[−γ, 0], [0, −γ]]). It is a typesetting
 * of the text character by character, never a retyping: ₊ is a subscript, ² a superscript,
 * † a dagger on the atom before it, a [[…], […]] a matrix.
 */

const GREEK: Readonly<Record<string, string>> = {
  α: 'alpha',
  β: 'beta',
  γ: 'gamma',
  δ: 'delta',
  ε: 'epsilon',
  ζ: 'zeta',
  η: 'eta',
  θ: 'theta',
  κ: 'kappa',
  λ: 'lambda',
  μ: 'mu',
  µ: 'mu',
  ν: 'nu',
  ξ: 'xi',
  π: 'pi',
  ρ: 'rho',
  σ: 'sigma',
  τ: 'tau',
  φ: 'phi',
  χ: 'chi',
  ψ: 'psi',
  ω: 'omega',
  Γ: 'Gamma',
  Δ: 'Delta',
  '∆': 'Delta',
  Θ: 'Theta',
  Λ: 'Lambda',
  Ξ: 'Xi',
  Π: 'Pi',
  Σ: 'Sigma',
  Φ: 'Phi',
  Ψ: 'Psi',
  Ω: 'Omega',
};
const SUBSCRIPT: Readonly<Record<string, string>> = {
  '₀': '0',
  '₁': '1',
  '₂': '2',
  '₃': '3',
  '₄': '4',
  '₅': '5',
  '₆': '6',
  '₇': '7',
  '₈': '8',
  '₉': '9',
  '₊': '+',
  '₋': '-',
  '₍': '(',
  '₎': ')',
};
const SUPERSCRIPT: Readonly<Record<string, string>> = {
  '⁰': '0',
  '¹': '1',
  '²': '2',
  '³': '3',
  '⁴': '4',
  '⁵': '5',
  '⁶': '6',
  '⁷': '7',
  '⁸': '8',
  '⁹': '9',
  '⁻': '-',
  '⁺': '+',
  ᵀ: 'T',
  '†': '\\dagger',
};
const SYMBOL: Readonly<Record<string, string>> = {
  '−': '-',
  '–': '-',
  '±': '\\pm',
  '∓': '\\mp',
  '·': '\\cdot',
  '×': '\\times',
  '≪': '\\ll',
  '≫': '\\gg',
  '≠': '\\neq',
  '≈': '\\approx',
  '≤': '\\leq',
  '≥': '\\geq',
  '→': '\\to',
  '↔': '\\leftrightarrow',
  '∝': '\\propto',
  '∈': '\\in',
  '∋': '\\ni',
  '∞': '\\infty',
  '…': '\\ldots',
  '⟨': '\\langle',
  '½': '\\tfrac{1}{2}',
  '∂': '\\partial',
  '∑': '\\sum',
  '√': '\\surd',
  '°': '^{\\circ}',
  '{': '\\{',
  '}': '\\}',
  '&': '\\&',
  '%': '\\%',
  '#': '\\#',
  $: '\\$',
  '~': '\\sim',
  '\\': '\\backslash',
  _: '\\_',
  '✓': '\\checkmark',
  '∅': '\\emptyset',
  '⊗': '\\otimes',
  '‖': '\\|',
  '′': "'",
};
const FUNCTIONS = new Set(['sin', 'cos', 'tan', 'exp', 'ln', 'log', 'det', 'tr', 'max', 'min', 'Re', 'Im', 'arctan', 'sinh', 'cosh', 'tanh']);
/** Letters whose run reads as a product of symbols (ab, dt, dW), not as an English word. */
const SHORT = 3;

/** Words of prose beyond which a text is prose quoting the paper, not an equation. */
const PROSE_WORDS = 4;

function proseWords(text: string): string[] {
  const outsideQuotes = text.replace(/"[^"]*"|“[^”]*”/g, '');
  return (outsideQuotes.match(/[A-Za-z]+/g) ?? []).filter((w) => w.length >= SHORT && !FUNCTIONS.has(w) && !/^[A-Z]+$/.test(w));
}

/** Whether a transcription is prose (a quoted sentence) rather than mathematics to typeset. */
export function isProse(text: string): boolean {
  return proseWords(text).length > PROSE_WORDS;
}

const textEscape = (s: string) => s.replace(/[\\{}$&#%_^~]/g, (c) => `\\${c === '\\' ? 'backslash ' : c}`);

/** Index of the bracket that closes the one at `open`. */
function closing(s: string, open: number, left: string, right: string): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === left) depth++;
    else if (s[i] === right && --depth === 0) return i;
  }
  return -1;
}

/** Splits at top-level occurrences of a separator (outside every bracket). */
export function splitTopLevel(s: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if ('([⟨{'.includes(c)) depth++;
    else if (')]⟩}'.includes(c)) depth--;
    else if (depth === 0 && s.startsWith(separator, i)) {
      parts.push(s.slice(start, i));
      start = i + separator.length;
    }
  }
  parts.push(s.slice(start));
  return parts;
}

/** The rows of a `[[a, b], [c, d]]` matrix, or undefined when the brackets hold something else. */
function matrixRows(inner: string): string[][] | undefined {
  const rows = splitTopLevel(inner, ',').map((r) => r.trim());
  if (!rows.every((r) => r.startsWith('[') && closing(r, 0, '[', ']') === r.length - 1)) return undefined;
  return rows.map((r) => splitTopLevel(r.slice(1, -1), ',').map((c) => c.trim()));
}

/** A quotation of the paper's words: text, with the mathematical words in it typeset. */
function quotedLatex(quoted: string): string {
  const words = quoted.split(' ').map((w) => (/^[\x20-\x7e]*$/.test(w) ? `\\text{${textEscape(w)}}` : unicodeLatex(w)));
  return `\\text{“}${words.join('\\ ')}\\text{”}`;
}

/** The LaTeX of a printed transcription, or undefined when it is prose (shown as a quotation instead). */
export function printedLatex(text: string): string | undefined {
  return isProse(text) ? undefined : unicodeLatex(text);
}

/** LaTeX (math mode, no delimiters) of Unicode mathematics. */
export function unicodeLatex(text: string): string {
  const out: string[] = [];
  let i = 0;
  let atomEnd = false;
  /** Subscripts and superscripts gathered for the atom just written, flushed as one group each. */
  let sub: string[] = [];
  let sup: string[] = [];
  const flush = () => {
    if (sub.length > 0) out.push(`_{${sub.join('')}}`);
    if (sup.length > 0) out.push(`^{${sup.join(' ')}}`);
    sub = [];
    sup = [];
  };
  const atom = (latex: string) => {
    flush();
    out.push(latex);
    atomEnd = true;
  };
  while (i < text.length) {
    const c = text[i]!;
    const rest = text.slice(i);
    if (c === '"' || c === '“') {
      const end = text.indexOf(c === '"' ? '"' : '”', i + 1);
      const quoted = end < 0 ? text.slice(i + 1) : text.slice(i + 1, end);
      atom(quotedLatex(quoted));
      i = end < 0 ? text.length : end + 1;
      continue;
    }
    if (rest.startsWith('->')) {
      flush();
      out.push('\\to ');
      atomEnd = false;
      i += 2;
      continue;
    }
    if (rest.startsWith('[[')) {
      const end = closing(text, i, '[', ']');
      const rows = end > 0 ? matrixRows(text.slice(i + 1, end)) : undefined;
      if (rows) {
        atom(`\\begin{bmatrix} ${rows.map((r) => r.map(unicodeLatex).join(' & ')).join(' \\\\ ')} \\end{bmatrix}`);
        i = end + 1;
        continue;
      }
    }
    if (c === '√') {
      if (text[i + 1] === '(') {
        const end = closing(text, i + 1, '(', ')');
        if (end > 0) {
          atom(`\\sqrt{${unicodeLatex(text.slice(i + 2, end))}}`);
          i = end + 1;
          continue;
        }
      }
      const operand = /^√([0-9]+|[A-Za-zα-ωΓ-Ω])/.exec(rest);
      if (operand) {
        atom(`\\sqrt{${unicodeLatex(operand[1]!)}}`);
        i += operand[0].length;
        continue;
      }
    }
    if (atomEnd && c === '\u0303' && sub.length === 0 && sup.length === 0) {
      out.push(`\\tilde{${out.pop()}}`);
      i++;
      continue;
    }
    if (atomEnd && SUBSCRIPT[c] !== undefined) {
      sub.push(SUBSCRIPT[c]!);
      i++;
      continue;
    }
    if (atomEnd && SUPERSCRIPT[c] !== undefined) {
      sup.push(SUPERSCRIPT[c]!);
      i++;
      continue;
    }
    if (atomEnd && c === '^') {
      const group = text[i + 1] === '(' ? closing(text, i + 1, '(', ')') : -1;
      const plain = /^\^(-?[0-9A-Za-z]+)/.exec(rest);
      if (group > 0) {
        sup.push(unicodeLatex(text.slice(i + 2, group)));
        i = group + 1;
        continue;
      }
      if (plain) {
        sup.push(plain[1]!);
        i += plain[0].length;
        continue;
      }
    }
    if (atomEnd && c === '_') {
      const word = /^_([A-Za-z0-9]+|[α-ωΓ-Ω])([±∓₊₋]?)/.exec(rest);
      if (word) {
        const [, name, sign] = word;
        const body = /^[A-Za-z]{2,}$/.test(name!) ? `\\mathrm{${name}}` : unicodeLatex(name!);
        sub.push(sign ? `${body}_{${SYMBOL[sign] ?? SUBSCRIPT[sign]}}` : body);
        i += word[0].length;
        continue;
      }
    }
    // ± and ∓ right after a Latin capital label it (X±, C±, X±Y±), as the paper's subscripts do; elsewhere (Δ∓χ) they are operators.
    if (atomEnd && (c === '±' || c === '∓') && sub.length === 0 && /^[A-Z]$/.test(out[out.length - 1] ?? '')) {
      sub.push(SYMBOL[c]!);
      i++;
      continue;
    }
    if (atomEnd && sub.length > 0 && /^in(?![A-Za-z])/.test(rest)) {
      sub.push(',\\mathrm{in}');
      i += 2;
      continue;
    }
    const word = /^[A-Za-z]+/.exec(rest);
    if (word) {
      const w = word[0];
      if (FUNCTIONS.has(w)) atom(`\\${['Re', 'Im'].includes(w) ? `operatorname{${w}}` : w} `);
      else if (w.length >= SHORT && /^[a-z]/.test(w)) atom(`\\text{ ${w} }`);
      else if (w.length >= 2 && /^[A-Z]+$/.test(w)) atom(`\\mathrm{${w}}`);
      else {
        for (const letter of w.slice(0, -1)) atom(letter);
        atom(w.slice(-1));
      }
      i += w.length;
      continue;
    }
    if (/[0-9.]/.test(c)) {
      const n = /^[0-9]+(?:\.[0-9]+)?/.exec(rest)?.[0] ?? c;
      atom(n);
      i += n.length;
      continue;
    }
    if (GREEK[c] !== undefined) {
      atom(`\\${GREEK[c]} `);
      i++;
      continue;
    }
    if (c === 'ħ') {
      atom('\\hbar ');
      i++;
      continue;
    }
    if (c === ')' || c === ']' || c === '⟩') {
      flush();
      out.push(c === '⟩' ? '\\rangle ' : c);
      atomEnd = true;
      i++;
      continue;
    }
    flush();
    atomEnd = false;
    if (c === ' ') out.push(' ');
    // A macro needs a space before a following letter; a plain sign does not.
    else if (SYMBOL[c] !== undefined) out.push(/[A-Za-z]$/.test(SYMBOL[c]!) ? `${SYMBOL[c]!} ` : SYMBOL[c]!);
    else if (/[\x20-\x7e]/.test(c)) out.push(c);
    else out.push(`\\text{${c}}`);
    i++;
  }
  flush();
  // A macro's separating space is needed only before a letter.
  return out
    .join('')
    .replace(/\s+/g, ' ')
    .replace(/(\\[A-Za-z]+) (?=[_^)\],;:/])/g, '$1')
    .trim();
}
