/**
 * A derived form as the engine made it: text with the engine's values (exact scalars, matrices,
 * operators) kept as values, so that every report can show each value both as the Unicode text
 * of the terminal table and as LaTeX rendered from its expression tree (src/app/latex.ts).
 *
 *   mathText`D = ${diffusion}` // String(...) is the Unicode text; .pieces keep the LaTeX
 */
import { RationalFunction } from '../exact/rationalFunction.ts';
import type { Matrix } from '../exact/matrix.ts';
import { Operator } from '../operators/operator.ts';
import { latexMatrix, latexOf, latexOperator } from '../render/latex.ts';

export type MathPiece = { readonly text: string; readonly latex?: undefined } | { readonly text: string; readonly latex: string };

export class MathText {
  constructor(readonly pieces: readonly MathPiece[]) {}
  toString(): string {
    return this.pieces.map((p) => p.text).join('');
  }
}

const matrixAsText = (m: Matrix) => `[${m.map((row) => `[${row.map((x) => x.toString()).join(', ')}]`).join(', ')}]`;

const isMatrix = (v: unknown): v is Matrix =>
  Array.isArray(v) && v.length > 0 && v.every((row) => Array.isArray(row) && row.every((x) => x instanceof RationalFunction));

/** The text and LaTeX of one engine value; anything else is text. */
function piecesOf(value: unknown): MathPiece[] {
  if (value instanceof MathText) return [...value.pieces];
  if (value instanceof RationalFunction) return [{ text: value.toString(), latex: latexOf(value) }];
  if (value instanceof Operator) return [{ text: value.toString(), latex: latexOperator(value) }];
  if (isMatrix(value)) return [{ text: matrixAsText(value), latex: latexMatrix(value) }];
  return [{ text: String(value) }];
}

/** Adjacent text pieces merged, empty ones dropped. */
function normalised(pieces: readonly MathPiece[]): MathPiece[] {
  const out: MathPiece[] = [];
  for (const p of pieces) {
    const last = out[out.length - 1];
    if (p.latex === undefined && p.text === '') continue;
    if (p.latex === undefined && last !== undefined && last.latex === undefined) out[out.length - 1] = { text: last.text + p.text };
    else out.push(p);
  }
  return out;
}

/** Tagged template: the interpolated engine values keep their LaTeX. */
export function mathText(strings: TemplateStringsArray, ...values: unknown[]): MathText {
  const pieces: MathPiece[] = [];
  strings.forEach((s, k) => {
    pieces.push({ text: s });
    if (k < values.length) pieces.push(...piecesOf(values[k]));
  });
  return new MathText(normalised(pieces));
}

/** A derived matrix with the entries where it differs from the printed one boxed (the text is the matrix's own). */
export function matrixWithDifferences(m: Matrix, differing: ReadonlyArray<{ readonly i: number; readonly j: number }>): MathText {
  return new MathText([{ text: matrixAsText(m), latex: latexMatrix(m, new Set(differing.map((d) => `${d.i},${d.j}`))) }]);
}

/** One engine value (or text) as a MathText. */
export function mathValue(value: unknown): MathText {
  return new MathText(normalised(piecesOf(value)));
}

/** Items joined by a separator, like Array.join, keeping their LaTeX. */
export function joinMath(items: readonly unknown[], separator: string): MathText {
  return new MathText(normalised(items.flatMap((x, k) => (k === 0 ? piecesOf(x) : [{ text: separator }, ...piecesOf(x)]))));
}
