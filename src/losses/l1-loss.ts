import { abs } from '../autograd/ops/abs.js';
import { sub } from '../autograd/ops/sub.js';
import type { Tensor } from '../tensor/tensor.js';
import { checkPair, type PointwiseLossOptions } from './pointwise.js';
import { checkReduction, reduceLoss } from './reduction.js';

/**
 * Mean absolute error: `|input - target|` per element, then reduced. The
 * gradient at a zero difference is 0, as in PyTorch.
 * @throws ShapeError when the shapes differ (losses never broadcast).
 * @throws DTypeError for int32 tensors.
 * @example
 * l1Loss(tensor([1, 2]), tensor([1, 4])); // tensor(1.)
 */
export function l1Loss(
  input: Tensor,
  target: Tensor,
  options: PointwiseLossOptions = {},
): Tensor {
  checkPair('l1Loss', input, target);
  const reduction = checkReduction('l1Loss', options.reduction ?? 'mean');
  return reduceLoss(abs(sub(input, target)), reduction);
}
