import { add } from '../autograd/ops/add.js';
import { clamp } from '../autograd/ops/clamp.js';
import { log } from '../autograd/ops/log.js';
import { mul } from '../autograd/ops/mul.js';
import { neg } from '../autograd/ops/neg.js';
import { softplus } from '../autograd/ops/softplus.js';
import { sub } from '../autograd/ops/sub.js';
import type { Tensor } from '../tensor/tensor.js';
import { checkPair } from './pointwise.js';
import { checkReduction, reduceLoss, type Reduction } from './reduction.js';

export interface BinaryCrossEntropyOptions {
  /** `'mean'` (the default, as PyTorch), `'sum'` or `'none'`. */
  reduction?: Reduction;
  /** Scales each element's loss; broadcasts to the input's shape. */
  weight?: Tensor;
}

export interface BinaryCrossEntropyWithLogitsOptions extends BinaryCrossEntropyOptions {
  /** Scales the positive term, per class (broadcasts along the last dim). */
  posWeight?: Tensor;
}

/**
 * Binary cross entropy between probabilities `input` in [0, 1] and
 * targets in [0, 1] of the same shape:
 * `-(t · log p + (1 - t) · log(1 - p))` per element. Each log is clamped
 * at -100, as PyTorch does, so p = 0 or 1 gives a large finite loss
 * instead of infinity.
 * @throws ShapeError when the shapes differ (losses never broadcast).
 * @throws DTypeError for int32 tensors.
 */
export function binaryCrossEntropy(
  input: Tensor,
  target: Tensor,
  options: BinaryCrossEntropyOptions = {},
): Tensor {
  checkPair('binaryCrossEntropy', input, target);
  const reduction = checkReduction('binaryCrossEntropy', options.reduction ?? 'mean');

  const logP = clamp(log(input), -100);
  const log1mP = clamp(log(sub(1, input)), -100);
  const losses = neg(add(mul(target, logP), mul(sub(1, target), log1mP)));
  const weighted = options.weight === undefined ? losses : mul(losses, options.weight);
  return reduceLoss(weighted, reduction);
}

/**
 * Binary cross entropy on raw scores: `sigmoid` and the loss in one
 * stable formula, `(1 - t) x + softplus(-x)`, exact for logits of any
 * size. With `posWeight` p the positive term is scaled:
 * `(1 - t) x + (1 + (p - 1) t) · softplus(-x)`.
 * @throws ShapeError when the shapes differ (losses never broadcast).
 * @throws DTypeError for int32 tensors.
 */
export function binaryCrossEntropyWithLogits(
  logits: Tensor,
  target: Tensor,
  options: BinaryCrossEntropyWithLogitsOptions = {},
): Tensor {
  checkPair('binaryCrossEntropyWithLogits', logits, target);
  const reduction = checkReduction(
    'binaryCrossEntropyWithLogits',
    options.reduction ?? 'mean',
  );

  // softplus(-x) = log(1 + e^(-x)) = -log σ(x); softplus switches to its
  // linear branch for large arguments, so no exp overflows, and its
  // gradient is smooth at x = 0 (a max/abs split would give 0 there).
  const softplusNeg = softplus(neg(logits));
  const losses =
    options.posWeight === undefined
      ? add(mul(sub(1, target), logits), softplusNeg)
      : add(
          mul(sub(1, target), logits),
          mul(add(1, mul(sub(options.posWeight, 1), target)), softplusNeg),
        );
  const weighted = options.weight === undefined ? losses : mul(losses, options.weight);
  return reduceLoss(weighted, reduction);
}
