import { square } from '../autograd/ops/square.js';
import { sub } from '../autograd/ops/sub.js';
import type { Tensor } from '../tensor/tensor.js';
import { checkPair, type PointwiseLossOptions } from './pointwise.js';
import { checkReduction, reduceLoss } from './reduction.js';

/**
 * Mean squared error: `(input - target)²` per element, then reduced.
 * `input` and `target` have the same shape, any rank.
 * @throws ShapeError when the shapes differ (losses never broadcast).
 * @throws DTypeError for int32 tensors.
 * @example
 * mseLoss(tensor([1, 2]), tensor([1, 4])); // tensor(2.)
 */
export function mseLoss(
  input: Tensor,
  target: Tensor,
  options: PointwiseLossOptions = {},
): Tensor {
  checkPair('mseLoss', input, target);
  const reduction = checkReduction('mseLoss', options.reduction ?? 'mean');
  return reduceLoss(square(sub(input, target)), reduction);
}
