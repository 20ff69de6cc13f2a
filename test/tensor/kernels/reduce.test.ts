import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { Generator, randn, tensor, zeros } from '../../../src/index.js';
import { observeAllocations } from '../../../src/tensor/dtype.js';
import { reduce } from '../../../src/tensor/kernels/reduce.js';
import { assertThrows } from '../../helpers/assert-close.js';

// Expected values are small sums done by hand, or the same sum taken along
// the other (run-based, copying) path, which adds in the same order.

const sums = suite('reduce sum');

sums('refuses an int32 sum past 2^31 - 1 rather than wrap it', () => {
  // [2^31 - 1, 5] once summed to -2147483644.
  const x = tensor([2 ** 31 - 1, 5], { dtype: 'int32' });
  assertThrows(
    () => x.sum(),
    RangeError,
    'sum: int32 values must lie in [-2147483648, 2147483647], got ' +
      '2147483652 for the sum of an int32 tensor',
    "Sum in float64 instead: x.to('float64').sum().",
  );
  assert.is(x.to('float64').sum().item(), 2147483652);
});

sums('refuses an int32 sum over a leading dim that leaves int32', () => {
  const x = tensor(
    [
      [2 ** 30, 1],
      [2 ** 30, 2],
    ],
    { dtype: 'int32' },
  );
  assertThrows(() => x.sum(0), RangeError, 'got 2147483648 for the sum');
  assertThrows(() => x.T.sum(1), RangeError, 'got 2147483648 for the sum');
  assert.equal(x.sum(1).toArray(), [2 ** 30 + 1, 2 ** 30 + 2]);
});

sums('sums a [64, 128] gradient over dim 0 with no copy of it', () => {
  const g = randn([64, 128], { generator: new Generator(5) });
  const sizes: number[] = [];
  observeAllocations((_, size) => sizes.push(size));
  let out;
  try {
    out = reduce(g, [0], 'sum');
  } finally {
    observeAllocations(null);
  }
  assert.equal(sizes, [128], 'only the output is allocated');
  assert.equal(out.shape, [128]);
  // The transpose summed over its last dim goes through the copying path.
  const viaRuns = reduce(g.T, [1], 'sum');
  assert.equal([...out.values()], [...viaRuns.values()]);
});

sums('sums leading dims of a transposed view through its strides', () => {
  const x = tensor([
    [1, 2, 3],
    [4, 5, 6],
  ]).T; // [[1, 4], [2, 5], [3, 6]]
  assert.equal(reduce(x, [0], 'sum').toArray(), [6, 15]);
});

sums('sums dims [0, 1] of [2, 3, 2] and dim 0 of [2, 2, 2]', () => {
  const x = tensor(
    [
      [
        [1, 2],
        [3, 4],
        [5, 6],
      ],
      [
        [7, 8],
        [9, 10],
        [11, 12],
      ],
    ],
    { dtype: 'float64' },
  );
  // 1 + 3 + 5 + 7 + 9 + 11 = 36, 2 + 4 + ... + 12 = 42
  assert.equal(reduce(x, [0, 1], 'sum').toArray(), [36, 42]);
  const y = x.narrow(1, 0, 2); // [2, 2, 2], not contiguous
  assert.equal(reduce(y, [0], 'sum').toArray(), [
    [8, 10],
    [12, 14],
  ]);
});

sums(
  'gives zeros for an empty leading dim, and [0] for an empty kept one',
  () => {
    assert.equal(reduce(zeros([0, 3]), [0], 'sum').toArray(), [0, 0, 0]);
    assert.equal(reduce(zeros([3, 0]), [0], 'sum').shape, [0]);
  },
);

sums.run();
