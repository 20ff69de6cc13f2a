import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

/** One point of the loss curve. */
export interface CurvePoint {
  /** Fractional epoch: 1.5 is the middle of the second epoch. */
  epoch: number;
  loss: number;
  series: string;
}

/**
 * The loss curve as an SVG document, drawn by Vega-Lite (rendered in
 * Node, no canvas or browser needed): the training loss of every step,
 * faint, with the mean of each epoch over it.
 */
export async function lossCurveSvg(
  points: CurvePoint[],
  title: string,
): Promise<string> {
  const spec: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title,
    width: 560,
    height: 320,
    data: { values: points },
    mark: { type: 'line', interpolate: 'monotone' },
    encoding: {
      x: { field: 'epoch', type: 'quantitative', title: 'epoch' },
      y: {
        field: 'loss',
        type: 'quantitative',
        title: 'loss (mean nll)',
        scale: { type: 'log' },
      },
      color: { field: 'series', type: 'nominal', title: null },
      opacity: {
        condition: { test: "datum.series === 'step'", value: 0.35 },
        value: 1,
      },
    },
    config: { font: 'DejaVu Sans' },
  };
  const view = new vega.View(vega.parse(compile(spec).spec), {
    renderer: 'none',
  });
  return view.toSVG();
}
