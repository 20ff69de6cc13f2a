import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import {
  DTypeError,
  ShapeError,
  matmul,
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

/** The (m, n) product of row-major (m, k) and (k, n) arrays, a triple loop. */
function plainMatmul(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  m: number,
  k: number,
  n: number,
): number[] {
  const out: number[] = [];
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let acc = 0;
      for (let q = 0; q < k; q++) acc += a[i * k + q]! * b[q * n + j]!;
      out.push(acc);
    }
  }
  return out;
}

const mm = suite('matmul');

mm(
  'gradcheck: matrix @ matrix [2, 3] @ [3, 4], and size-1 dims [1, 3] @ [3, 1]',
  () => {
    assertGradcheck(matmul, [normal([2, 3], 1), normal([3, 4], 2)]);
    assertGradcheck(matmul, [normal([1, 3], 3), normal([3, 1], 4)]);
    assertGradcheck(matmul, [normal([4, 1], 5), normal([1, 2], 6)]);
  },
);

mm(
  'gradcheck: vector @ matrix [3] @ [3, 4], matrix @ vector [2, 3] @ [3]',
  () => {
    assertGradcheck(matmul, [normal([3], 7), normal([3, 4], 8)]);
    assertGradcheck(matmul, [normal([2, 3], 9), normal([3], 10)]);
  },
);

mm('gradcheck: vector @ vector [3] @ [3], a scalar', () => {
  assertGradcheck(matmul, [normal([3], 11), normal([3], 12)]);
});

mm('gradcheck: broadcast batch dims [2, 1, 2, 3] @ [3, 3, 2]', () => {
  assertGradcheck(matmul, [normal([2, 1, 2, 3], 13), normal([3, 3, 2], 14)]);
});

mm(
  'gradcheck: batch against plain [2, 2, 3] @ [3, 2] and [2, 3] @ [2, 3, 2]',
  () => {
    assertGradcheck(matmul, [normal([2, 2, 3], 15), normal([3, 2], 16)]);
    assertGradcheck(matmul, [normal([2, 3], 17), normal([2, 3, 2], 18)]);
  },
);

mm('gradcheck: vector with batch [3] @ [2, 3, 4] and [2, 2, 3] @ [3]', () => {
  assertGradcheck(matmul, [normal([3], 19), normal([2, 3, 4], 20)]);
  assertGradcheck(matmul, [normal([2, 2, 3], 21), normal([3], 22)]);
});

mm(
  'multiplies [[1, 2], [3, 4]] @ [[5, 6], [7, 8]] to [[19, 22], [43, 50]]',
  () => {
    // Expected: hand arithmetic, e.g. 1·5 + 2·7 = 19.
    const a = tensor(
      [
        [1, 2],
        [3, 4],
      ],
      { dtype: 'float64' },
    );
    const b = tensor(
      [
        [5, 6],
        [7, 8],
      ],
      { dtype: 'float64' },
    );
    assertClose(
      matmul(a, b),
      { shape: [2, 2], values: [19, 22, 43, 50] },
      FLOAT64,
    );
  },
);

mm('matches a triple loop for [5, 6] @ [6, 7], tiles and edges alike', () => {
  // 5 rows and 7 columns leave a row and 3 columns outside the 4×4 tiles.
  const a = normal([5, 6], 23);
  const b = normal([6, 7], 24);
  const want = plainMatmul(a.values(), b.values(), 5, 6, 7);
  assertClose(matmul(a, b), { shape: [5, 7], values: want }, FLOAT64);
});

mm('matches a triple loop for a transposed (non-contiguous) operand', () => {
  const a = normal([3, 2], 25);
  const b = normal([3, 4], 26);
  const at = a.toArray() as number[][];
  const aT = [0, 1].flatMap((i) => at.map((row) => row[i]!));
  const want = plainMatmul(aT, b.values(), 2, 3, 4);
  assertClose(matmul(a.T, b), { shape: [2, 4], values: want }, FLOAT64);
});

mm(
  'repeats the size-1 batch dims: [3, 1, 4, 5] @ [2, 5, 2] is [3, 2, 4, 2]',
  () => {
    const a = normal([3, 1, 4, 5], 27);
    const b = normal([2, 5, 2], 28);
    const av = a.values();
    const bv = b.values();
    // Expected: batch (i, j) pairs a's matrix i (4 × 5, 20 values) with b's
    // matrix j (5 × 2, 10 values).
    const want: number[] = [];
    for (let i = 0; i < 3; i++) {
      const ai = av.subarray(i * 20, i * 20 + 20);
      for (let j = 0; j < 2; j++) {
        want.push(
          ...plainMatmul(ai, bv.subarray(j * 10, j * 10 + 10), 4, 5, 2),
        );
      }
    }
    assertClose(matmul(a, b), { shape: [3, 2, 4, 2], values: want }, FLOAT64);
  },
);

mm(
  'drops vector dims: [3] @ [3, 4] is [4], [2, 3] @ [3] is [2], [3] @ [3] is []',
  () => {
    const v = tensor([1, 2, 3], { dtype: 'float64' });
    const m = tensor(
      [
        [1, 0, 2, 1],
        [0, 1, 1, 1],
        [1, 1, 0, 1],
      ],
      { dtype: 'float64' },
    );
    // Expected: hand arithmetic on small integers.
    assertClose(matmul(v, m), { shape: [4], values: [4, 5, 4, 6] }, FLOAT64);
    assertClose(
      matmul(m.T.narrow(0, 0, 2), v),
      { shape: [2], values: [4, 5] },
      FLOAT64,
    );
    assertClose(matmul(v, v), { shape: [], values: [14] }, FLOAT64);
  },
);

mm('gives zeros for inner size 0: [2, 0] @ [0, 3]', () => {
  assertClose(
    matmul(zeros([2, 0]), zeros([0, 3])),
    { shape: [2, 3], values: new Array(6).fill(0) },
    FLOAT64,
  );
});

mm('gives a size-0 result for [0, 3] @ [3, 2] and [2, 3] @ [3, 0]', () => {
  assert.equal(matmul(zeros([0, 3]), zeros([3, 2])).shape, [0, 2]);
  assert.equal(matmul(zeros([2, 3]), zeros([3, 0])).shape, [2, 0]);
  assert.equal(matmul(zeros([0, 2, 3]), zeros([3, 2])).shape, [0, 2, 2]);
});

mm('rejects inner sizes that differ: [2, 3] @ [4, 5] and [3] @ [4]', () => {
  assertThrows(
    () => matmul(zeros([2, 3]), zeros([4, 5])),
    ShapeError,
    'matmul: inner sizes differ',
    '[2, 3] @ [4, 5]',
    '3 columns by 4 rows',
  );
  assertThrows(
    () => matmul(zeros([3]), zeros([4])),
    ShapeError,
    'matmul: inner sizes differ',
    '[3] @ [4]',
  );
});

mm('rejects a rank-0 operand, suggesting mul', () => {
  assertThrows(
    () => matmul(tensor(2), zeros([2, 2])),
    ShapeError,
    'matmul:',
    'rank >= 1',
    'got shapes [] and [2, 2]',
    'mul',
  );
  assertThrows(
    () => matmul(zeros([2]), tensor(2)),
    ShapeError,
    'got shapes [2] and []',
  );
});

mm('rejects batch dims that do not broadcast: [2, 2, 3] @ [3, 3, 2]', () => {
  assertThrows(
    () => matmul(zeros([2, 2, 3]), zeros([3, 3, 2])),
    ShapeError,
    'matmul: the batch dims of [2, 2, 3] @ [3, 3, 2] (all but the last ' +
      'two: [2] and [3]) do not broadcast: 2 against 3',
  );
  assertThrows(
    () => matmul(zeros([4, 2, 1, 3]), zeros([5, 1, 3, 2])),
    ShapeError,
    'matmul: the batch dims of [4, 2, 1, 3] @ [5, 1, 3, 2]',
    '4 against 5',
  );
});

mm('rejects int32 operands', () => {
  const a = tensor([[1, 2]], { dtype: 'int32' });
  assertThrows(() => matmul(a, a.T), DTypeError, 'matmul:', 'got int32');
});

mm.run();
