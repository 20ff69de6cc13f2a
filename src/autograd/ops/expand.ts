import ndarray from 'ndarray';
import { ShapeError, formatShape } from '../../errors.js';
import { Tensor } from '../../tensor/tensor.js';
import { checkTensor } from '../operands.js';
import { record } from '../tape.js';
import { sumTo } from '../unbroadcast.js';

/**
 * `x` repeated along its size-1 dims (and new leading dims) to `shape`,
 * without copying: a view whose repeated dims have stride 0. -1 keeps a
 * dim's size. Treat the result as read-only.
 * @throws ShapeError when a dim of size other than 1 would change.
 */
export function expand(x: Tensor, shape: readonly number[]): Tensor {
  checkTensor('expand', x);
  const lead = shape.length - x.ndim;
  const target = shape.map((n, i) =>
    n === -1 && i >= lead ? x.shape[i - lead]! : n,
  );
  const bad = target.findIndex((n, i) => {
    const own = i < lead ? null : x.shape[i - lead]!;
    return (
      !Number.isInteger(n) || n < 0 || (own !== null && own !== 1 && own !== n)
    );
  });
  if (lead < 0 || bad >= 0) {
    throw new ShapeError(
      `expand: cannot expand shape ${formatShape(x.shape)} to ` +
        `${formatShape(shape)}${bad >= 0 ? ` (dim ${bad})` : ''}. Only ` +
        `size-1 dims can grow, and new dims go in front.`,
    );
  }

  const strides = target.map((n, i) =>
    i < lead || x.shape[i - lead] !== n ? 0 : x.nd.stride[i - lead]!,
  );
  const out = new Tensor(ndarray(x.nd.data, target, strides, x.nd.offset));

  // dx = dy summed over every repeated dim
  return record('expand', out, [x], (dy) => [sumTo(dy, x.shape)]);
}
