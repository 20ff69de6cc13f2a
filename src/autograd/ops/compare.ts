import { zip } from '../../tensor/kernels/elementwise.js';
import type { Tensor, TensorLike } from '../../tensor/tensor.js';
import { operands } from '../operands.js';

// Comparisons give int32 tensors of 0 and 1 (tapegrad has no bool dtype;
// `where` takes them as masks). They are not differentiable and record
// nothing on the tape. Operands broadcast by NumPy's rules.

/**
 * 1 where `a == b`, else 0.
 * @throws ShapeError when the shapes do not broadcast.
 * @throws DTypeError when an operand is neither a Tensor nor a number.
 * @throws RangeError for a whole number past int32 beside an int32 tensor.
 */
export function eq(a: TensorLike, b: TensorLike): Tensor {
  return compare('eq', a, b, (p, q) => (p === q ? 1 : 0));
}

/**
 * 1 where `a != b`, else 0.
 * @throws ShapeError when the shapes do not broadcast.
 * @throws DTypeError when an operand is neither a Tensor nor a number.
 * @throws RangeError for a whole number past int32 beside an int32 tensor.
 */
export function ne(a: TensorLike, b: TensorLike): Tensor {
  return compare('ne', a, b, (p, q) => (p !== q ? 1 : 0));
}

/**
 * 1 where `a < b`, else 0.
 * @throws ShapeError when the shapes do not broadcast.
 * @throws DTypeError when an operand is neither a Tensor nor a number.
 * @throws RangeError for a whole number past int32 beside an int32 tensor.
 */
export function lt(a: TensorLike, b: TensorLike): Tensor {
  return compare('lt', a, b, (p, q) => (p < q ? 1 : 0));
}

/**
 * 1 where `a <= b`, else 0.
 * @throws ShapeError when the shapes do not broadcast.
 * @throws DTypeError when an operand is neither a Tensor nor a number.
 * @throws RangeError for a whole number past int32 beside an int32 tensor.
 */
export function le(a: TensorLike, b: TensorLike): Tensor {
  return compare('le', a, b, (p, q) => (p <= q ? 1 : 0));
}

/**
 * 1 where `a > b`, else 0.
 * @throws ShapeError when the shapes do not broadcast.
 * @throws DTypeError when an operand is neither a Tensor nor a number.
 * @throws RangeError for a whole number past int32 beside an int32 tensor.
 */
export function gt(a: TensorLike, b: TensorLike): Tensor {
  return compare('gt', a, b, (p, q) => (p > q ? 1 : 0));
}

/**
 * 1 where `a >= b`, else 0.
 * @throws ShapeError when the shapes do not broadcast.
 * @throws DTypeError when an operand is neither a Tensor nor a number.
 * @throws RangeError for a whole number past int32 beside an int32 tensor.
 */
export function ge(a: TensorLike, b: TensorLike): Tensor {
  return compare('ge', a, b, (p, q) => (p >= q ? 1 : 0));
}

function compare(
  op: string,
  a: TensorLike,
  b: TensorLike,
  test: (p: number, q: number) => number,
): Tensor {
  const [x, y] = operands(op, a, b);
  return zip(op, x, y, test, 'int32');
}
