import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ShapeError, permute, tensor, zeros } from '../../../src/index.js';
import { assertThrows } from '../../helpers/assert-close.js';
import { assertGradcheck } from '../../helpers/gradcheck.js';
import { normal } from '../../helpers/inputs.js';

const p = suite('permute');

p('gradcheck: [2, 3, 4] by [2, 0, 1] and [1, 3, 1] by [2, 1, 0]', () => {
  assertGradcheck((x) => permute(x, [2, 0, 1]), [normal([2, 3, 4], 1)]);
  assertGradcheck((x) => permute(x, [2, 1, 0]), [normal([1, 3, 1], 2)]);
});

p('gradcheck: negative dims [-1, 0, -2] of [2, 3, 4]', () => {
  assertGradcheck((x) => permute(x, [-1, 0, -2]), [normal([2, 3, 4], 3)]);
});

p(
  'moves element [i, j, k] of [2, 3, 4] to [k, i, j] for dims [2, 0, 1]',
  () => {
    const x = normal([2, 3, 4], 4);
    const v = x.toArray() as number[][][];
    const y = permute(x, [2, 0, 1]);
    assert.equal(y.shape, [4, 2, 3]);
    const w = y.toArray() as number[][][];
    for (let i = 0; i < 2; i++) {
      for (let j = 0; j < 3; j++) {
        for (let k = 0; k < 4; k++) assert.is(w[k]![i]![j], v[i]![j]![k]);
      }
    }
  },
);

p('gives the gradient back in the input order', () => {
  const x = zeros([2, 3], { dtype: 'float64', requiresGrad: true });
  const dy = tensor(
    [
      [1, 2],
      [3, 4],
      [5, 6],
    ],
    { dtype: 'float64' },
  );
  permute(x, [1, 0]).backward(dy);
  // Expected: dy transposed back, by hand.
  assert.equal(x.grad!.toArray(), [
    [1, 3, 5],
    [2, 4, 6],
  ]);
});

p('shares storage with its input', () => {
  const x = normal([2, 3, 4], 5);
  assert.is(permute(x, [1, 2, 0]).nd.data, x.nd.data);
});

p('takes a rank-0 tensor with [] and a size-0 [0, 3] with [1, 0]', () => {
  assert.is(permute(tensor(3), []).item(), 3);
  assert.equal(permute(zeros([0, 3]), [1, 0]).shape, [3, 0]);
});

p('rejects a dims list of the wrong length, naming shape and dims', () => {
  assertThrows(
    () => permute(zeros([2, 3]), [0, 1, 2]),
    ShapeError,
    'permute:',
    'expected 2 dims',
    'shape [2, 3]',
    'got [0, 1, 2]',
  );
});

p('rejects the same dim twice: [1, -1] for rank 2', () => {
  assertThrows(
    () => permute(zeros([2, 3]), [1, -1]),
    RangeError,
    'permute:',
    'dim 1 appears twice',
  );
});

p('rejects dim 2 for rank 2, naming the range [-2, 1]', () => {
  assertThrows(
    () => permute(zeros([2, 3]), [0, 2]),
    RangeError,
    'permute:',
    '[-2, 1]',
    'got 2',
  );
});

p.run();
