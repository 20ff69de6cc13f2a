import ndarray from 'ndarray';
import { ShapeError, formatShape } from '../../errors.js';
import { normalizeDims } from '../../tensor/shape.js';
import { Tensor } from '../../tensor/tensor.js';
import { checkTensor } from '../operands.js';
import { record } from '../tape.js';

/**
 * `x` with its dims reordered: dim i of the result is dim `dims[i]` of `x`.
 * A view sharing storage.
 * @throws ShapeError when `dims` does not have one entry per dim of `x`.
 * @throws RangeError for a dim outside `[-ndim, ndim)` or listed twice.
 */
export function permute(x: Tensor, dims: readonly number[]): Tensor {
  checkTensor('permute', x);
  if (dims.length !== x.ndim) {
    throw new ShapeError(
      `permute: expected ${x.ndim} dims for a tensor of shape ` +
        `${formatShape(x.shape)}, got ${formatShape(dims)}. ` +
        `List every dim once, in its new order.`,
    );
  }
  const order = normalizeDims('permute', dims, x.ndim);

  const out = new Tensor(
    ndarray(
      x.nd.data,
      order.map((d) => x.shape[d]!),
      order.map((d) => x.nd.stride[d]!),
      x.nd.offset,
    ),
  );

  // dx = dy with the inverse permutation
  const inverse = new Array<number>(order.length);
  order.forEach((d, i) => (inverse[d] = i));
  return record('permute', out, [x], (dy) => [permute(dy, inverse)]);
}
