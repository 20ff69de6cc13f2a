import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import {
  DTypeError,
  Generator,
  ShapeError,
  indexSelect,
  randint,
  tensor,
  zeros,
} from '../../../src/index.js';
import {
  FLOAT64,
  assertClose,
  assertThrows,
} from '../../helpers/assert-close.js';
import { assertGradcheck } from '../../helpers/gradcheck.js';
import { normal } from '../../helpers/inputs.js';

const int32 = { dtype: 'int32' } as const;

const s = suite('indexSelect');

s('gradcheck: rows [2, 0, 2] of [4, 3], repeats included', () => {
  const index = tensor([2, 0, 2], int32);
  assertGradcheck((x) => indexSelect(x, 0, index), [normal([4, 3], 1)]);
});

s('gradcheck: seeded columns of [2, 5, 3] along dim 1 and dim -1', () => {
  const index = randint(0, 3, [4], { generator: new Generator(2) });
  assertGradcheck((x) => indexSelect(x, -1, index), [normal([2, 5, 3], 3)]);
  assertGradcheck(
    (x) => indexSelect(x, 1, tensor([4, 1], int32)),
    [normal([2, 5, 3], 4)],
  );
});

s('gradcheck: the size-1 dim of [1, 3] picked twice', () => {
  assertGradcheck(
    (x) => indexSelect(x, 0, tensor([0, 0], int32)),
    [normal([1, 3], 5)],
  );
});

s('picks whole slices in index order as a plain loop does', () => {
  const x = normal([3, 4], 6);
  const rows = x.toArray() as number[][];
  const order = [3, 0, 0, 2];
  const want = rows.flatMap((row) => order.map((k) => row[k]!));
  const out = indexSelect(x, 1, tensor(order, int32));
  assertClose(out, { shape: [3, 4], values: want }, FLOAT64);
});

s('picks rows [2, 0] of [[1, 2], [3, 4], [5, 6]]', () => {
  // Expected: read off by hand.
  const x = tensor(
    [
      [1, 2],
      [3, 4],
      [5, 6],
    ],
    { dtype: 'float64' },
  );
  assert.equal(indexSelect(x, 0, tensor([2, 0], int32)).toArray(), [
    [5, 6],
    [1, 2],
  ]);
});

s('adds up the gradient of a slice picked twice', () => {
  const x = zeros([3, 2], { dtype: 'float64', requiresGrad: true });
  const dy = tensor(
    [
      [1, 2],
      [3, 4],
      [5, 6],
    ],
    { dtype: 'float64' },
  );
  indexSelect(x, 0, tensor([1, 1, 0], int32)).backward(dy);
  // Expected: row 1 gets [1, 2] + [3, 4], row 0 gets [5, 6], row 2 nothing.
  assertClose(x.grad!, { shape: [3, 2], values: [5, 6, 4, 6, 0, 0] }, FLOAT64);
});

s('reads a transposed (non-contiguous) input at the right places', () => {
  const x = tensor(
    [
      [1, 2, 3],
      [4, 5, 6],
    ],
    { dtype: 'float64' },
  ).T;
  // Expected: x is [[1, 4], [2, 5], [3, 6]]; rows 2 and 0.
  assert.equal(indexSelect(x, 0, tensor([2, 0], int32)).toArray(), [
    [3, 6],
    [1, 4],
  ]);
});

s(
  'gives a size-0 dim for an empty index, and selects from size-0 [0, 3]',
  () => {
    assert.equal(
      indexSelect(zeros([2, 3]), 1, zeros([0], int32)).shape,
      [2, 0],
    );
    assert.equal(
      indexSelect(zeros([0, 3]), 1, tensor([2, 0], int32)).shape,
      [0, 2],
    );
  },
);

s('rejects an index out of range, naming its value and position', () => {
  assertThrows(
    () => indexSelect(zeros([3, 2]), 0, tensor([0, 1, 3], int32)),
    RangeError,
    'indexSelect:',
    'index 3 at position [2]',
    'dim 0 of size 3',
    '[0, 3)',
  );
  assertThrows(
    () => indexSelect(zeros([3, 2]), 1, tensor([-1], int32)),
    RangeError,
    'index -1 at position [0]',
  );
});

s('rejects a rank-2 index, asking to flatten it', () => {
  assertThrows(
    () => indexSelect(zeros([3, 2]), 0, tensor([[0, 1]], int32)),
    ShapeError,
    'indexSelect:',
    'rank 1',
    'got shape [1, 2]',
    'Flatten',
  );
});

s('rejects a float index and a rank-0 input', () => {
  assertThrows(
    () => indexSelect(zeros([3]), 0, tensor([0])),
    DTypeError,
    'indexSelect:',
    'int32',
    'got float32',
  );
  assertThrows(
    () => indexSelect(tensor(1), 0, tensor([0], int32)),
    ShapeError,
    'rank >= 1',
    'got rank 0',
  );
});

s('rejects dim 2 for rank 2, naming the range [-2, 1]', () => {
  assertThrows(
    () => indexSelect(zeros([3, 2]), 2, tensor([0], int32)),
    RangeError,
    'indexSelect:',
    '[-2, 1]',
    'got 2',
  );
});

s.run();
