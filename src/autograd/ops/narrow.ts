import ndarray from 'ndarray';
import { ShapeError } from '../../errors.js';
import { placeAlong } from '../../tensor/kernels/gather.js';
import { normalizeDim } from '../../tensor/shape.js';
import { Tensor } from '../../tensor/tensor.js';
import { checkTensor } from '../operands.js';
import { record } from '../tape.js';

/**
 * Elements `start .. start + length - 1` of `x` along `dim` (negative
 * `start` counts from the end). A view sharing storage.
 * @throws RangeError when the slice does not lie inside the dim, or for a
 * dim outside `[-ndim, ndim)`.
 * @throws ShapeError for a rank-0 `x`.
 */
export function narrow(
  x: Tensor,
  dim: number,
  start: number,
  length: number,
): Tensor {
  checkTensor('narrow', x);
  if (x.ndim === 0) {
    throw new ShapeError(
      'narrow: expected a tensor of rank >= 1, got shape []. A scalar has ' +
        'no dim to slice; unsqueeze it first.',
    );
  }
  const d = normalizeDim('narrow', dim, x.ndim);
  const n = x.shape[d]!;
  const from = start < 0 ? start + n : start;
  if (
    !Number.isInteger(from) ||
    !Number.isInteger(length) ||
    from < 0 ||
    length < 0 ||
    from + length > n
  ) {
    throw new RangeError(
      `narrow: expected start and length with 0 <= start and start + ` +
        `length <= ${n} (size of dim ${d}), got start ${start}, length ` +
        `${length}. Choose a slice inside the dim.`,
    );
  }

  const shape = x.shape.slice();
  shape[d] = length;
  const offset = x.nd.offset + from * x.nd.stride[d]!;
  const out = new Tensor(
    ndarray(x.nd.data, shape, x.nd.stride.slice(), offset),
  );

  // dx = dy in the slice, 0 elsewhere
  return record('narrow', out, [x], (dy) => [
    placeAlong(x.shape, dy.dtype, d, from, [dy]),
  ]);
}
