// The tests softmax and logSoftmax share: gradcheck along each dim, the
// definition by plain loops, rows that sum to 1, stability near ±1e3,
// -inf, +inf and NaN entries, one exponential per element, rank-0 and
// size-0 inputs, and the dtype and dim errors. Each op's test file passes
// its own plain-JS definition and keeps its own special cases.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { DTypeError, tensor, zeros, type Tensor } from '../../src/index.js';
import { FLOAT64, assertClose, assertThrows } from './assert-close.js';
import { assertGradcheck } from './gradcheck.js';
import { normal } from './inputs.js';

// Rows near ±1e3, where exp overflows (e¹⁰⁰⁰ = inf) or underflows to 0,
// and the same rows shifted by their first entry: softmax and log-softmax
// do not change under a shift, so the shifted rows give the answer.
const LARGE = [
  [1000, 1001, 1002],
  [-1000, -1001, -1002],
];
const SHIFTED = [
  [0, 1, 2],
  [0, -1, -2],
];

/**
 * One suite named `name` for `op`, softmax or logSoftmax; `plain` is the
 * op on one row of moderate numbers, straight from its definition.
 */
export function softmaxSuite(
  name: 'softmax' | 'logSoftmax',
  op: (x: Tensor, dim: number) => Tensor,
  plain: (row: readonly number[]) => number[],
): void {
  const s = suite(name);

  s('gradcheck: last dim of [3, 4] and [2, 1, 3]', () => {
    assertGradcheck((x) => op(x, 1), [normal([3, 4], 1)]);
    assertGradcheck((x) => op(x, -1), [normal([2, 1, 3], 2)]);
  });

  s('gradcheck: dim 0 of [3, 4], middle dim of [2, 3, 4], size-1 dim 1', () => {
    assertGradcheck((x) => op(x, 0), [normal([3, 4], 3)]);
    assertGradcheck((x) => op(x, 1), [normal([2, 3, 4], 4)]);
    assertGradcheck((x) => op(x, -2), [normal([2, 1, 3], 5)]);
  });

  s('gradcheck: through a weighted sum, so Σ dy is not zero', () => {
    const w = normal([3, 4], 6);
    assertGradcheck((x) => op(x, 1).mul(w).sum(), [normal([3, 4], 7)]);
  });

  s('matches the definition by plain loops along dim 1 of [3, 4]', () => {
    const x = normal([3, 4], 8);
    const want = (x.toArray() as number[][]).flatMap(plain);
    assertClose(op(x, 1), { shape: [3, 4], values: want }, FLOAT64);
  });

  s('along dim 0 of [3, 4] equals the definition down each column', () => {
    const x = normal([3, 4], 9);
    const rows = x.toArray() as number[][];
    const columns = [0, 1, 2, 3].map((j) => plain(rows.map((row) => row[j]!)));
    const want = rows.flatMap((_, i) => columns.map((column) => column[i]!));
    assertClose(op(x, 0), { shape: [3, 4], values: want }, FLOAT64);
  });

  s('gives rows of [4, 5] whose probabilities sum to 1', () => {
    const out = op(normal([4, 5], 11), 1);
    const probabilities = name === 'softmax' ? out : out.exp();
    const rows = probabilities.toArray() as number[][];
    const sums = rows.map((row) => row.reduce((a, b) => a + b));
    // Expected: 1 per row, by definition.
    assertClose(
      tensor(sums, { dtype: 'float64' }),
      { shape: [4], values: [1, 1, 1, 1] },
      FLOAT64,
    );
  });

  s('stays finite near ±1e3, equal to the shifted input [0, 1, 2]', () => {
    const out = op(tensor(LARGE, { dtype: 'float64' }), 1);
    assert.ok([...out.values()].every(Number.isFinite), 'finite');
    // Expected: the definition on the shifted rows, by Math.exp / Math.log.
    assertClose(
      out,
      { shape: [2, 3], values: SHIFTED.flatMap(plain) },
      FLOAT64,
    );
  });

  s('keeps finite gradients near ±1e3', () => {
    const x = tensor(LARGE, { dtype: 'float64', requiresGrad: true });
    const w = tensor(
      [
        [1, -2, 0.5],
        [3, 0, -1],
      ],
      { dtype: 'float64' },
    );
    op(x, 1).mul(w).sum().backward();
    const y = tensor(SHIFTED, { dtype: 'float64', requiresGrad: true });
    op(y, 1).mul(w).sum().backward();
    assert.ok([...x.grad!.values()].every(Number.isFinite), 'finite');
    assertClose(x.grad!, y.grad!, FLOAT64);
  });

  s('gives probability 0 (log -inf) to -inf entries', () => {
    const x = tensor(
      [
        [0, -Infinity],
        [1, 1],
      ],
      { dtype: 'float64' },
    );
    // Expected: e⁰ / (e⁰ + 0) = 1 beside 0, and 1/2 each for equal entries.
    const want =
      name === 'softmax'
        ? [1, 0, 0.5, 0.5]
        : [0, -Infinity, -Math.LN2, -Math.LN2];
    assertClose(op(x, 1), { shape: [2, 2], values: want }, FLOAT64);
  });

  s('gives NaN throughout a row holding +inf, or only -inf, as PyTorch', () => {
    const x = tensor(
      [
        [Infinity, 0, 0],
        [-Infinity, -Infinity, -Infinity],
        [0, 1, 2],
      ],
      { dtype: 'float64' },
    );
    // Expected: torch.softmax / torch.log_softmax shift by the row maximum,
    // so inf - inf = NaN reaches every entry of the first two rows; the
    // third row is the plain definition.
    const want = [...new Array<number>(6).fill(NaN), ...plain([0, 1, 2])];
    assertClose(op(x, 1), { shape: [3, 3], values: want }, FLOAT64);
  });

  s('takes Math.exp once per element of [2, 3], not twice', () => {
    const x = normal([2, 3], 12);
    const exp = Math.exp;
    let calls = 0;
    Math.exp = (v: number) => {
      calls++;
      return exp(v);
    };
    try {
      op(x, 1);
    } finally {
      Math.exp = exp;
    }
    // Expected: one exponential per element for the sum; softmax reuses
    // them for its ratios, log-softmax needs no more.
    assert.is(calls, 6);
  });

  s('gives 1 (log 0) for a rank-0 tensor and along a size-1 dim', () => {
    const one = name === 'softmax' ? 1 : 0;
    assert.is(op(tensor(3.5, { dtype: 'float64' }), 0).item(), one);
    assert.equal(op(tensor(3.5), -1).shape, []);
    const out = op(normal([3, 1], 10), 1);
    assertClose(out, { shape: [3, 1], values: [one, one, one] }, FLOAT64);
    assertGradcheck((x) => op(x, 0), [tensor(0.3, { dtype: 'float64' })]);
  });

  s('keeps the shape of size-0 inputs [0, 3] and [2, 0]', () => {
    assert.equal(op(zeros([0, 3]), 1).shape, [0, 3]);
    assert.equal(op(zeros([0, 3]), 0).shape, [0, 3]);
    assert.equal(op(zeros([2, 0]), 1).shape, [2, 0]);
  });

  s('rejects an int32 tensor', () => {
    const x = tensor([1, 2], { dtype: 'int32' });
    assertThrows(() => op(x, 0), DTypeError, `${name}:`, 'got int32');
  });

  s('rejects dim 2 for [2, 3] and dim 1 for rank 0, naming the range', () => {
    assertThrows(
      () => op(zeros([2, 3]), 2),
      RangeError,
      `${name}:`,
      '[-2, 1]',
      'got 2',
    );
    assertThrows(() => op(zeros([2, 3]), -3), RangeError, '[-2, 1]', 'got -3');
    assertThrows(() => op(tensor(1), 1), RangeError, '[-1, 0]', 'got 1');
  });

  s.run();
}
