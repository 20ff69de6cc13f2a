import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { lossCurveSvg, type CurvePoint } from '../../src/cli/loss-curve.js';

// Two epochs of two steps each, plus each epoch's mean, as main.ts builds
// them: step i of n at epoch (i + 1) / (steps per epoch).
const POINTS: CurvePoint[] = [
  { epoch: 0.5, loss: 2.0, series: 'step' },
  { epoch: 1.0, loss: 1.0, series: 'step' },
  { epoch: 1.5, loss: 0.7, series: 'step' },
  { epoch: 2.0, loss: 0.5, series: 'step' },
  { epoch: 1, loss: 1.5, series: 'epoch mean' },
  { epoch: 2, loss: 0.6, series: 'epoch mean' },
];

/** The `d` attribute of every path inside a Vega line mark. */
function linePaths(svg: string): string[] {
  const marks = svg.match(/<g class="mark-line[^"]*"[^>]*>.*?<\/g>/g) ?? [];
  return marks.flatMap((mark) =>
    [...mark.matchAll(/<path [^>]*\bd="([^"]*)"/g)].map((m) => m[1]!),
  );
}

const curve = suite('lossCurveSvg');

curve('returns one SVG document', async () => {
  const svg = await lossCurveSvg(POINTS, 'loss');

  assert.ok(svg.startsWith('<svg'), svg.slice(0, 40));
  assert.ok(svg.endsWith('</svg>'), svg.slice(-40));
  assert.is(svg.match(/<svg\b/g)?.length, 1);
});

curve('writes the title as text, escaped for XML', async () => {
  const svg = await lossCurveSvg(POINTS, 'tapegrad MLP: 1 < 2 & 97.50%');

  assert.ok(
    svg.includes('>tapegrad MLP: 1 &lt; 2 &amp; 97.50%</text>'),
    'title text element',
  );
});

curve('draws one line per series, each a path through its points', async () => {
  const svg = await lossCurveSvg(POINTS, 'loss');
  const paths = linePaths(svg);

  // Two series ('step' and 'epoch mean'), so two line marks.
  assert.is(paths.length, 2);
  for (const d of paths) assert.match(d, /^M[\d.]+,[\d.]+[CL]/);
});

curve('labels both series in the legend and the axes', async () => {
  const svg = await lossCurveSvg(POINTS, 'loss');

  assert.ok(svg.includes('>step</text>'), 'legend entry step');
  assert.ok(svg.includes('>epoch mean</text>'), 'legend entry epoch mean');
  assert.ok(svg.includes('>epoch</text>'), 'x-axis title');
  assert.ok(svg.includes('>loss (mean nll)</text>'), 'y-axis title');
});

curve('draws the step losses faint, on a log scale', async () => {
  const svg = await lossCurveSvg(POINTS, 'loss');

  // Opacity 0.35 and the log y scale are set in src/cli/loss-curve.ts.
  assert.match(
    svg,
    /aria-label="epoch: 0\.5; [^"]*series: step"[^>]*opacity="0\.35"/,
  );
  assert.match(svg, /Y-axis titled 'loss \(mean nll\)' for a log scale/);
});

curve('gives the same document for the same points', async () => {
  const first = await lossCurveSvg(POINTS, 'loss');
  const second = await lossCurveSvg(POINTS, 'loss');

  assert.is(first, second);
});

curve.run();
