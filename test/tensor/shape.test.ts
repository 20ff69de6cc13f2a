import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ShapeError } from '../../src/index.js';
import {
  broadcastShapes,
  contiguousStrides,
  normalizeDim,
  normalizeDims,
  sameShape,
  sizeOf,
} from '../../src/tensor/shape.js';
import { assertThrows } from '../helpers/assert-close.js';

// Expected shapes follow NumPy's broadcasting rules, worked out by hand:
// align at the last dim, each pair equal or containing a 1.

const broadcast = suite('broadcastShapes');

broadcast('gives the common shape of equal shapes [2, 3] and [2, 3]', () => {
  assert.equal(broadcastShapes('add', [2, 3], [2, 3]), [2, 3]);
});

broadcast('stretches size-1 dims on either side: [2, 1, 3] and [4, 1]', () => {
  assert.equal(broadcastShapes('add', [2, 1, 3], [4, 1]), [2, 4, 3]);
  assert.equal(broadcastShapes('add', [4, 1], [2, 1, 3]), [2, 4, 3]);
});

broadcast('prepends missing leading dims: [3] with [5, 4, 3]', () => {
  assert.equal(broadcastShapes('mul', [3], [5, 4, 3]), [5, 4, 3]);
});

broadcast('treats a scalar [] as broadcasting to anything', () => {
  assert.equal(broadcastShapes('mul', [], [2, 3]), [2, 3]);
  assert.equal(broadcastShapes('mul', [2, 3], []), [2, 3]);
  assert.equal(broadcastShapes('mul', [], []), []);
});

broadcast(
  'keeps size 0 against size 1: [0] with [1] and [1, 0] with [3, 1]',
  () => {
    assert.equal(broadcastShapes('add', [0], [1]), [0]);
    assert.equal(broadcastShapes('add', [1], [0]), [0]);
    assert.equal(broadcastShapes('add', [1, 0], [3, 1]), [3, 0]);
  },
);

broadcast('rejects [2, 3] with [4], naming both shapes and the dim', () => {
  assertThrows(
    () => broadcastShapes('add', [2, 3], [4]),
    ShapeError,
    'add: shapes [2, 3] and [4] do not broadcast',
    'dim 1 of the aligned shapes is 3 against 4',
  );
});

broadcast('rejects size 0 against size 2 ([0] with [2])', () => {
  assertThrows(
    () => broadcastShapes('sub', [0], [2]),
    ShapeError,
    'sub: shapes [0] and [2] do not broadcast',
  );
});

broadcast('does not modify its arguments', () => {
  const a = [2, 1];
  const b = [3];
  broadcastShapes('add', a, b);
  assert.equal(a, [2, 1]);
  assert.equal(b, [3]);
});

broadcast.run();

const dim = suite('normalizeDim');

dim('keeps a non-negative dim: 0, 1, 2 of rank 3', () => {
  assert.is(normalizeDim('sum', 0, 3), 0);
  assert.is(normalizeDim('sum', 1, 3), 1);
  assert.is(normalizeDim('sum', 2, 3), 2);
});

dim('counts negative dims from the end: -1 is 2 and -3 is 0 for rank 3', () => {
  assert.is(normalizeDim('sum', -1, 3), 2);
  assert.is(normalizeDim('sum', -3, 3), 0);
});

dim('accepts 0 and -1 for a rank-0 tensor, as PyTorch does', () => {
  assert.is(normalizeDim('sum', 0, 0), 0);
  assert.is(normalizeDim('sum', -1, 0), 0);
});

dim('rejects dim 3 for rank 3 with the legal range', () => {
  assertThrows(
    () => normalizeDim('sum', 3, 3),
    RangeError,
    'sum: dim must be an integer in [-3, 2] for a tensor of rank 3, got 3',
  );
});

dim('rejects dim -4 for rank 3', () => {
  assertThrows(
    () => normalizeDim('mean', -4, 3),
    RangeError,
    'mean:',
    'got -4',
  );
});

dim('rejects dim 1 for a rank-0 tensor', () => {
  assertThrows(
    () => normalizeDim('softmax', 1, 0),
    RangeError,
    'in [-1, 0] for a tensor of rank 0, got 1',
  );
});

dim('rejects a non-integer dim 1.5', () => {
  assertThrows(() => normalizeDim('sum', 1.5, 3), RangeError, 'got 1.5');
});

dim('takes insert positions 0..2 and -3..-1 for rank 2', () => {
  const at = (d: number): number =>
    normalizeDim('unsqueeze', d, 2, { insert: true });
  assert.equal([0, 1, 2, -1, -2, -3].map(at), [0, 1, 2, 2, 1, 0]);
  assert.is(normalizeDim('stack', -1, 0, { insert: true }), 0);
});

dim('words an insert position by the rank of the tensor it goes into', () => {
  assertThrows(
    () => normalizeDim('unsqueeze', 5, 2, { insert: true }),
    RangeError,
    'unsqueeze: dim must be an insert position in [-3, 2] for a rank-2 ' +
      'tensor, got 5. Negative positions count from the end: -1 appends a dim.',
  );
  assertThrows(
    () => normalizeDim('stack', 1, 0, { insert: true }),
    RangeError,
    'in [-1, 0] for a rank-0 tensor, got 1',
  );
});

dim.run();

const dims = suite('normalizeDims');

dims('normalizes each dim of a list: [-1, 0] for rank 2 is [1, 0]', () => {
  assert.equal(normalizeDims('sum', [-1, 0], 2), [1, 0]);
});

dims('rejects a dim listed twice, even when spelled -1 and 1', () => {
  assertThrows(
    () => normalizeDims('sum', [-1, 1], 2),
    RangeError,
    'sum: dim 1 appears twice in [-1, 1]',
  );
});

dims.run();

const size = suite('sizeOf');

size('multiplies the sizes: [2, 3, 4] holds 24', () => {
  assert.is(sizeOf([2, 3, 4]), 24);
});

size('gives 1 for the scalar shape []', () => {
  assert.is(sizeOf([]), 1);
});

size('gives 0 when any dim is 0: [2, 0, 3]', () => {
  assert.is(sizeOf([2, 0, 3]), 0);
});

size.run();

const strides = suite('contiguousStrides');

strides('gives row-major strides: [2, 3, 4] is [12, 4, 1]', () => {
  // 12 = 3 · 4, 4 = 4, 1: the last dim moves fastest.
  assert.equal(contiguousStrides([2, 3, 4]), [12, 4, 1]);
});

strides('gives [1] for rank 1 and [] for rank 0', () => {
  assert.equal(contiguousStrides([7]), [1]);
  assert.equal(contiguousStrides([]), []);
});

strides('steps over size-1 dims: [3, 1, 2] is [2, 2, 1]', () => {
  assert.equal(contiguousStrides([3, 1, 2]), [2, 2, 1]);
});

strides.run();

const same = suite('sameShape');

same('compares sizes and rank', () => {
  assert.ok(sameShape([2, 3], [2, 3]));
  assert.ok(sameShape([], []));
  assert.not.ok(sameShape([2, 3], [3, 2]));
  assert.not.ok(sameShape([6], [6, 1]));
});

same.run();
