/** Line plots rendered to SVG in Node by vega-lite and vega (no browser, no canvas). */
import * as vega from 'vega';
import * as vl from 'vega-lite';

export interface LinePlot {
  readonly title: string;
  readonly x: { readonly field: string; readonly title: string; readonly log: boolean };
  readonly y: { readonly field: string; readonly title: string; readonly log: boolean };
  readonly series: string;
  readonly rows: ReadonlyArray<Record<string, number | string>>;
  /** Colour and dash per series; the two encodings then share one legend. */
  readonly styles?: ReadonlyArray<{ readonly series: string; readonly color: string; readonly dash: readonly number[] }>;
  /** Horizontal reference lines (e.g. S = 1). */
  readonly rules?: readonly number[];
  /** Shaded bands between `lo` and `hi` at each x, coloured as the series they belong to. */
  readonly bands?: ReadonlyArray<Record<string, number | string>>;
}

export async function renderLinePlotSvg(p: LinePlot): Promise<string> {
  const line: vl.TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: p.title,
    width: 640,
    height: 400,
    layer: [
      {
        data: { values: p.rows as Array<Record<string, number | string>> },
        mark: { type: 'line', strokeWidth: 1.6 },
        encoding: {
          x: { field: p.x.field, type: 'quantitative', title: p.x.title, scale: p.x.log ? { type: 'log' } : {}, axis: { format: '~g' } },
          y: { field: p.y.field, type: 'quantitative', title: p.y.title, scale: p.y.log ? { type: 'log' } : { zero: false } },
          color: {
            field: p.series,
            type: 'nominal',
            title: null,
            legend: { orient: 'bottom', columns: 2, labelLimit: 400, symbolStrokeWidth: 2, symbolSize: 400 },
            ...(p.styles ? { scale: { domain: p.styles.map((x) => x.series), range: p.styles.map((x) => x.color) } } : {}),
          },
          ...(p.styles
            ? {
                strokeDash: {
                  field: p.series,
                  type: 'nominal',
                  title: null,
                  scale: { domain: p.styles.map((x) => x.series), range: p.styles.map((x) => [...x.dash]) },
                },
              }
            : {}),
        },
      },
      ...(p.bands
        ? [
            {
              data: { values: p.bands as Array<Record<string, number | string>> },
              mark: { type: 'area' as const, opacity: 0.3 },
              encoding: {
                x: { field: p.x.field, type: 'quantitative' as const, scale: p.x.log ? { type: 'log' as const } : {} },
                y: { field: 'lo', type: 'quantitative' as const },
                y2: { field: 'hi' },
                color: { field: p.series, type: 'nominal' as const, legend: null },
              },
            },
          ]
        : []),
      ...(p.rules ?? []).map((y) => ({
        data: { values: [{ y }] },
        mark: { type: 'rule' as const, color: '#888', strokeDash: [2, 2] },
        encoding: { y: { field: 'y', type: 'quantitative' as const } },
      })),
    ],
  };
  const view = new vega.View(vega.parse(vl.compile(line).spec), { renderer: 'none' });
  return view.toSVG();
}
