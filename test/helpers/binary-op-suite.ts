// The tests every broadcasting binary op shares (add, sub, mul, div, pow,
// maximum, minimum): gradcheck over the broadcast shape pairs, the rank-0
// and size-0 edge shapes, plain-number operands, the method form, and the
// shape, dtype and operand errors. Each op's test file passes what differs
// (valid inputs, hand-checked values) and keeps its own special cases.
import * as assert from 'uvu/assert';
import type { Test } from 'uvu';
import {
  DTypeError,
  ShapeError,
  formatShape,
  ones,
  tensor,
  zeros,
  type Tensor,
  type TensorLike,
} from '../../src/index.js';
import { FLOAT64, assertClose, assertThrows } from './assert-close.js';
import { assertGradcheck } from './gradcheck.js';

// Operand shapes: equal, trailing broadcast, size-1 dims on both sides,
// and rank 0 on either side.
const SHAPE_PAIRS: [number[], number[]][] = [
  [
    [2, 3],
    [2, 3],
  ],
  [[3, 4], [4]],
  [
    [2, 1, 3],
    [4, 1],
  ],
  [[], [2, 2]],
  [[2, 2], []],
];

/** The binary ops the suite covers: each a function and a Tensor method. */
export type BinaryOpName =
  'add' | 'sub' | 'mul' | 'div' | 'pow' | 'maximum' | 'minimum';

/** What differs between binary ops; `binaryOpSuite` tests the rest. */
export interface BinaryOpSpec {
  /** The function's name, which is also its Tensor method's name. */
  name: BinaryOpName;
  /** The op under test, as exported from the package. */
  fn: (a: TensorLike, b: TensorLike) => Tensor;
  /**
   * Seeded float64 operands of the given shapes for gradcheck, where the op
   * is smooth: a positive base for pow, no ties for maximum.
   */
  gradcheckInputs: (shapeA: number[], shapeB: number[]) => [Tensor, Tensor];
  /** Seeded operands [2, 3] and [3] for `x.op(y)` against `op(x, y)`. */
  methodInputs: () => [Tensor, Tensor];
  /**
   * How to fill an operand whose values are never read (shape and error
   * tests): `zeros` unless the op needs `ones`, as div's divisor does.
   */
  fill?: { a?: typeof zeros; b?: typeof zeros };
  /** Two rank-0 operands and the op's exact result for them. */
  rank0: { a: number; b: number; want: number };
  /**
   * float64 `x` with a plain `number` on the right, on the left and through
   * the method: the values of `op(x, number)` and `op(number, x)`, and the
   * gradient of x after summing all three results.
   */
  plainNumber: {
    x: number[];
    number: number;
    right: number[];
    left: number[];
    grad: number[];
  };
  /**
   * int32 tensors `a` and `b` and the int32 result, or 'rejected' when the
   * op needs floating operands. Omit it when the op file tests int32 itself.
   */
  int32?: { a: number[]; b: number[]; want: number[] } | 'rejected';
}

/** Registers the tests every broadcasting binary op shares on `test`. */
export function binaryOpSuite(test: Test, spec: BinaryOpSpec): void {
  const { name, fn } = spec;
  const fillA = spec.fill?.a ?? zeros;
  const fillB = spec.fill?.b ?? zeros;
  const float64 = { dtype: 'float64', requiresGrad: true } as const;

  for (const [shapeA, shapeB] of SHAPE_PAIRS) {
    const shapes = `${formatShape(shapeA)} with ${formatShape(shapeB)}`;
    test(`gradcheck passes for ${shapes}`, () => {
      const [a, b] = spec.gradcheckInputs(shapeA, shapeB);

      assertGradcheck((x, y) => fn(x, y), [a, b]);
    });
  }

  test('broadcasts [2, 1, 3] with [4, 1] to [2, 4, 3]', () => {
    const out = fn(fillA([2, 1, 3]), fillB([4, 1]));

    assert.equal(out.shape, [2, 4, 3]);
  });

  test('keeps rank 0 for two rank-0 operands', () => {
    const { a, b, want } = spec.rank0;

    const out = fn(tensor(a), tensor(b));

    assert.equal(out.shape, []);
    assert.is(out.item(), want);
  });

  test('gives [0, 3] with [3] an empty [0, 3] and b a zero gradient', () => {
    const a = fillA([0, 3], float64);
    const b = ones([3], float64);

    const out = fn(a, b);
    out.backward(zeros([0, 3], { dtype: 'float64' }));

    // b is used by no element of the output.
    assert.equal(out.shape, [0, 3]);
    assert.is(out.size, 0);
    assertClose(b.grad!, zeros([3]), FLOAT64);
  });

  test(`x.${name}(y) and ${name}(x, y) give the same values`, () => {
    const [x, y] = spec.methodInputs();

    assertClose(x[name](y), fn(x, y), FLOAT64);
  });

  test('takes a plain number on either side, in the right order', () => {
    const plain = spec.plainNumber;
    const x = tensor(plain.x, float64);
    const shape = [plain.x.length];

    const right = fn(x, plain.number);
    const left = fn(plain.number, x);
    const method = x[name](plain.number);
    right.add(left).add(method).sum().backward();

    assertClose(right, { shape, values: plain.right }, FLOAT64);
    assertClose(left, { shape, values: plain.left }, FLOAT64);
    assertClose(method, { shape, values: plain.right }, FLOAT64);
    assert.is(right.dtype, 'float64');
    assertClose(x.grad!, { shape, values: plain.grad }, FLOAT64);
  });

  const int32 = spec.int32;
  if (int32 === 'rejected') {
    test('rejects int32 operands, saying how to convert', () => {
      const a = tensor([1, 2], { dtype: 'int32' });

      const want = `${name}: expected a float32 or float64 tensor, got int32`;
      assertThrows(() => fn(a, a), DTypeError, want, "x.to('float32')");
      assertThrows(() => a[name](2), DTypeError, want);
    });
  } else if (int32 !== undefined) {
    test('computes int32 with int32 in int32', () => {
      const a = tensor(int32.a, { dtype: 'int32' });
      const b = tensor(int32.b, { dtype: 'int32' });

      const out = fn(a, b);

      assert.is(out.dtype, 'int32');
      assert.equal(Array.from(out.values()), int32.want);
    });
  }

  test('rejects [2, 3] with [4], naming the op and both shapes', () => {
    assertThrows(
      () => fn(fillA([2, 3]), fillB([4])),
      ShapeError,
      `${name}: shapes [2, 3] and [4] do not broadcast`,
      'dim 1 of the aligned shapes is 3 against 4',
    );
  });

  test('rejects an array operand, saying to wrap it with tensor()', () => {
    const arrayOperand = [1, 2] as unknown as Tensor;

    const want = `${name}: expected a Tensor or a number, got an array`;
    const fix = 'Wrap arrays with tensor(...) first.';
    assertThrows(() => fn(fillA([2]), arrayOperand), DTypeError, want, fix);
    assertThrows(() => fn(arrayOperand, fillB([2])), DTypeError, want, fix);
    assertThrows(() => fn(arrayOperand, 1), DTypeError, want, fix);
  });
}
