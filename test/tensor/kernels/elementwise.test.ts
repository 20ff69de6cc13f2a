import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ShapeError, tensor } from '../../../src/index.js';
import { observeAllocations } from '../../../src/tensor/dtype.js';
import {
  broadcastValues,
  mapWith,
  zip,
} from '../../../src/tensor/kernels/elementwise.js';
import { assertThrows } from '../../helpers/assert-close.js';

// Expected values are small sums and differences worked out by hand.

function allocations(run: () => void): number[] {
  const sizes: number[] = [];
  observeAllocations((_, size) => sizes.push(size));
  try {
    run();
  } finally {
    observeAllocations(null);
  }
  return sizes;
}

const add = (p: number, q: number): number => p + q;
const sub = (p: number, q: number): number => p - q;

const zipping = suite('zip');

zipping('adds a bias [3] to [2, 3] reading it in place, no full copy', () => {
  const x = tensor([
    [1, 2, 3],
    [4, 5, 6],
  ]);
  const bias = tensor([10, 20, 30]);
  let out = x;
  const sizes = allocations(() => {
    out = zip('add', x, bias, add, 'float32');
  });
  assert.equal(sizes, [6], 'only the output is allocated');
  assert.equal(out.toArray(), [
    [11, 22, 33],
    [14, 25, 36],
  ]);
});

zipping('keeps the operand order for a [1, 3] bias first: b - x', () => {
  const x = tensor([
    [1, 2, 3],
    [4, 5, 6],
  ]);
  const bias = tensor([[10, 20, 30]]);
  assert.equal(zip('sub', bias, x, sub, 'float32').toArray(), [
    [9, 18, 27],
    [6, 15, 24],
  ]);
});

zipping(
  'reads a [2, 2] suffix of [2, 2, 2] and a transposed full operand',
  () => {
    const x = tensor([
      [
        [1, 2],
        [3, 4],
      ],
      [
        [5, 6],
        [7, 8],
      ],
    ]).permute(2, 1, 0); // not contiguous
    const y = tensor([
      [100, 200],
      [300, 400],
    ]);
    // x[i][j][k] = original[k][j][i]
    assert.equal(zip('add', x, y, add, 'float32').toArray(), [
      [
        [101, 205],
        [303, 407],
      ],
      [
        [102, 206],
        [304, 408],
      ],
    ]);
  },
);

zipping('broadcasts [2, 1] against [1, 3] through expanded copies', () => {
  const a = tensor([[1], [2]]);
  const b = tensor([[10, 20, 30]]);
  assert.equal(zip('add', a, b, add, 'float32').toArray(), [
    [11, 21, 31],
    [12, 22, 32],
  ]);
});

zipping('handles a size-0 result [0, 3] with a bias [3]', () => {
  const x = tensor([[], []]).reshape(0, 3);
  assert.equal(zip('add', x, tensor([1, 2, 3]), add, 'float32').shape, [0, 3]);
});

zipping.run();

const broadcasting = suite('broadcastValues');

broadcasting('expands [3, 1] to [2, 3, 2] in row-major order', () => {
  const x = tensor([[1], [2], [3]]);
  assert.equal(
    [...broadcastValues(x, [2, 3, 2])],
    [1, 1, 2, 2, 3, 3, 1, 1, 2, 2, 3, 3],
  );
});

broadcasting('expands a transposed view through its strides', () => {
  const x = tensor([[1, 2]]).T; // [[1], [2]]
  assert.equal([...broadcastValues(x, [2, 3])], [1, 1, 1, 2, 2, 2]);
});

broadcasting('returns the values themselves when the shapes match', () => {
  const x = tensor([1, 2, 3]);
  assert.is(broadcastValues(x, [3]).buffer, x.nd.data.buffer);
});

broadcasting.run();

const mappingWith = suite('mapWith');

mappingWith('gives dy · f(x) for [2, 3] allocating only the output', () => {
  const dy = tensor([
    [1, 2, 3],
    [4, 5, 6],
  ]);
  const x = tensor([
    [1, -1, 0],
    [-2, 2, 3],
  ]);
  let out = dy;
  const sizes = allocations(() => {
    out = mapWith(dy, x, (g, v) => g * (v > 0 ? 1 : 0));
  });
  assert.equal(sizes, [6], 'no array of derivatives beside the output');
  assert.equal(out.toArray(), [
    [1, 0, 0],
    [0, 5, 6],
  ]);
});

mappingWith("keeps dy's dtype and shape [3]", () => {
  const dy = tensor([0.5, 1, 2], { dtype: 'float64' });
  const out = mapWith(dy, tensor([1, 2, 3]), (g, v) => g * v);
  assert.is(out.dtype, 'float64');
  assert.equal(out.shape, [3]);
  assert.equal([...out.values()], [0.5, 2, 6]);
});

mappingWith('reads transposed views of dy and x in row-major order', () => {
  const dy = tensor([
    [1, 2],
    [3, 4],
  ]).T; // [[1, 3], [2, 4]]
  const x = tensor([[10, 20]]).T; // [[10], [20]]
  const out = mapWith(dy, x.expand(2, 2), (g, v) => g + v);
  assert.equal(out.toArray(), [
    [11, 13],
    [22, 24],
  ]);
});

mappingWith('takes rank 0 and size-0 [0, 3]', () => {
  assert.is(mapWith(tensor(2), tensor(3), (g, v) => g * v).item(), 6);
  const empty = tensor([[], []]).reshape(0, 3);
  assert.equal(mapWith(empty, empty, (g) => g).shape, [0, 3]);
});

mappingWith('rejects dy [2, 3] beside x [3, 2] as an internal error', () => {
  assertThrows(
    () =>
      mapWith(
        tensor([
          [1, 2, 3],
          [4, 5, 6],
        ]),
        tensor([
          [1, 2],
          [3, 4],
          [5, 6],
        ]),
        (g) => g,
      ),
    ShapeError,
    'internal: mapWith needs dy and x of one shape, got [2, 3] and [3, 2]',
  );
});

mappingWith.run();
