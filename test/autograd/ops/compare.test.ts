import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import {
  DTypeError,
  ShapeError,
  eq,
  ge,
  gt,
  le,
  lt,
  ne,
  tensor,
  zeros,
  type Tensor,
  type TensorLike,
} from '../../../src/index.js';
import { assertThrows } from '../../helpers/assert-close.js';

type Compare = (a: TensorLike, b: TensorLike) => Tensor;

interface Case {
  name: string;
  fn: Compare;
  method: (x: Tensor, y: TensorLike) => Tensor;
  /** [1, 2, 3] against [2, 2, 2], by hand. */
  against2: number[];
  /** 2 against [1, 2, 3] (the number on the left), by hand. */
  twoAgainst: number[];
  /** [NaN, NaN] against [NaN, 1]: IEEE 754 makes only != true. */
  nan: number[];
  /** int32 [0, 1] against 0.5, compared in float32, by hand. */
  intHalf: number[];
  /**
   * float32 0.1 against float64 0.1, compared in float64 as PyTorch does:
   * float32(0.1) = 0.100000001490116..., the larger of the two.
   */
  singleAgainstDouble: number;
}

const CASES: Case[] = [
  {
    name: 'eq',
    fn: eq,
    method: (x, y) => x.eq(y),
    against2: [0, 1, 0],
    twoAgainst: [0, 1, 0],
    nan: [0, 0],
    intHalf: [0, 0],
    singleAgainstDouble: 0,
  },
  {
    name: 'ne',
    fn: ne,
    method: (x, y) => x.ne(y),
    against2: [1, 0, 1],
    twoAgainst: [1, 0, 1],
    nan: [1, 1],
    intHalf: [1, 1],
    singleAgainstDouble: 1,
  },
  {
    name: 'lt',
    fn: lt,
    method: (x, y) => x.lt(y),
    against2: [1, 0, 0],
    twoAgainst: [0, 0, 1],
    nan: [0, 0],
    intHalf: [1, 0],
    singleAgainstDouble: 0,
  },
  {
    name: 'le',
    fn: le,
    method: (x, y) => x.le(y),
    against2: [1, 1, 0],
    twoAgainst: [0, 1, 1],
    nan: [0, 0],
    intHalf: [1, 0],
    singleAgainstDouble: 0,
  },
  {
    name: 'gt',
    fn: gt,
    method: (x, y) => x.gt(y),
    against2: [0, 0, 1],
    twoAgainst: [1, 0, 0],
    nan: [0, 0],
    intHalf: [0, 1],
    singleAgainstDouble: 1,
  },
  {
    name: 'ge',
    fn: ge,
    method: (x, y) => x.ge(y),
    against2: [0, 1, 1],
    twoAgainst: [1, 1, 0],
    nan: [0, 0],
    intHalf: [0, 1],
    singleAgainstDouble: 1,
  },
];

/** The values of an int32 result as a plain array. */
function list(t: Tensor): number[] {
  return Array.from(t.values());
}

for (const c of CASES) {
  const test = suite(c.name);

  test('gives int32 ones and zeros for [3] against [3]', () => {
    const a = tensor([1, 2, 3], { dtype: 'float64' });
    const b = tensor([2, 2, 2], { dtype: 'float64' });

    const out = c.fn(a, b);

    assert.is(out.dtype, 'int32');
    assert.equal(out.shape, [3]);
    assert.equal(list(out), c.against2);
  });

  test('follows IEEE 754 for NaN', () => {
    const a = tensor([NaN, NaN]);
    const b = tensor([NaN, 1]);

    assert.equal(list(c.fn(a, b)), c.nan);
  });

  test('takes a plain number on either side, in the right order', () => {
    const x = tensor([1, 2, 3]);

    assert.equal(list(c.fn(x, 2)), c.against2);
    assert.equal(list(c.fn(2, x)), c.twoAgainst);
    assert.equal(list(c.method(x, 2)), c.against2);
  });

  test('x.method(y) and the function give the same values', () => {
    const x = tensor([1, 2, 3], { dtype: 'int32' });
    const y = tensor([2, 2, 2], { dtype: 'int32' });

    assert.equal(list(c.method(x, y)), list(c.fn(x, y)));
    assert.equal(list(c.method(x, y)), c.against2);
  });

  test('compares int32 with a fraction in float32, not truncating it', () => {
    const x = tensor([0, 1], { dtype: 'int32' });

    assert.equal(list(c.fn(x, 0.5)), c.intHalf);
  });

  test('promotes float32 with float64 before comparing', () => {
    const single = tensor([0.1]);
    const double = tensor([0.1], { dtype: 'float64' });

    assert.equal(list(c.fn(single, double)), [c.singleAgainstDouble]);
  });

  test('broadcasts [2, 1] with [3] to [2, 3]', () => {
    const a = tensor([[1], [3]]);
    const b = tensor([1, 2, 3]);

    const out = c.fn(a, b);

    assert.equal(out.shape, [2, 3]);
    // Row 0 is 1 against [1, 2, 3]; row 1 is 3 against [1, 2, 3].
    assert.equal(list(out), [...list(c.fn(1, b)), ...list(c.fn(3, b))]);
  });

  test('keeps rank 0 for two rank-0 operands', () => {
    const out = c.fn(tensor(1), tensor(2));

    assert.equal(out.shape, []);
    assert.is(out.item(), c.against2[0]); // 1 against 2
  });

  test('takes [0, 3] with [3] to an empty int32 [0, 3]', () => {
    const out = c.fn(zeros([0, 3]), zeros([3]));

    assert.equal(out.shape, [0, 3]);
    assert.is(out.dtype, 'int32');
  });

  test('records nothing on the tape for inputs that require grad', () => {
    const x = tensor([1, 2], { requiresGrad: true });

    const out = c.fn(x, 1.5);

    assert.is(out.requiresGrad, false);
    assert.is(out.node, null);
  });

  test('rejects [2, 3] with [4], naming the op and both shapes', () => {
    assertThrows(
      () => c.fn(zeros([2, 3]), zeros([4])),
      ShapeError,
      `${c.name}: shapes [2, 3] and [4] do not broadcast`,
    );
  });

  test('rejects an array operand, saying to wrap it with tensor()', () => {
    assertThrows(
      () => c.fn(zeros([2]), [1, 2] as unknown as Tensor),
      DTypeError,
      `${c.name}: expected a Tensor or a number, got an array`,
      'Wrap arrays with tensor(...) first.',
    );
  });

  test.run();
}
