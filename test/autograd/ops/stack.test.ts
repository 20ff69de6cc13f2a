import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ShapeError, stack, tensor, zeros } from '../../../src/index.js';
import { assertThrows } from '../../helpers/assert-close.js';
import { assertGradcheck } from '../../helpers/gradcheck.js';
import { normal } from '../../helpers/inputs.js';

const s = suite('stack');

s('gradcheck: two [2, 3] at dims 0, 1, 2 and -1', () => {
  for (const dim of [0, 1, 2, -1]) {
    assertGradcheck(
      (a, b) => stack([a!, b!], dim),
      [normal([2, 3], 1), normal([2, 3], 2)],
    );
  }
});

s('gradcheck: three [1, 2] at dim 1, and rank-0 tensors into [2]', () => {
  const inputs = [normal([1, 2], 3), normal([1, 2], 4), normal([1, 2], 5)];
  assertGradcheck((a, b, d) => stack([a!, b!, d!], 1), inputs);
  const scalars = [
    tensor(0.5, { dtype: 'float64' }),
    tensor(-1, { dtype: 'float64' }),
  ];
  assertGradcheck((a, b) => stack([a!, b!]), scalars);
});

s('stacks [1, 2] and [3, 4] as rows at dim 0 and as columns at dim 1', () => {
  // Expected: the two arrays side by side, by hand.
  const a = tensor([1, 2], { dtype: 'float64' });
  const b = tensor([3, 4], { dtype: 'float64' });
  assert.equal(stack([a, b]).toArray(), [
    [1, 2],
    [3, 4],
  ]);
  assert.equal(stack([a, b], 1).toArray(), [
    [1, 3],
    [2, 4],
  ]);
  assert.equal(stack([a, b], -1).toArray(), [
    [1, 3],
    [2, 4],
  ]);
});

s('puts the new dim where asked: [2, 3] pieces at 0, 1, 2 and -2', () => {
  const x = zeros([2, 3]);
  assert.equal(stack([x, x], 0).shape, [2, 2, 3]);
  assert.equal(stack([x, x], 1).shape, [2, 2, 3]);
  assert.equal(stack([x, x], 2).shape, [2, 3, 2]);
  assert.equal(stack([x, x, x], -2).shape, [2, 3, 3]);
});

s('stacks rank-0 tensors into [n] and size-0 [0, 3] into [2, 0, 3]', () => {
  assert.equal(stack([tensor(1), tensor(2), tensor(3)]).toArray(), [1, 2, 3]);
  assert.equal(stack([zeros([0, 3]), zeros([0, 3])]).shape, [2, 0, 3]);
});

s('rejects tensors of different shapes, naming both', () => {
  assertThrows(
    () => stack([zeros([2, 3]), zeros([3, 2])]),
    ShapeError,
    'stack:',
    "tensor 0's shape [2, 3]",
    'tensor 1 has [3, 2]',
  );
});

s('rejects an empty list', () => {
  assertThrows(() => stack([]), ShapeError, 'stack:', 'non-empty array');
});

s('rejects dim 3 for rank-2 pieces, naming the range [-3, 2]', () => {
  assertThrows(
    () => stack([zeros([2, 3]), zeros([2, 3])], 3),
    RangeError,
    'stack:',
    '[-3, 2]',
    'got 3',
  );
  assertThrows(() => stack([tensor(1)], -2), RangeError, '[-1, 0]', 'got -2');
});

s('words dim as an insert position for the pieces rank', () => {
  assertThrows(
    () => stack([zeros([2, 3])], 5),
    RangeError,
    'stack: dim must be an insert position in [-3, 2] for a rank-2 tensor, ' +
      'got 5',
  );
});

s.run();
