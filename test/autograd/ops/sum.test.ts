import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { sum, tensor, zeros } from '../../../src/index.js';
import {
  FLOAT64,
  assertClose,
  assertThrows,
} from '../../helpers/assert-close.js';
import { assertGradcheck } from '../../helpers/gradcheck.js';
import { normal } from '../../helpers/inputs.js';

const sumSuite = suite('sum');

sumSuite('gradcheck: whole tensor of [3, 4] and [2, 1, 3]', () => {
  assertGradcheck((x) => sum(x), [normal([3, 4], 1)]);
  assertGradcheck((x) => sum(x), [normal([2, 1, 3], 2)]);
});

sumSuite(
  'gradcheck: one dim of [3, 4] and [2, 1, 3], keepdim false and true',
  () => {
    for (const keepdim of [false, true]) {
      assertGradcheck((x) => sum(x, 1, keepdim), [normal([3, 4], 3)]);
      assertGradcheck((x) => sum(x, 0, keepdim), [normal([2, 1, 3], 4)]);
      assertGradcheck((x) => sum(x, 1, keepdim), [normal([2, 1, 3], 5)]);
    }
  },
);

sumSuite(
  'gradcheck: several dims [0, 2] of [2, 3, 4], keepdim false and true',
  () => {
    for (const keepdim of [false, true]) {
      assertGradcheck((x) => sum(x, [0, 2], keepdim), [normal([2, 3, 4], 6)]);
    }
  },
);

sumSuite('gradcheck: negative dims -1 and [-3, -1] of [2, 3, 4]', () => {
  assertGradcheck((x) => sum(x, -1), [normal([2, 3, 4], 7)]);
  assertGradcheck((x) => sum(x, [-3, -1], true), [normal([2, 3, 4], 8)]);
});

sumSuite('adds [2, 3, 4] over dims [0, 2] as a plain loop does', () => {
  const x = normal([2, 3, 4], 9);
  const v = x.toArray() as number[][][];
  // Expected: the sums written out as loops over the reduced dims.
  const want: number[] = [];
  for (let j = 0; j < 3; j++) {
    let total = 0;
    for (let i = 0; i < 2; i++)
      for (let k = 0; k < 4; k++) total += v[i]![j]![k]!;
    want.push(total);
  }
  assertClose(sum(x, [0, 2]), { shape: [3], values: want }, FLOAT64);
  assertClose(
    sum(x, [0, 2], true),
    { shape: [1, 3, 1], values: want },
    FLOAT64,
  );
});

sumSuite('sums [[1, 2], [3, 4]] to 10, rows [3, 7], columns [4, 6]', () => {
  // Expected: hand arithmetic on the four numbers.
  const x = tensor(
    [
      [1, 2],
      [3, 4],
    ],
    { dtype: 'float64' },
  );
  assertClose(sum(x), { shape: [], values: [10] }, FLOAT64);
  assertClose(sum(x, 1), { shape: [2], values: [3, 7] }, FLOAT64);
  assertClose(sum(x, 0), { shape: [2], values: [4, 6] }, FLOAT64);
});

sumSuite('accumulates float32 in float64: [1e8, 1, -1e8] sums to 1', () => {
  // Expected: exact arithmetic. A float32 running sum would lose the 1, as
  // 1e8 + 1 rounds back to 1e8 in float32 (spacing 8 there).
  const x = tensor([1e8, 1, -1e8], { dtype: 'float32' });
  assert.is(sum(x).item(), 1);
});

sumSuite(
  'repeats the upstream gradient of each row along dim 1 of [2, 3]',
  () => {
    const x = normal([2, 3], 10).requiresGrad_();
    sum(x, 1).backward(tensor([2, -1], { dtype: 'float64' }));
    // Expected: d(sum)/dx is 1, so each row gets its upstream value.
    assertClose(
      x.grad!,
      { shape: [2, 3], values: [2, 2, 2, -1, -1, -1] },
      FLOAT64,
    );
  },
);

sumSuite(
  'reduces a rank-0 tensor to itself, over all dims or dim 0 or -1',
  () => {
    const x = tensor(2.5, { dtype: 'float64' });
    for (const out of [sum(x), sum(x, 0), sum(x, -1, true)]) {
      assert.equal(out.shape, []);
      assert.is(out.item(), 2.5);
    }
    assertGradcheck((y) => sum(y, 0), [tensor(0.3, { dtype: 'float64' })]);
  },
);

sumSuite('sums [0, 3] over dim 0 to zeros [3], and [0] to 0', () => {
  assertClose(
    sum(zeros([0, 3]), 0),
    { shape: [3], values: [0, 0, 0] },
    FLOAT64,
  );
  assertClose(
    sum(zeros([0, 3]), 0, true),
    { shape: [1, 3], values: [0, 0, 0] },
    FLOAT64,
  );
  assertClose(sum(zeros([0, 3]), 1), { shape: [0], values: [] }, FLOAT64);
  assertClose(sum(zeros([0])), { shape: [], values: [0] }, FLOAT64);
});

sumSuite('keeps a size-1 dim reduced with keepdim: [4, 1, 2] over 1', () => {
  const x = normal([4, 1, 2], 11);
  assert.equal(sum(x, 1).shape, [4, 2]);
  assert.equal(sum(x, 1, true).shape, [4, 1, 2]);
  assertClose(sum(x, 1), { shape: [4, 2], values: x.values() }, FLOAT64);
});

sumSuite('rejects dim 2 and -3 for [2, 3], naming the range [-2, 1]', () => {
  const x = zeros([2, 3]);
  assertThrows(() => sum(x, 2), RangeError, 'sum:', '[-2, 1]', 'got 2');
  assertThrows(() => sum(x, [0, -3]), RangeError, 'sum:', '[-2, 1]', 'got -3');
});

sumSuite('rejects dim 1 for a rank-0 tensor, naming the range [-1, 0]', () => {
  assertThrows(() => sum(tensor(1), 1), RangeError, 'sum:', '[-1, 0]', 'got 1');
});

sumSuite('rejects dims [1, -1] of [2, 3], the same dim twice', () => {
  assertThrows(
    () => sum(zeros([2, 3]), [1, -1]),
    RangeError,
    'sum:',
    'dim 1 appears twice',
  );
});

sumSuite.run();
