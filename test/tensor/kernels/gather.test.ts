import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { tensor } from '../../../src/index.js';
import { observeAllocations } from '../../../src/tensor/dtype.js';
import { placeAlong } from '../../../src/tensor/kernels/gather.js';

// Expected values are the parts' own entries, placed by hand.

const placing = suite('placeAlong');

placing('writes [2, 1] then [2, 2] back to back along dim 1 of [2, 3]', () => {
  const a = tensor([[1], [2]]);
  const b = tensor([
    [3, 4],
    [5, 6],
  ]);
  const sizes: number[] = [];
  observeAllocations((_, size) => sizes.push(size));
  let out = a;
  try {
    out = placeAlong([2, 3], 'float32', 1, 0, [a, b]);
  } finally {
    observeAllocations(null);
  }
  assert.equal(sizes, [6], 'only the output is allocated');
  assert.equal(out.toArray(), [
    [1, 3, 4],
    [2, 5, 6],
  ]);
});

placing('pads one part [1, 2] with zeros at row 1 of [3, 2]', () => {
  const out = placeAlong([3, 2], 'float64', 0, 1, [tensor([[7, 8]])]);
  assert.is(out.dtype, 'float64');
  assert.equal(out.toArray(), [
    [0, 0],
    [7, 8],
    [0, 0],
  ]);
});

placing('reads a transposed part through its strides', () => {
  const part = tensor([[1, 2]]).T; // [[1], [2]]
  const out = placeAlong([2, 2], 'float32', 1, 1, [part]);
  assert.equal(out.toArray(), [
    [0, 1],
    [0, 2],
  ]);
});

placing('takes a size-0 part [2, 0] beside [2, 1]', () => {
  const out = placeAlong([2, 1], 'int32', 1, 0, [
    tensor([[], []], { dtype: 'int32' }),
    tensor([[3], [4]], { dtype: 'int32' }),
  ]);
  assert.equal(out.toArray(), [[3], [4]]);
});

placing.run();
