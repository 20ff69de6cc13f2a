import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import {
  DTypeError,
  Generator,
  ShapeError,
  gather,
  randint,
  tensor,
  zeros,
  type Tensor,
} from '../../../src/index.js';
import {
  FLOAT64,
  assertClose,
  assertThrows,
} from '../../helpers/assert-close.js';
import { assertGradcheck } from '../../helpers/gradcheck.js';
import { normal } from '../../helpers/inputs.js';

/** Seeded int32 indices in [0, high) of `shape`. */
function indices(high: number, shape: number[], seed: number): Tensor {
  return randint(0, high, shape, { generator: new Generator(seed) });
}

const int32 = { dtype: 'int32' } as const;

const g = suite('gather');

g('gradcheck: [3, 4] along dim 1 with index [3, 5], repeats included', () => {
  const index = indices(4, [3, 5], 1);
  assertGradcheck((x) => gather(x, 1, index), [normal([3, 4], 2)]);
});

g(
  'gradcheck: [3, 4] along dim 0 and dim -2 with a smaller index [2, 3]',
  () => {
    const index = indices(3, [2, 3], 3);
    assertGradcheck((x) => gather(x, 0, index), [normal([3, 4], 4)]);
    assertGradcheck((x) => gather(x, -2, index), [normal([3, 4], 5)]);
  },
);

g('gradcheck: [2, 1, 3] along dim 2 and along its size-1 dim 1', () => {
  assertGradcheck(
    (x) => gather(x, 2, indices(3, [2, 1, 4], 6)),
    [normal([2, 1, 3], 7)],
  );
  assertGradcheck(
    (x) => gather(x, 1, zeros([2, 2, 3], int32)),
    [normal([2, 1, 3], 8)],
  );
});

g('picks out[i][j] = x[i][index[i][j]] as a plain loop does', () => {
  const x = normal([3, 4], 9);
  const index = indices(4, [3, 2], 10);
  const xv = x.toArray() as number[][];
  const iv = index.toArray() as number[][];
  const want = iv.flatMap((row, i) => row.map((k) => xv[i]![k]!));
  assertClose(gather(x, 1, index), { shape: [3, 2], values: want }, FLOAT64);
});

g('picks out[i][j] = x[index[i][j]][j] along dim 0', () => {
  // Expected: read off by hand.
  const x = tensor(
    [
      [1, 2],
      [3, 4],
      [5, 6],
    ],
    { dtype: 'float64' },
  );
  const index = tensor(
    [
      [2, 0],
      [1, 1],
    ],
    int32,
  );
  assert.equal(gather(x, 0, index).toArray(), [
    [5, 2],
    [3, 4],
  ]);
});

g('adds up the gradient of repeated positions', () => {
  const x = zeros([2, 3], { dtype: 'float64', requiresGrad: true });
  const index = tensor(
    [
      [0, 0, 2],
      [1, 1, 1],
    ],
    int32,
  );
  gather(x, 1, index).backward(
    tensor(
      [
        [1, 2, 3],
        [4, 5, 6],
      ],
      { dtype: 'float64' },
    ),
  );
  // Expected: row 0 gets 1 + 2 at 0 and 3 at 2; row 1 gets 4 + 5 + 6 at 1.
  assertClose(x.grad!, { shape: [2, 3], values: [3, 0, 3, 0, 15, 0] }, FLOAT64);
});

g('reads a transposed (non-contiguous) input at the right places', () => {
  const x = tensor(
    [
      [1, 2, 3],
      [4, 5, 6],
    ],
    { dtype: 'float64' },
  ).T;
  const index = tensor([[1], [0], [1]], int32);
  // Expected: x is [[1, 4], [2, 5], [3, 6]]; pick columns 1, 0, 1.
  assert.equal(gather(x, 1, index).toArray(), [[4], [2], [6]]);
});

g('takes a rank-0 input with a rank-0 index 0 to the input', () => {
  const x = tensor(2.5, { dtype: 'float64' });
  assert.is(gather(x, 0, tensor(0, int32)).item(), 2.5);
  assertGradcheck(
    (y) => gather(y, 0, tensor(0, int32)),
    [tensor(0.3, { dtype: 'float64' })],
  );
});

g('gives a size-0 result for a size-0 index [2, 0]', () => {
  assert.equal(gather(zeros([2, 3]), 1, zeros([2, 0], int32)).shape, [2, 0]);
});

g('rejects an index out of range, naming its value and position', () => {
  const index = tensor(
    [
      [0, 1],
      [4, 0],
    ],
    int32,
  );
  assertThrows(
    () => gather(zeros([2, 4]), 1, index),
    RangeError,
    'gather:',
    'index 4 at position [1, 0]',
    'dim 1 of size 4',
    '[0, 4)',
  );
  const negative = tensor([[0], [-1]], int32);
  assertThrows(
    () => gather(zeros([2, 4]), 1, negative),
    RangeError,
    'index -1 at position [1, 0]',
  );
});

g('rejects a float index', () => {
  const index = tensor([[0, 1]], { dtype: 'float32' });
  assertThrows(
    () => gather(zeros([1, 2]), 1, index),
    DTypeError,
    'gather:',
    'int32',
    'got float32',
  );
});

g('rejects an index of another rank: [2] for input [2, 3]', () => {
  assertThrows(
    () => gather(zeros([2, 3]), 1, tensor([0, 1], int32)),
    ShapeError,
    'gather:',
    "input's rank 2",
    'got shape [2] for input [2, 3]',
  );
});

g(
  'rejects an index larger than the input outside dim: [3, 1] for [2, 3]',
  () => {
    assertThrows(
      () => gather(zeros([2, 3]), 1, zeros([3, 1], int32)),
      ShapeError,
      'gather:',
      'index shape [3, 1] is larger than input [2, 3] in dim 0',
    );
  },
);

g('rejects dim 2 for rank 2, naming the range [-2, 1]', () => {
  assertThrows(
    () => gather(zeros([2, 3]), 2, zeros([2, 3], int32)),
    RangeError,
    'gather:',
    '[-2, 1]',
    'got 2',
  );
});

g.run();
