import { DTypeError, describeValue } from '../errors.js';
import {
  allocate,
  checkInt32,
  promote,
  requireFloating,
  type DType,
} from '../tensor/dtype.js';
import { Tensor, type TensorLike } from '../tensor/tensor.js';
import { cast } from './ops/cast.js';

/** A rank-0 tensor holding `value`, in `dtype`. */
export function scalar(value: number, dtype: DType): Tensor {
  const data = allocate(dtype, 1);
  data[0] = value;
  return Tensor.fromData(data, []);
}

/**
 * Turns a binary op's operands into tensors of one dtype. A plain number
 * takes the other operand's dtype (float32 if that is int32 and the number
 * is not whole); two tensors promote as PyTorch does.
 * @throws RangeError for a whole number outside int32 next to an int32
 * tensor (PyTorch refuses it too).
 */
export function operands(
  op: string,
  a: TensorLike,
  b: TensorLike,
): [Tensor, Tensor] {
  if (typeof a === 'number' && typeof b === 'number') {
    return [scalar(a, 'float32'), scalar(b, 'float32')];
  }
  if (typeof a === 'number') {
    const y = checkTensor(op, b);
    const dtype = numberDType(op, a, y.dtype);
    return [scalar(a, dtype), cast(y, dtype)];
  }
  if (typeof b === 'number') {
    const x = checkTensor(op, a);
    const dtype = numberDType(op, b, x.dtype);
    return [cast(x, dtype), scalar(b, dtype)];
  }
  const x = checkTensor(op, a);
  const y = checkTensor(op, b);
  const dtype = promote(x.dtype, y.dtype);
  return [cast(x, dtype), cast(y, dtype)];
}

/** `operands`, then both must be floating. */
export function floatOperands(
  op: string,
  a: TensorLike,
  b: TensorLike,
): [Tensor, Tensor] {
  const [x, y] = operands(op, a, b);
  requireFloating(op, x.dtype);
  return [x, y];
}

/** A unary float op's input: a tensor (or number) of a floating dtype. */
export function floatOperand(op: string, x: TensorLike): Tensor {
  const t = typeof x === 'number' ? scalar(x, 'float32') : checkTensor(op, x);
  requireFloating(op, t.dtype);
  return t;
}

/** Throws unless `x` is a Tensor, naming what it was instead. */
export function checkTensor(op: string, x: unknown): Tensor {
  if (x instanceof Tensor) return x;
  throw new DTypeError(
    `${op}: expected a Tensor or a number, got ${describeValue(x)}. ` +
      `Wrap arrays with tensor(...) first.`,
  );
}

/**
 * The dtype a plain number takes next to a tensor of dtype `other`: that
 * dtype, except float32 for a non-whole number next to int32.
 * @throws RangeError for a whole number next to int32 that int32 cannot
 * hold, which would otherwise wrap around silently.
 */
function numberDType(op: string, value: number, other: DType): DType {
  if (other !== 'int32') return other;
  if (!Number.isInteger(value)) return 'float32';
  checkInt32(
    op,
    value,
    ' for a number next to an int32 tensor',
    "Convert the tensor first with x.to('float64').",
  );
  return 'int32';
}

/** A unary op's input of any dtype: a tensor, or a number as float32. */
export function operand(op: string, x: TensorLike): Tensor {
  return typeof x === 'number' ? scalar(x, 'float32') : checkTensor(op, x);
}
