import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { tensor, unsqueeze, zeros } from '../../../src/index.js';
import { assertThrows } from '../../helpers/assert-close.js';
import { assertGradcheck } from '../../helpers/gradcheck.js';
import { normal } from '../../helpers/inputs.js';

const u = suite('unsqueeze');

u('gradcheck: [2, 3] at dims 0, 1, 2 and -1; [1, 3] at 1', () => {
  for (const dim of [0, 1, 2, -1]) {
    assertGradcheck((x) => unsqueeze(x, dim), [normal([2, 3], 1)]);
  }
  assertGradcheck((x) => unsqueeze(x, 1), [normal([1, 3], 2)]);
});

u(
  'inserts a size-1 dim: [2, 3] becomes [1, 2, 3], [2, 1, 3], [2, 3, 1]',
  () => {
    const x = zeros([2, 3]);
    assert.equal(unsqueeze(x, 0).shape, [1, 2, 3]);
    assert.equal(unsqueeze(x, 1).shape, [2, 1, 3]);
    assert.equal(unsqueeze(x, 2).shape, [2, 3, 1]);
    assert.equal(unsqueeze(x, -1).shape, [2, 3, 1]);
    assert.equal(unsqueeze(x, -3).shape, [1, 2, 3]);
  },
);

u('keeps the values: [[1, 2], [3, 4]] at dim 1 is [[[1, 2]], [[3, 4]]]', () => {
  const x = tensor(
    [
      [1, 2],
      [3, 4],
    ],
    { dtype: 'float64' },
  );
  assert.equal(unsqueeze(x, 1).toArray(), [[[1, 2]], [[3, 4]]]);
});

u('shares storage with a contiguous input', () => {
  const x = normal([2, 3], 3);
  assert.is(unsqueeze(x, 1).nd.data, x.nd.data);
});

u('turns rank 0 into [1] at dim 0 or -1, and size-0 [0] into [0, 1]', () => {
  assert.equal(unsqueeze(tensor(5), 0).toArray(), [5]);
  assert.equal(unsqueeze(tensor(5), -1).shape, [1]);
  assert.equal(unsqueeze(zeros([0]), 1).shape, [0, 1]);
  assertGradcheck((x) => unsqueeze(x, 0), [tensor(0.5, { dtype: 'float64' })]);
});

u('rejects dim 3 for rank 2, naming the range [-3, 2]', () => {
  assertThrows(
    () => unsqueeze(zeros([2, 3]), 3),
    RangeError,
    'unsqueeze:',
    '[-3, 2]',
    'got 3',
  );
  assertThrows(
    () => unsqueeze(zeros([2, 3]), -4),
    RangeError,
    '[-3, 2]',
    'got -4',
  );
});

u('words dim as an insert position for the input rank', () => {
  // It once said 'for a tensor of rank 3' about this rank-2 input.
  assertThrows(
    () => unsqueeze(zeros([2, 3]), 5),
    RangeError,
    'unsqueeze: dim must be an insert position in [-3, 2] for a rank-2 ' +
      'tensor, got 5',
    '-1 appends a dim',
  );
});

u.run();
