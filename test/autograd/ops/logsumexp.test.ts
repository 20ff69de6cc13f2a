import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { DTypeError, logsumexp, tensor, zeros } from '../../../src/index.js';
import {
  FLOAT64,
  assertClose,
  assertThrows,
} from '../../helpers/assert-close.js';
import { assertGradcheck } from '../../helpers/gradcheck.js';
import { normal } from '../../helpers/inputs.js';

/** log Σ exp, naively: fine for inputs of moderate size. */
function naiveLse(values: readonly number[]): number {
  return Math.log(values.reduce((a, v) => a + Math.exp(v), 0));
}

const lse = suite('logsumexp');

lse(
  'gradcheck: one dim of [3, 4] and [2, 1, 3], keepdim false and true',
  () => {
    for (const keepdim of [false, true]) {
      assertGradcheck((x) => logsumexp(x, 1, keepdim), [normal([3, 4], 1)]);
      assertGradcheck((x) => logsumexp(x, 0, keepdim), [normal([3, 4], 2)]);
      assertGradcheck((x) => logsumexp(x, 1, keepdim), [normal([2, 1, 3], 3)]);
    }
  },
);

lse('gradcheck: several and negative dims of [2, 3, 4]', () => {
  assertGradcheck((x) => logsumexp(x, [0, 2]), [normal([2, 3, 4], 4)]);
  assertGradcheck((x) => logsumexp(x, [-1, -2], true), [normal([2, 3, 4], 5)]);
  assertGradcheck((x) => logsumexp(x, [0, 1, 2]), [normal([2, 3, 4], 6)]);
});

lse('matches log Σ exp by a plain loop along dim 1 of [3, 4]', () => {
  const x = normal([3, 4], 7);
  const want = (x.toArray() as number[][]).map(naiveLse);
  assertClose(logsumexp(x, 1), { shape: [3], values: want }, FLOAT64);
  assertClose(logsumexp(x, -1, true), { shape: [3, 1], values: want }, FLOAT64);
});

lse(
  'stays finite near ±1e3, equal to the shifted rows plus their shift',
  () => {
    const x = tensor(
      [
        [1000, 1001, 1002],
        [-1000, -1001, -1002],
      ],
      { dtype: 'float64' },
    );
    // Expected: lse(c + v) = c + lse(v), with lse of the small rows [0, 1, 2]
    // and [0, -1, -2] computed here with Math.exp and Math.log.
    const want = [
      1000 + Math.log(Math.exp(0) + Math.exp(1) + Math.exp(2)),
      -1000 + Math.log(Math.exp(0) + Math.exp(-1) + Math.exp(-2)),
    ];
    const out = logsumexp(x, 1);
    assert.ok([...out.values()].every(Number.isFinite), 'finite');
    assertClose(out, { shape: [2], values: want }, FLOAT64);
  },
);

lse('gives softmax of the shifted row as the gradient near 1e3', () => {
  const x = tensor([1000, 1001, 1002], {
    dtype: 'float64',
    requiresGrad: true,
  });
  logsumexp(x, 0).backward();
  // Expected: exp(v) / Σ exp(v) for v = [0, 1, 2], by Math.exp.
  const total = Math.exp(0) + Math.exp(1) + Math.exp(2);
  const want = [0, 1, 2].map((v) => Math.exp(v) / total);
  assertClose(x.grad!, { shape: [3], values: want }, FLOAT64);
});

lse(
  'gives -inf for a run of all -inf, and ignores -inf beside finite values',
  () => {
    const x = tensor(
      [
        [-Infinity, -Infinity],
        [0, -Infinity],
      ],
      { dtype: 'float64' },
    );
    // Expected: log 0 = -inf, and log(e⁰ + 0) = 0.
    assertClose(
      logsumexp(x, 1),
      { shape: [2], values: [-Infinity, 0] },
      FLOAT64,
    );
  },
);

lse('gives +inf for a run holding +inf, even beside -inf', () => {
  const x = tensor(
    [
      [Infinity, 0],
      [Infinity, -Infinity],
    ],
    { dtype: 'float64' },
  );
  // Expected: log(inf + ...) = inf; torch.logsumexp leaves an infinite
  // maximum unshifted, so inf - inf never appears.
  assertClose(
    logsumexp(x, 1),
    { shape: [2], values: [Infinity, Infinity] },
    FLOAT64,
  );
});

lse('gives NaN for a run holding NaN, even beside ±inf', () => {
  const x = tensor(
    [
      [NaN, NaN],
      [-Infinity, NaN],
      [Infinity, NaN],
      [1, NaN],
    ],
    { dtype: 'float64' },
  );
  // Expected: NaN propagates through exp and the sum, as torch.logsumexp.
  assertClose(
    logsumexp(x, 1),
    { shape: [4], values: [NaN, NaN, NaN, NaN] },
    FLOAT64,
  );
});

lse('takes a rank-0 tensor and a size-1 dim to themselves', () => {
  const x = tensor(0.25, { dtype: 'float64' });
  assert.is(logsumexp(x, 0).item(), 0.25);
  assert.equal(logsumexp(x, -1, true).shape, []);
  const y = normal([3, 1], 8);
  assertClose(logsumexp(y, 1), { shape: [3], values: y.values() }, FLOAT64);
  assertGradcheck((t) => logsumexp(t, 0), [tensor(0.3, { dtype: 'float64' })]);
});

lse('gives -inf over zero elements: [0, 3] over dim 0', () => {
  // Expected: log of an empty sum, log 0 = -inf, as torch.logsumexp.
  const out = logsumexp(zeros([0, 3], { dtype: 'float64' }), 0);
  assertClose(
    out,
    { shape: [3], values: [-Infinity, -Infinity, -Infinity] },
    FLOAT64,
  );
  assertClose(logsumexp(zeros([0, 3]), 1), { shape: [0], values: [] }, FLOAT64);
});

lse('rejects an int32 tensor', () => {
  const x = tensor([1, 2], { dtype: 'int32' });
  assertThrows(() => logsumexp(x, 0), DTypeError, 'logsumexp:', 'got int32');
});

lse(
  'rejects dim 2 for [2, 3] and dims [0, -2], naming range and repeat',
  () => {
    const x = zeros([2, 3]);
    assertThrows(
      () => logsumexp(x, 2),
      RangeError,
      'logsumexp:',
      '[-2, 1]',
      'got 2',
    );
    assertThrows(
      () => logsumexp(x, [0, -2]),
      RangeError,
      'logsumexp:',
      'appears twice',
    );
  },
);

lse.run();
