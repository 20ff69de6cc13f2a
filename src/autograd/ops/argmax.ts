import { reduce } from '../../tensor/kernels/reduce.js';
import type { Tensor } from '../../tensor/tensor.js';
import { checkTensor } from '../operands.js';
import { reductionDims, shapeResult } from '../reduce-dims.js';
import { checkNotEmpty } from './max.js';

/**
 * The int32 position of the largest element: of the flattened tensor when
 * `dim` is omitted, else along `dim` (dropped, or kept as size 1 with
 * `keepdim`). The first position wins a tie; NaN wins as in `max`. Not
 * differentiable. An empty tensor is fine as long as `dim` itself is not
 * empty: `argmax(zeros([0, 3]), 1)` is an empty int32 tensor of shape `[0]`.
 * @throws ShapeError over the whole of an empty tensor, or along a dim of
 * size 0.
 */
export function argmax(x: Tensor, dim?: number, keepdim = false): Tensor {
  return argExtremum('argmax', x, dim, keepdim);
}

/** The position of the smallest element; see `argmax`. */
export function argmin(x: Tensor, dim?: number, keepdim = false): Tensor {
  return argExtremum('argmin', x, dim, keepdim);
}

function argExtremum(
  op: 'argmax' | 'argmin',
  x: Tensor,
  dim: number | undefined,
  keepdim: boolean,
): Tensor {
  checkTensor(op, x);
  const dims = reductionDims(op, x, dim);
  checkNotEmpty(op, x, dim === undefined || x.ndim === 0 ? undefined : dims[0]);
  const out = reduce(x, dims, op);
  return dim === undefined ? out : shapeResult(out, x.shape, dims, keepdim);
}
