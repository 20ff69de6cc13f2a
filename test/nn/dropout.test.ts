import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { DTypeError, Generator, nn, ones, tensor } from '../../src/index.js';
import { assertThrows } from '../helpers/assert-close.js';
import { assertGradcheck } from '../helpers/gradcheck.js';
import { normal, positive } from '../helpers/inputs.js';

const { Dropout } = nn;

/** The values of Dropout(p) applied to ones(n) in training, from `seed`. */
function maskOf(p: number, n: number, seed: number): number[] {
  // Typed with the exported options interface, as a caller would.
  const options: nn.DropoutOptions = { generator: new Generator(seed) };
  const layer = new Dropout(p, options);
  return Array.from(layer.forward(ones([n], { dtype: 'float64' })).values());
}

const dropout = suite('Dropout');

dropout('defaults to p = 0.5', () => {
  // PyTorch's default.
  assert.is(new Dropout().p, 0.5);
});

dropout('is the identity in eval mode', () => {
  const layer = new Dropout(0.5, { generator: new Generator(1) }).eval();
  const x = normal([4, 5], 1);
  assert.ok(layer.forward(x) === x);
});

dropout('is the identity for p = 0 even in training', () => {
  const x = normal([4, 5], 1);
  assert.ok(new Dropout(0).forward(x) === x);
});

dropout('training zeroes about p = 0.3 of 100000 elements', () => {
  const values = maskOf(0.3, 100_000, 2);
  const zeroFraction = values.filter((v) => v === 0).length / values.length;
  // The fraction is binomial: std √(0.3 · 0.7 / 1e5) ≈ 0.0015, so ±0.01
  // is more than 6 standard deviations.
  assert.ok(
    Math.abs(zeroFraction - 0.3) < 0.01,
    `zero fraction ${zeroFraction}`,
  );
});

dropout('training scales the kept elements by 1 / (1 - p)', () => {
  const values = maskOf(0.3, 1000, 3);
  // Each kept 1 becomes 1 / (1 - 0.3), computed the same way in float64.
  const keep = 1 / (1 - 0.3);
  for (const v of values) assert.ok(v === 0 || v === keep, `${v}`);
  assert.ok(values.some((v) => v === keep) && values.some((v) => v === 0));
});

dropout('training preserves the expected value: mean of ones stays ≈ 1', () => {
  for (const p of [0.1, 0.5, 0.8]) {
    const values = maskOf(p, 100_000, 4);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    // E = (1 - p) · 1/(1 - p) = 1; std of the mean √(p / (1 - p) / 1e5)
    // is at most 0.0064 (p = 0.8), so ±0.04 is over 6 standard deviations.
    assert.ok(Math.abs(mean - 1) < 0.04, `p ${p}: mean ${mean}`);
  }
});

dropout('the same generator seed gives the same mask', () => {
  assert.equal(maskOf(0.5, 200, 5), maskOf(0.5, 200, 5));
  assert.not.equal(maskOf(0.5, 200, 5), maskOf(0.5, 200, 6));
});

dropout('draws a new mask on each call', () => {
  const layer = new Dropout(0.5, { generator: new Generator(7) });
  const x = ones([200], { dtype: 'float64' });
  assert.not.equal(
    Array.from(layer.forward(x).values()),
    Array.from(layer.forward(x).values()),
  );
});

dropout('keeps the shape (2, 3, 4) and the dtype float32', () => {
  const y = new Dropout(0.5, { generator: new Generator(8) }).forward(
    ones([2, 3, 4]),
  );
  assert.equal(y.shape, [2, 3, 4]);
  assert.is(y.dtype, 'float32');
});

dropout(
  'rejects an int32 input in training, where 1 / (1 - p) would truncate',
  () => {
    const layer = new Dropout(0.3, { generator: new Generator(14) });
    assertThrows(
      () => layer.forward(tensor([1, 2, 3], { dtype: 'int32' })),
      DTypeError,
      'Dropout: expected a float32 or float64 tensor, got int32.',
    );
  },
);

dropout('rejects p outside [0, 1) with a RangeError', () => {
  for (const p of [-0.1, 1, 1.5, NaN]) {
    assertThrows(
      () => new Dropout(p),
      RangeError,
      `Dropout: p must lie in [0, 1), got ${p}.`,
      'such as the default 0.5; to turn dropout off, pass 0 or call eval().',
    );
  }
});

dropout(
  'gradient flows only through kept elements, scaled by 1 / (1 - p)',
  () => {
    const layer = new Dropout(0.4, { generator: new Generator(9) });
    const x = positive([50], 10).requiresGrad_(true);
    const upstream = normal([50], 11);
    const y = layer.forward(x);
    y.backward(upstream);
    const keep = 1 / (1 - 0.4);
    const xs = x.values();
    const ys = y.values();
    const dy = upstream.values();
    const dx = x.grad!.values();
    for (let i = 0; i < 50; i++) {
      // y = x · mask, so dx = dy · mask, where mask = 0 or 1/(1 - p).
      const kept = ys[i] !== 0;
      assert.is(ys[i], kept ? xs[i]! * keep : 0);
      assert.is(dx[i], kept ? dy[i]! * keep : 0);
    }
  },
);

dropout('gradcheck with the mask held fixed by reseeding, float64', () => {
  const generator = new Generator(12);
  const layer = new Dropout(0.5, { generator });
  assertGradcheck(
    (x) => {
      generator.manualSeed(12);
      return layer.forward(x);
    },
    [normal([3, 4], 13)],
  );
});

dropout('eval mode passes the gradient through unchanged', () => {
  const layer = new Dropout(0.5).eval();
  const x = tensor([1, 2, 3], { dtype: 'float64', requiresGrad: true });
  layer.forward(x).mul(2).sum().backward();
  // d(2x)/dx = 2 with no mask applied.
  assert.equal(Array.from(x.grad!.values()), [2, 2, 2]);
});

dropout.run();
