// The tests the element-wise losses share (mseLoss, l1Loss): plain-JS
// values under every reduction, the default reduction, rank-0, size-0 and
// mixed-dtype inputs, gradcheck, and the shape, dtype and reduction
// errors. Each loss's test file passes its per-element loss and adds its
// own cases.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import {
  DTypeError,
  ShapeError,
  tensor,
  zeros,
  type PointwiseLossOptions,
  type Reduction,
  type Tensor,
} from '../../src/index.js';
import { FLOAT32, FLOAT64, assertClose, assertThrows } from './assert-close.js';
import { assertGradcheck } from './gradcheck.js';
import { normal } from './inputs.js';

const REDUCTIONS: Reduction[] = ['none', 'mean', 'sum'];

/** An element-wise loss, as `mseLoss` and `l1Loss` are. */
type PointwiseLoss = (
  input: Tensor,
  target: Tensor,
  options?: PointwiseLossOptions,
) => Tensor;

/** A plain-JS reduction of per-element losses. */
function jsReduce(losses: number[], reduction: Reduction): number[] {
  const total = losses.reduce((a, b) => a + b, 0);
  if (reduction === 'none') return losses;
  return [reduction === 'sum' ? total : total / losses.length];
}

type Suite = ReturnType<typeof suite>;

/**
 * One suite for `loss`: the tests both pointwise losses share, then
 * `extra`'s own. `perElement` is the loss of one difference
 * input - target, written in plain JS.
 */
export function pointwiseSuite(
  name: string,
  loss: PointwiseLoss,
  perElement: (d: number) => number,
  extra: (test: Suite) => void = () => {},
): void {
  const test = suite(name);

  test('matches plain JS on [3, 4] under every reduction', () => {
    const x = normal([3, 4], 1);
    const y = normal([3, 4], 2);
    const xs = x.values();
    const ys = y.values();
    // Expected: the per-element loss of each difference, in plain JS.
    const losses = Array.from(xs, (v, i) => perElement(v - ys[i]!));

    for (const reduction of REDUCTIONS) {
      const want = {
        shape: reduction === 'none' ? [3, 4] : [],
        values: jsReduce(losses, reduction),
      };
      assertClose(loss(x, y, { reduction }), want, FLOAT64, reduction);
    }
  });

  test('defaults to reduction mean', () => {
    const x = normal([2, 5], 3);
    const y = normal([2, 5], 4);
    const ys = y.values();
    // Expected: the plain-JS mean of the per-element losses.
    const mean =
      Array.from(x.values(), (v, i) => perElement(v - ys[i]!)).reduce(
        (a, b) => a + b,
      ) / 10;

    assertClose(loss(x, y), { shape: [], values: [mean] }, FLOAT64);
  });

  test('takes rank-0 input and target', () => {
    // Expected: the per-element loss of 1.5 - 4, in plain JS.
    const want = { shape: [], values: [perElement(1.5 - 4)] };

    const out = loss(
      tensor(1.5, { dtype: 'float64' }),
      tensor(4, { dtype: 'float64' }),
    );

    assertClose(out, want, FLOAT64);
  });

  test('of size-0 tensors [0, 3]: sum 0, mean NaN, none [0, 3]', () => {
    const x = zeros([0, 3]);

    // 0 and NaN: a sum of nothing and 0 / 0, as PyTorch gives.
    assert.is(loss(x, x, { reduction: 'sum' }).item(), 0);
    assert.ok(Number.isNaN(loss(x, x, { reduction: 'mean' }).item()));
    assert.equal(loss(x, x, { reduction: 'none' }).shape, [0, 3]);
  });

  test('mixes a float32 input with a float64 target', () => {
    const x = tensor([1, 2, 3]);
    const y = tensor([0.5, 2, 4.25], { dtype: 'float64' });
    // Expected: the plain-JS sum of the per-element losses.
    const want = [0.5, 0, -1.25].map(perElement).reduce((a, b) => a + b);

    assertClose(
      loss(x, y, { reduction: 'sum' }),
      { shape: [], values: [want] },
      FLOAT32,
    );
  });

  for (const shape of [[4], [2, 3], [2, 1, 3]]) {
    test(`gradcheck: input and target ${JSON.stringify(shape)}, every reduction`, () => {
      let seed = 10;
      for (const reduction of REDUCTIONS) {
        seed++;
        assertGradcheck(
          (x, y) => loss(x, y, { reduction }),
          [normal(shape, seed), normal(shape, seed + 100)],
          reduction,
        );
      }
    });
  }

  test('rejects target [4] for input [4, 1]: never broadcast', () => {
    assertThrows(
      () => loss(zeros([4, 1]), zeros([4])),
      ShapeError,
      `${name}: target must have the input's shape [4, 1], got [4]`,
      'Losses never broadcast',
    );
    assertThrows(
      () => loss(zeros([4]), zeros([4, 1])),
      ShapeError,
      'shape [4], got [4, 1]',
    );
  });

  test('rejects target [1] for input [3]', () => {
    assertThrows(
      () => loss(zeros([3]), zeros([1])),
      ShapeError,
      'shape [3], got [1]',
    );
  });

  test('rejects an int32 input or target', () => {
    assertThrows(
      () => loss(zeros([2], { dtype: 'int32' }), zeros([2])),
      DTypeError,
      `${name}: expected a float32 or float64 tensor, got int32`,
      "x.to('float32')",
    );
    assertThrows(
      () => loss(zeros([2]), zeros([2], { dtype: 'int32' })),
      DTypeError,
      'int32',
    );
  });

  test('rejects reduction "elementwise_mean"', () => {
    assertThrows(
      () =>
        loss(zeros([2]), zeros([2]), {
          reduction: 'elementwise_mean' as Reduction,
        }),
      RangeError,
      `${name}: reduction must be 'none', 'mean' or 'sum', got "elementwise_mean"`,
    );
  });

  extra(test);

  test.run();
}
