import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import {
  Generator,
  ShapeError,
  max,
  min,
  tensor,
  zeros,
  type Tensor,
} from '../../../src/index.js';
import { sizeOf } from '../../../src/tensor/shape.js';
import {
  FLOAT64,
  assertClose,
  assertThrows,
} from '../../helpers/assert-close.js';
import { assertGradcheck } from '../../helpers/gradcheck.js';

/**
 * float64 values of `shape` with no ties: 0.1 · (0..n-1) - 1, shuffled by a
 * seeded Fisher-Yates. Gaps of 0.1 dwarf gradcheck's 1e-6 step, so the
 * extremum never moves while the differences are taken.
 */
function untied(shape: number[], seed: number): Tensor {
  const generator = new Generator(seed);
  const n = sizeOf(shape);
  const values = Array.from({ length: n }, (_, i) => 0.1 * i - 1);
  for (let i = n - 1; i > 0; i--) {
    const j = generator.integer(0, i + 1);
    [values[i], values[j]] = [values[j]!, values[i]!];
  }
  return tensor(values, { dtype: 'float64', shape });
}

for (const [name, op, better] of [
  ['max', max, (a: number, b: number) => a > b],
  ['min', min, (a: number, b: number) => a < b],
] as const) {
  const s = suite(name);

  s('gradcheck: whole tensor of [3, 4] and [2, 1, 3]', () => {
    assertGradcheck((x) => op(x), [untied([3, 4], 1)]);
    assertGradcheck((x) => op(x), [untied([2, 1, 3], 2)]);
  });

  s(
    'gradcheck: one dim of [3, 4] and [2, 1, 3], keepdim false and true',
    () => {
      for (const keepdim of [false, true]) {
        assertGradcheck((x) => op(x, 0, keepdim), [untied([3, 4], 3)]);
        assertGradcheck((x) => op(x, 1, keepdim), [untied([3, 4], 4)]);
        assertGradcheck((x) => op(x, 1, keepdim), [untied([2, 1, 3], 5)]);
        assertGradcheck((x) => op(x, 2, keepdim), [untied([2, 1, 3], 6)]);
      }
    },
  );

  s('gradcheck: negative dims -1 and -3 of [2, 3, 4]', () => {
    assertGradcheck((x) => op(x, -1), [untied([2, 3, 4], 7)]);
    assertGradcheck((x) => op(x, -3, true), [untied([2, 3, 4], 8)]);
  });

  s('picks along dim 1 of [3, 4] what a plain loop picks', () => {
    const x = untied([3, 4], 9);
    const rows = x.toArray() as number[][];
    // Expected: a running best over each row.
    const want = rows.map((row) =>
      row.reduce((a, b) => (better(b, a) ? b : a)),
    );
    assertClose(op(x, 1), { shape: [3], values: want }, FLOAT64);
    assertClose(op(x, -1, true), { shape: [3, 1], values: want }, FLOAT64);
    const all = want.reduce((a, b) => (better(b, a) ? b : a));
    assertClose(op(x), { shape: [], values: [all] }, FLOAT64);
  });

  s('sends the gradient along dim 0 only to the extremum of [3, 2]', () => {
    // Columns [1, 5, 3] and [4, 2, 6]: hand-picked extrema.
    const x = tensor(
      [
        [1, 4],
        [5, 2],
        [3, 6],
      ],
      { dtype: 'float64', requiresGrad: true },
    );
    op(x, 0).backward(tensor([10, 20], { dtype: 'float64' }));
    const want = name === 'max' ? [0, 0, 10, 0, 0, 20] : [10, 0, 0, 20, 0, 0];
    assertClose(x.grad!, { shape: [3, 2], values: want }, FLOAT64);
  });

  s('shares the whole-tensor gradient evenly between tied extrema', () => {
    // PyTorch's rule for max() and min() with no dim: each of the k tied
    // elements gets 1 / k. Here two of them.
    const values = name === 'max' ? [1, 3, 3, 0] : [1, -2, 4, -2];
    const x = tensor(values, { dtype: 'float64', requiresGrad: true });
    op(x).backward();
    const want = name === 'max' ? [0, 0.5, 0.5, 0] : [0, 0.5, 0, 0.5];
    assertClose(x.grad!, { shape: [4], values: want }, FLOAT64);
  });

  s('lets NaN win, as in PyTorch', () => {
    const x = tensor(
      [
        [1, NaN, 3],
        [4, 5, 6],
      ],
      { dtype: 'float64' },
    );
    assert.ok(Number.isNaN(op(x).item()));
    const rows = op(x, 1).values();
    assert.ok(Number.isNaN(rows[0]!), 'row 0 holds NaN');
    assert.is(rows[1], name === 'max' ? 6 : 4);
  });

  s('takes a rank-0 tensor to itself, with no dim and dim 0 or -1', () => {
    const x = tensor(2.5, { dtype: 'float64' });
    for (const out of [op(x), op(x, 0), op(x, -1, true)]) {
      assert.equal(out.shape, []);
      assert.is(out.item(), 2.5);
    }
    assertGradcheck((y) => op(y, 0), [tensor(0.3, { dtype: 'float64' })]);
    assertGradcheck((y) => op(y), [tensor(0.3, { dtype: 'float64' })]);
  });

  s('takes a size-1 dim to itself: [3, 1] over dim 1', () => {
    const x = untied([3, 1], 10);
    assertClose(op(x, 1), { shape: [3], values: x.values() }, FLOAT64);
  });

  s('gives the whole-tensor gradient to the NaN: [NaN, 1, 2]', () => {
    // PyTorch's evenly_distribute_backward: a NaN result came from the
    // NaN entries, which share the gradient; [1, 0, 0] by that rule.
    const x = tensor([NaN, 1, 2], { dtype: 'float64', requiresGrad: true });
    op(x).backward();
    assertClose(x.grad!, { shape: [3], values: [1, 0, 0] }, FLOAT64);
  });

  s('shares the whole-tensor gradient between two NaNs: 0.5 each', () => {
    // Expected: two NaN entries, 1 / 2 each, 0 elsewhere (PyTorch's rule).
    const x = tensor([1, NaN, 3, NaN], {
      dtype: 'float64',
      requiresGrad: true,
    });
    op(x).backward(tensor(3, { dtype: 'float64' }));
    assertClose(x.grad!, { shape: [4], values: [0, 1.5, 0, 1.5] }, FLOAT64);
  });

  s('reduces the non-empty dim 1 of an empty [0, 3] to an empty [0]', () => {
    const x = zeros([0, 3], { dtype: 'float64', requiresGrad: true });
    const out = op(x, 1);
    assert.equal(out.shape, [0]);
    assert.equal(op(x, -1, true).shape, [0, 1]);
    out.sum().backward();
    assert.equal(x.grad!.shape, [0, 3]);
  });

  s('rejects the whole of an empty [0, 3] and its empty dim 0', () => {
    const x = zeros([0, 3]);
    assertThrows(
      () => op(x),
      ShapeError,
      `${name}: expected a non-empty tensor to reduce over, got shape [0, 3]`,
      `The ${name} of no elements is undefined`,
    );
    assertThrows(
      () => op(x, 0),
      ShapeError,
      `${name}: expected dim 0 to have non-zero size, got shape [0, 3]`,
    );
    assertThrows(
      () => op(zeros([2, 0]), -1, true),
      ShapeError,
      'expected dim 1 to have non-zero size, got shape [2, 0]',
    );
  });

  s('rejects dim 2 for [2, 3] and dim 1 for rank 0, naming the range', () => {
    assertThrows(
      () => op(zeros([2, 3]), 2),
      RangeError,
      `${name}:`,
      '[-2, 1]',
      'got 2',
    );
    assertThrows(() => op(zeros([2, 3]), -3), RangeError, '[-2, 1]', 'got -3');
    assertThrows(
      () => op(tensor(1), 1),
      RangeError,
      `${name}:`,
      '[-1, 0]',
      'got 1',
    );
  });

  s.run();
}
