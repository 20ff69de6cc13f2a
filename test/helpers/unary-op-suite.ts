// The tests every element-wise unary op shares (abs, neg, exp, log, sqrt,
// square, reciprocal, sin, cos, tanh, sigmoid, relu, leakyRelu, elu, gelu,
// silu, softplus, clamp): gradcheck on seeded [3, 4] and [2, 1, 3] inputs,
// the rank-0 and size-0 edge shapes, the method form, a plain-number
// operand, int32 taken or refused, and the array-operand error. Each op's
// test file passes what differs (inputs, the op's own arguments,
// hand-checked values) and keeps its own special cases.
import * as assert from 'uvu/assert';
import type { Test } from 'uvu';
import {
  DTypeError,
  formatShape,
  tensor,
  zeros,
  type Tensor,
  type TensorLike,
} from '../../src/index.js';
import {
  FLOAT64,
  assertClose,
  assertThrows,
  type Tolerance,
} from './assert-close.js';
import { assertGradcheck } from './gradcheck.js';

// A matrix, and a rank-3 shape with a size-1 dim in the middle.
const GRADCHECK_SHAPES = [
  [3, 4],
  [2, 1, 3],
];

/** The unary ops the suite covers: each a function and a Tensor method. */
export type UnaryOpName =
  | 'abs'
  | 'neg'
  | 'exp'
  | 'log'
  | 'sqrt'
  | 'square'
  | 'reciprocal'
  | 'sin'
  | 'cos'
  | 'tanh'
  | 'sigmoid'
  | 'relu'
  | 'leakyRelu'
  | 'elu'
  | 'gelu'
  | 'silu'
  | 'softplus'
  | 'clamp';

/**
 * One input and the op's value for it, compared exactly unless `tolerance`
 * is given (for values such as e or ln 2 that no float holds exactly).
 */
export interface UnaryValue {
  x: number;
  want: number;
  tolerance?: Tolerance;
}

/**
 * What differs between unary ops; `unaryOpSuite` tests the rest. `A` is
 * the op's arguments after `x`: none for most, `[negativeSlope?]` for
 * leakyRelu, `[min?, max?]` for clamp.
 */
export interface UnaryOpSpec<A extends unknown[]> {
  /** The function's name, which is also its Tensor method's name. */
  name: UnaryOpName;
  /** The op under test, as exported from the package. */
  fn: (x: TensorLike, ...args: A) => Tensor;
  /**
   * The arguments after `x` in the edge-shape, plain-number, int32 and
   * error tests: none unless the op needs some, as clamp needs a bound.
   */
  args?: NoInfer<A>;
  /**
   * Seeded float64 input of `shape` for gradcheck, where the op is smooth:
   * positive for log, off the kink at 0 for abs.
   */
  gradcheckInput: (shape: number[]) => Tensor;
  /** Where the gradcheck inputs lie, for the test names: 'away from 0'. */
  domain?: string;
  /**
   * Argument lists each gradchecked on the same input, labelled for the
   * failure message; `[{ args }]` unless given.
   */
  gradcheckArgs?: { label?: string; args: NoInfer<A> }[];
  /** A seeded float64 [2, 3] input for `x.op(...)` against `op(x, ...)`. */
  methodInput: () => Tensor;
  /**
   * Argument lists for `x.op(...)` against `op(x, ...)`; `[args]` unless
   * given.
   */
  methodArgs?: NoInfer<A>[];
  /** The names of the arguments after `x`, for the method test's name. */
  params?: string;
  /** A float64 rank-0 input and the op's value for it. */
  rank0: UnaryValue;
  /** A plain number and the op's value for it, computed in float32. */
  plainNumber: UnaryValue;
  /**
   * The values of an int32 tensor the op must refuse, or an int32 `x` the
   * op takes to int32 and the result it must give. Omit it when the op
   * file tests int32 itself.
   */
  int32?: { rejects: number[] } | { x: number[]; want: number[] };
}

/** Asserts `out` holds `value.want`, exactly unless a tolerance is given. */
function assertValue(out: Tensor, value: UnaryValue): void {
  if (value.tolerance === undefined) {
    assert.is(out.item(), value.want);
  } else {
    assertClose(out, { shape: [], values: [value.want] }, value.tolerance);
  }
}

/** Registers the tests every element-wise unary op shares on `test`. */
export function unaryOpSuite<A extends unknown[]>(
  test: Test,
  spec: UnaryOpSpec<A>,
): void {
  const { name, fn } = spec;
  const args = spec.args ?? ([] as unknown[] as A);
  const op = (x: TensorLike): Tensor => fn(x, ...args);
  const where = spec.domain === undefined ? '' : ` ${spec.domain}`;

  for (const shape of GRADCHECK_SHAPES) {
    test(`gradcheck passes on random ${formatShape(shape)}${where}`, () => {
      const x = spec.gradcheckInput(shape);

      for (const variant of spec.gradcheckArgs ?? [{ args }]) {
        const check = (v: Tensor): Tensor => fn(v, ...variant.args);
        assertGradcheck(check, [x], variant.label);
      }
    });
  }

  test('keeps a rank-0 input rank 0', () => {
    const out = op(tensor(spec.rank0.x, { dtype: 'float64' }));

    assert.equal(out.shape, []);
    assertValue(out, spec.rank0);
  });

  test('maps an empty [0, 3] input to an empty [0, 3] output', () => {
    const out = op(zeros([0, 3]));

    assert.equal(out.shape, [0, 3]);
    assert.is(out.size, 0);
  });

  const params = spec.params ?? '';
  const fnParams = params === '' ? '' : `, ${params}`;
  const forms = `x.${name}(${params}) and ${name}(x${fnParams})`;
  test(`${forms} give the same values`, () => {
    const x = spec.methodInput();
    // Each name is a Tensor method taking the op's arguments after x.
    const method = x[name] as unknown as (...methodArgs: A) => Tensor;

    for (const methodArgs of spec.methodArgs ?? [args]) {
      const got = method.apply(x, methodArgs);
      assertClose(got, fn(x, ...methodArgs), FLOAT64);
    }
  });

  test('takes a plain number as a rank-0 float32 tensor', () => {
    const out = op(spec.plainNumber.x);

    assert.equal(out.shape, []);
    assert.is(out.dtype, 'float32');
    assertValue(out, spec.plainNumber);
  });

  const int32 = spec.int32;
  if (int32 !== undefined && 'rejects' in int32) {
    test('rejects an int32 tensor, saying how to convert', () => {
      const x = tensor(int32.rejects, { dtype: 'int32' });

      assertThrows(
        () => op(x),
        DTypeError,
        `${name}: expected a float32 or float64 tensor, got int32`,
        "Convert first with x.to('float32')",
      );
    });
  } else if (int32 !== undefined) {
    test('takes int32 to int32', () => {
      const out = op(tensor(int32.x, { dtype: 'int32' }));

      assert.is(out.dtype, 'int32');
      assert.equal(Array.from(out.values()), int32.want);
    });
  }

  test('rejects an array, saying to wrap it with tensor()', () => {
    assertThrows(
      () => op([1, 2] as unknown as Tensor),
      DTypeError,
      `${name}: expected a Tensor or a number, got an array`,
      'Wrap arrays with tensor(...) first.',
    );
  });
}
