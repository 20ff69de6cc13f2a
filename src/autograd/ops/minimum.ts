import type { Tensor, TensorLike } from '../../tensor/tensor.js';
import { pairwiseExtremum } from './maximum.js';

/**
 * The smaller of `a` and `b`, element by element, broadcasting by NumPy's
 * rules; NaN if either is NaN.
 *
 * Gradient, as in PyTorch: all of it to the smaller input, half to each
 * on a tie, and all of it to both where either is NaN.
 * @throws ShapeError when the shapes do not broadcast.
 */
export function minimum(a: TensorLike, b: TensorLike): Tensor {
  return pairwiseExtremum('minimum', a, b);
}
