import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { DTypeError, mean, tensor, zeros } from '../../../src/index.js';
import {
  FLOAT64,
  assertClose,
  assertThrows,
} from '../../helpers/assert-close.js';
import { assertGradcheck } from '../../helpers/gradcheck.js';
import { normal } from '../../helpers/inputs.js';

const meanSuite = suite('mean');

meanSuite('gradcheck: whole tensor of [3, 4] and [2, 1, 3]', () => {
  assertGradcheck((x) => mean(x), [normal([3, 4], 1)]);
  assertGradcheck((x) => mean(x), [normal([2, 1, 3], 2)]);
});

meanSuite(
  'gradcheck: one dim of [3, 4] and [2, 1, 3], keepdim false and true',
  () => {
    for (const keepdim of [false, true]) {
      assertGradcheck((x) => mean(x, 0, keepdim), [normal([3, 4], 3)]);
      assertGradcheck((x) => mean(x, 1, keepdim), [normal([2, 1, 3], 4)]);
      assertGradcheck((x) => mean(x, 2, keepdim), [normal([2, 1, 3], 5)]);
    }
  },
);

meanSuite('gradcheck: several and negative dims of [2, 3, 4]', () => {
  assertGradcheck((x) => mean(x, [0, 2]), [normal([2, 3, 4], 6)]);
  assertGradcheck((x) => mean(x, [-1, -2], true), [normal([2, 3, 4], 7)]);
  assertGradcheck((x) => mean(x, -3), [normal([2, 3, 4], 8)]);
});

meanSuite('averages [2, 3, 4] over dims [1, 2] as a plain loop does', () => {
  const x = normal([2, 3, 4], 9);
  const v = x.toArray() as number[][][];
  // Expected: loop sums divided by the 12 elements in each run.
  const want: number[] = [];
  for (let i = 0; i < 2; i++) {
    let total = 0;
    for (let j = 0; j < 3; j++)
      for (let k = 0; k < 4; k++) total += v[i]![j]![k]!;
    want.push(total / 12);
  }
  assertClose(mean(x, [1, 2]), { shape: [2], values: want }, FLOAT64);
  assertClose(
    mean(x, [2, 1], true),
    { shape: [2, 1, 1], values: want },
    FLOAT64,
  );
});

meanSuite('averages [[1, 2], [3, 5]] to 2.75, rows [1.5, 4]', () => {
  // Expected: hand arithmetic, 11 / 4 and (1 + 2) / 2, (3 + 5) / 2.
  const x = tensor(
    [
      [1, 2],
      [3, 5],
    ],
    { dtype: 'float64' },
  );
  assert.is(mean(x).item(), 2.75);
  assertClose(mean(x, -1), { shape: [2], values: [1.5, 4] }, FLOAT64);
});

meanSuite('spreads the gradient as 1 / 8 over the 8 elements of [2, 4]', () => {
  const x = normal([2, 4], 10).requiresGrad_();
  mean(x).backward();
  // Expected: d(mean)/dx = 1 / 8 for each of the 8 elements.
  assertClose(
    x.grad!,
    { shape: [2, 4], values: new Array(8).fill(0.125) },
    FLOAT64,
  );
});

meanSuite('keeps a rank-0 tensor as it is, with no dim or dim 0', () => {
  const x = tensor(-1.5, { dtype: 'float64' });
  assert.is(mean(x).item(), -1.5);
  assert.is(mean(x, 0, true).item(), -1.5);
  assert.equal(mean(x, -1).shape, []);
  assertGradcheck((y) => mean(y, 0), [tensor(0.7, { dtype: 'float64' })]);
});

meanSuite('gives NaN over zero elements: [0, 3] over dim 0, and [0]', () => {
  // Expected: 0 / 0, as in PyTorch (torch.zeros(0, 3).mean(0) is nan x 3).
  assertClose(
    mean(zeros([0, 3]), 0),
    { shape: [3], values: [NaN, NaN, NaN] },
    FLOAT64,
  );
  assertClose(mean(zeros([0])), { shape: [], values: [NaN] }, FLOAT64);
  assertClose(mean(zeros([0, 3]), 1), { shape: [0], values: [] }, FLOAT64);
});

meanSuite('takes a size-1 dim to itself: [3, 1] over dim 1', () => {
  const x = normal([3, 1], 11);
  assertClose(mean(x, 1), { shape: [3], values: x.values() }, FLOAT64);
});

meanSuite('rejects an int32 tensor, suggesting a float dtype', () => {
  const x = tensor([1, 2], { dtype: 'int32' });
  assertThrows(
    () => mean(x),
    DTypeError,
    'mean:',
    'got int32',
    "to('float32')",
  );
});

meanSuite('rejects dim 3 for [2, 3, 4], naming the range [-3, 2]', () => {
  assertThrows(
    () => mean(zeros([2, 3, 4]), 3),
    RangeError,
    'mean:',
    '[-3, 2]',
    'got 3',
  );
  assertThrows(
    () => mean(zeros([2, 3]), [-3]),
    RangeError,
    'mean:',
    '[-2, 1]',
    'got -3',
  );
});

meanSuite('rejects dims [0, 0] of [2, 3], the same dim twice', () => {
  assertThrows(
    () => mean(zeros([2, 3]), [0, 0]),
    RangeError,
    'dim 0 appears twice',
  );
});

meanSuite.run();
