import { ShapeError, formatShape } from '../../errors.js';
import { reduce } from '../../tensor/kernels/reduce.js';
import type { Tensor } from '../../tensor/tensor.js';
import { checkTensor } from './operands.js';
import { reductionDims, shapeResult } from './reduce-dims.js';

/**
 * The int32 position of the largest element: of the flattened tensor when
 * `dim` is omitted, else along `dim` (dropped, or kept as size 1 with
 * `keepdim`). The first position wins a tie. Not differentiable.
 * @throws ShapeError for an empty tensor.
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
  if (x.size === 0) {
    throw new ShapeError(
      `${op}: expected a non-empty tensor, got shape ${formatShape(x.shape)}.`,
    );
  }
  const dims = reductionDims(op, x, dim);
  const out = reduce(x, dims, op);
  return dim === undefined ? out : shapeResult(out, x.shape, dims, keepdim);
}
