import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ShapeError, narrow, tensor, zeros } from '../../../src/index.js';
import {
  FLOAT64,
  assertClose,
  assertThrows,
} from '../../helpers/assert-close.js';
import { assertGradcheck } from '../../helpers/gradcheck.js';
import { normal } from '../../helpers/inputs.js';

const n = suite('narrow');

n(
  'gradcheck: rows 1..2 of [4, 3] and columns 2..3 of [2, 5, 3] (dim 1)',
  () => {
    assertGradcheck((x) => narrow(x, 0, 1, 2), [normal([4, 3], 1)]);
    assertGradcheck((x) => narrow(x, 1, 2, 2), [normal([2, 5, 3], 2)]);
  },
);

n('gradcheck: negative dim and start, and a size-1 slice of [2, 1, 3]', () => {
  assertGradcheck((x) => narrow(x, -1, -2, 2), [normal([2, 5, 3], 3)]);
  assertGradcheck((x) => narrow(x, 2, 1, 1), [normal([2, 1, 3], 4)]);
  assertGradcheck((x) => narrow(x, 1, 0, 1), [normal([2, 1, 3], 5)]);
});

n('slices [[1, 2, 3], [4, 5, 6], [7, 8, 9]] by rows and by columns', () => {
  // Expected: read off the 3 × 3 grid by hand.
  const x = tensor(
    [
      [1, 2, 3],
      [4, 5, 6],
      [7, 8, 9],
    ],
    { dtype: 'float64' },
  );
  assert.equal(narrow(x, 0, 1, 2).toArray(), [
    [4, 5, 6],
    [7, 8, 9],
  ]);
  assert.equal(narrow(x, 1, 0, 2).toArray(), [
    [1, 2],
    [4, 5],
    [7, 8],
  ]);
  assert.equal(narrow(x, -1, -1, 1).toArray(), [[3], [6], [9]]);
});

n('shares storage with its input, at an offset', () => {
  const x = normal([4, 3], 6);
  const y = narrow(x, 0, 2, 2);
  assert.is(y.nd.data, x.nd.data);
  assert.is(y.nd.offset, 6);
  assert.is(narrow(x, 1, 1, 1).nd.data, x.nd.data);
});

n('gives zeros outside the slice in the gradient', () => {
  const x = zeros([4], { dtype: 'float64', requiresGrad: true });
  narrow(x, 0, 1, 2).backward(tensor([5, 7], { dtype: 'float64' }));
  assertClose(x.grad!, { shape: [4], values: [0, 5, 7, 0] }, FLOAT64);
});

n('gives an empty slice for length 0, at the start and at the end', () => {
  assert.equal(narrow(zeros([3, 2]), 0, 0, 0).shape, [0, 2]);
  assert.equal(narrow(zeros([3, 2]), 0, 3, 0).shape, [0, 2]);
  assert.equal(narrow(zeros([0, 2]), 0, 0, 0).shape, [0, 2]);
});

n('rejects a slice past the end: start 2, length 2 of size 3', () => {
  assertThrows(
    () => narrow(zeros([3, 2]), 0, 2, 2),
    RangeError,
    'narrow:',
    'start + length <= 3 (size of dim 0)',
    'got start 2, length 2',
  );
});

n(
  'rejects a negative length, a start before -size and a fractional start',
  () => {
    assertThrows(
      () => narrow(zeros([3]), 0, 0, -1),
      RangeError,
      'got start 0, length -1',
    );
    assertThrows(
      () => narrow(zeros([3]), 0, -4, 1),
      RangeError,
      'got start -4, length 1',
    );
    assertThrows(
      () => narrow(zeros([3]), 0, 0.5, 1),
      RangeError,
      'got start 0.5',
    );
  },
);

n(
  'rejects dim 2 for rank 2, naming the range [-2, 1], and a rank-0 input',
  () => {
    assertThrows(
      () => narrow(zeros([3, 2]), 2, 0, 1),
      RangeError,
      'narrow:',
      '[-2, 1]',
      'got 2',
    );
    assertThrows(
      () => narrow(tensor(1), 0, 0, 1),
      ShapeError,
      'narrow:',
      'rank >= 1',
      'got shape []',
    );
  },
);

n.run();
