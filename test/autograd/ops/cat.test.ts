import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ShapeError, cat, tensor, zeros } from '../../../src/index.js';
import {
  FLOAT64,
  assertClose,
  assertThrows,
} from '../../helpers/assert-close.js';
import { assertGradcheck } from '../../helpers/gradcheck.js';
import { normal } from '../../helpers/inputs.js';

const c = suite('cat');

c(
  'gradcheck: two [2, 3] along dim 0, and [2, 1] with [2, 3] along dim 1',
  () => {
    assertGradcheck(
      (a, b) => cat([a!, b!]),
      [normal([2, 3], 1), normal([2, 3], 2)],
    );
    assertGradcheck(
      (a, b) => cat([a!, b!], 1),
      [normal([2, 1], 3), normal([2, 3], 4)],
    );
  },
);

c('gradcheck: three tensors along dim -1 of rank 3', () => {
  const inputs = [
    normal([2, 1, 2], 5),
    normal([2, 1, 3], 6),
    normal([2, 1, 1], 7),
  ];
  assertGradcheck((a, b, d) => cat([a!, b!, d!], -1), inputs);
});

c('gradcheck: with a size-0 piece [0, 3] and the same tensor twice', () => {
  assertGradcheck(
    (a, b) => cat([a!, b!]),
    [normal([0, 3], 8), normal([2, 3], 9)],
  );
  assertGradcheck((a) => cat([a!, a!], 1), [normal([2, 2], 10)]);
});

c('joins rows and columns as plain array concatenation does', () => {
  const a = tensor(
    [
      [1, 2],
      [3, 4],
    ],
    { dtype: 'float64' },
  );
  const b = tensor([[5, 6]], { dtype: 'float64' });
  // Expected: [...a rows, ...b rows], and each row of a followed by its pair.
  assert.equal(cat([a, b]).toArray(), [
    [1, 2],
    [3, 4],
    [5, 6],
  ]);
  const d = tensor([[7], [8]], { dtype: 'float64' });
  assert.equal(cat([a, d], 1).toArray(), [
    [1, 2, 7],
    [3, 4, 8],
  ]);
});

c('joins along the middle dim of [2, 1, 3] and [2, 2, 3] as loops do', () => {
  const a = normal([2, 1, 3], 11);
  const b = normal([2, 2, 3], 12);
  const av = a.toArray() as number[][][];
  const bv = b.toArray() as number[][][];
  const want = [0, 1].flatMap((i) => [...av[i]!, ...bv[i]!].flat());
  assertClose(cat([a, b], 1), { shape: [2, 3, 3], values: want }, FLOAT64);
});

c('promotes dtypes: float32 with float64 gives float64', () => {
  const out = cat([
    tensor([1], { dtype: 'float32' }),
    tensor([2], { dtype: 'float64' }),
  ]);
  assert.is(out.dtype, 'float64');
  assert.equal(out.toArray(), [1, 2]);
});

c('splits the gradient back into each piece', () => {
  const a = zeros([1, 2], { dtype: 'float64', requiresGrad: true });
  const b = zeros([2, 2], { dtype: 'float64', requiresGrad: true });
  cat([a, b]).backward(
    tensor(
      [
        [1, 2],
        [3, 4],
        [5, 6],
      ],
      { dtype: 'float64' },
    ),
  );
  assert.equal(a.grad!.toArray(), [[1, 2]]);
  assert.equal(b.grad!.toArray(), [
    [3, 4],
    [5, 6],
  ]);
});

c('takes a single tensor and pieces that are all size 0', () => {
  assert.equal(cat([tensor([1, 2])]).toArray(), [1, 2]);
  assert.equal(cat([zeros([0, 2]), zeros([0, 2])]).shape, [0, 2]);
  assert.equal(cat([zeros([2, 0]), zeros([2, 0])], 1).shape, [2, 0]);
});

c(
  'rejects mismatched shapes, naming both: [2, 3] and [2, 4] along dim 0',
  () => {
    assertThrows(
      () => cat([zeros([2, 3]), zeros([2, 4])]),
      ShapeError,
      'cat:',
      'tensor 1 has shape [2, 4]',
      "tensor 0's [2, 3] along dim 0",
    );
    assertThrows(
      () => cat([zeros([2, 3]), zeros([3])]),
      ShapeError,
      'tensor 1 has shape [3]',
    );
  },
);

c('rejects an empty list and rank-0 tensors', () => {
  assertThrows(() => cat([]), ShapeError, 'cat:', 'non-empty array');
  assertThrows(
    () => cat([tensor([1]), tensor(2)]),
    ShapeError,
    'cat:',
    'tensor 1 has rank 0',
    'stack',
  );
});

c('rejects dim 2 for rank 2, naming the range [-2, 1]', () => {
  assertThrows(
    () => cat([zeros([2, 3]), zeros([2, 3])], 2),
    RangeError,
    'cat:',
    '[-2, 1]',
    'got 2',
  );
});

c.run();
