/**
 * Anderson acceleration of a fixed-point iteration x ← g(x) (Walker and Ni, SIAM J. Numer. Anal.
 * 49, 1715 (2011), type II): the next iterate mixes the last few g-values with the weights that
 * make the mixed residual g(x) − x least. A linearly converging iteration whose error is dominated by
 * a few slow directions (harmonic balance's coupling between neighbouring harmonics) then converges
 * in far fewer steps. It only chooses the next iterate; convergence is still judged on g(x) − x.
 */
import type { Dec, DecimalConstructor } from './context.ts';
import { dsolve } from './matrix.ts';

export class AndersonMixer {
  private readonly gs: Dec[][] = [];
  private readonly fs: Dec[][] = [];

  constructor(
    private readonly D: DecimalConstructor,
    private readonly depth: number,
  ) {}

  /** The next iterate from the current x and g(x). */
  mix(x: readonly Dec[], gx: readonly Dec[]): Dec[] {
    const f = gx.map((v, i) => v.minus(x[i]!));
    this.gs.push([...gx]);
    this.fs.push(f);
    if (this.gs.length > this.depth + 1) {
      this.gs.shift();
      this.fs.shift();
    }
    const m = this.fs.length - 1;
    if (m === 0) return [...gx];
    const D = this.D;
    const dF = Array.from({ length: m }, (_, j) => this.fs[j + 1]!.map((v, i) => v.minus(this.fs[j]![i]!)));
    const dG = Array.from({ length: m }, (_, j) => this.gs[j + 1]!.map((v, i) => v.minus(this.gs[j]![i]!)));
    const dot = (u: readonly Dec[], w: readonly Dec[]) => u.reduce((s, v, i) => s.plus(v.times(w[i]!)), new D(0));
    // Normal equations (ΔFᵀΔF + λ) γ = ΔFᵀ f, λ a relative ridge far below the precision (keeps a near-dependent history solvable).
    const gram = dF.map((u) => dF.map((w) => dot(u, w)));
    const ridge = gram.reduce((s, row, i) => s.plus(row[i]!), new D(0)).times(new D(10).pow(-(D.precision - 4)));
    const gamma = dsolve(
      gram.map((row, i) => row.map((v, j) => (i === j ? v.plus(ridge) : v))),
      dF.map((u) => dot(u, f)),
    );
    return gx.map((v, i) => dG.reduce((s, col, j) => s.minus(col[i]!.times(gamma[j]!)), v));
  }

  /** Forget the history (the unknowns changed: more harmonics). */
  reset(): void {
    this.gs.length = 0;
    this.fs.length = 0;
  }
}
