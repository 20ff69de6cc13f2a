import { allocate, promote, type DType, type TypedArray } from '../../tensor/dtype.js';
import { broadcastValues } from '../../tensor/kernels/elementwise.js';
import { broadcastShapes, sizeOf } from '../../tensor/shape.js';
import { Tensor, type TensorLike } from '../../tensor/tensor.js';
import { record } from '../tape.js';
import { sumTo } from '../unbroadcast.js';
import { cast } from './cast.js';
import { checkTensor, scalar } from './operands.js';

/**
 * `a` where `cond` is non-zero, else `b`, broadcasting all three by
 * NumPy's rules. `cond` may have any dtype and is never differentiated. A
 * plain number takes the other branch's dtype.
 * @throws ShapeError when the shapes do not broadcast.
 */
export function where(cond: Tensor, a: TensorLike, b: TensorLike): Tensor {
  const c = checkTensor('where', cond);
  const [x, y] = branches(a, b);
  const shape = broadcastShapes(
    'where',
    broadcastShapes('where', c.shape, x.shape),
    y.shape,
  );

  const mask = broadcastValues(c, shape);
  const out = select(mask, broadcastValues(x, shape), broadcastValues(y, shape), x.dtype, shape);

  // da = dy where cond, db = dy elsewhere, each summed to its own shape.
  return record('where', out, [x, y], (dy) => {
    const g = broadcastValues(dy, shape);
    const zero = allocate(dy.dtype, g.length);
    return [
      x.requiresGrad ? sumTo(select(mask, g, zero, dy.dtype, shape), x.shape) : null,
      y.requiresGrad ? sumTo(select(mask, zero, g, dy.dtype, shape), y.shape) : null,
    ];
  });
}

function branches(a: TensorLike, b: TensorLike): [Tensor, Tensor] {
  if (typeof a === 'number' && typeof b === 'number') {
    return [scalar(a, 'float32'), scalar(b, 'float32')];
  }
  if (typeof a === 'number') {
    const y = checkTensor('where', b);
    return [scalar(a, y.dtype), y];
  }
  if (typeof b === 'number') {
    const x = checkTensor('where', a);
    return [x, scalar(b, x.dtype)];
  }
  const dtype = promote(checkTensor('where', a).dtype, checkTensor('where', b).dtype);
  return [cast(a, dtype), cast(b, dtype)];
}

function select(
  mask: TypedArray,
  whenTrue: TypedArray,
  whenFalse: TypedArray,
  dtype: DType,
  shape: number[],
): Tensor {
  const out = allocate(dtype, sizeOf(shape));
  for (let i = 0; i < out.length; i++) out[i] = mask[i] ? whenTrue[i]! : whenFalse[i]!;
  return Tensor.fromData(out, shape);
}
