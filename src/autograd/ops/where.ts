import { DTypeError } from '../../errors.js';
import { allocate, type DType, type TypedArray } from '../../tensor/dtype.js';
import { broadcastValues } from '../../tensor/kernels/elementwise.js';
import { broadcastShapes, sizeOf } from '../../tensor/shape.js';
import { Tensor, type TensorLike } from '../../tensor/tensor.js';
import { checkTensor, operands } from '../operands.js';
import { record } from '../tape.js';
import { sumTo } from '../unbroadcast.js';

/**
 * `a` where `cond` is non-zero (NaN counts as non-zero), else `b`,
 * broadcasting all three by NumPy's rules. `cond` may have any dtype and
 * is never differentiated. The branches' dtypes combine as in `add`: a
 * plain number takes the other branch's dtype, float32 if that is int32
 * and the number is not whole.
 * @throws ShapeError when the shapes do not broadcast.
 * @throws DTypeError when `cond` is not a tensor.
 */
export function where(cond: Tensor, a: TensorLike, b: TensorLike): Tensor {
  const c = checkCond(cond);
  const [x, y] = operands('where', a, b);
  const shape = broadcastShapes(
    'where',
    broadcastShapes('where', c.shape, x.shape),
    y.shape,
  );

  const mask = broadcastValues(c, shape);
  const out = select(
    mask,
    broadcastValues(x, shape),
    broadcastValues(y, shape),
    x.dtype,
    shape,
  );

  // da = dy where cond, db = dy elsewhere, each summed to its own shape.
  return record('where', out, [x, y], (dy) => {
    const g = broadcastValues(dy, shape);
    const zero = allocate(dy.dtype, g.length);
    return [
      x.requiresGrad
        ? sumTo(select(mask, g, zero, dy.dtype, shape), x.shape)
        : null,
      y.requiresGrad
        ? sumTo(select(mask, zero, g, dy.dtype, shape), y.shape)
        : null,
    ];
  });
}

/** `cond` as a tensor; a number is refused, since it selects nothing. */
function checkCond(cond: unknown): Tensor {
  if (typeof cond === 'number') {
    throw new DTypeError(
      `where: cond must be a Tensor, got the number ${cond}. Pass a mask ` +
        `such as x.gt(0), or choose the branch with an if.`,
    );
  }
  return checkTensor('where', cond);
}

function select(
  mask: TypedArray,
  whenTrue: TypedArray,
  whenFalse: TypedArray,
  dtype: DType,
  shape: number[],
): Tensor {
  const out = allocate(dtype, sizeOf(shape));
  // `!== 0` rather than truthiness, which would read NaN as false.
  for (let i = 0; i < out.length; i++) {
    out[i] = mask[i] !== 0 ? whenTrue[i]! : whenFalse[i]!;
  }
  return Tensor.fromData(out, shape);
}
