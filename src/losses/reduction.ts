import type { Tensor } from '../tensor/tensor.js';
import { mean } from '../autograd/ops/mean.js';
import { sum } from '../autograd/ops/sum.js';

/**
 * How a loss combines its per-element values: `'none'` keeps them,
 * `'mean'` averages them, `'sum'` adds them up.
 */
export type Reduction = 'none' | 'mean' | 'sum';

/** Throws unless `reduction` is one of the three names. */
export function checkReduction(op: string, reduction: unknown): Reduction {
  if (reduction === 'none' || reduction === 'mean' || reduction === 'sum') {
    return reduction;
  }
  throw new RangeError(
    `${op}: reduction must be 'none', 'mean' or 'sum', got ` +
      `${JSON.stringify(reduction)}. Pass 'mean' to average the losses, ` +
      `'sum' to add them, or 'none' to keep one per element.`,
  );
}

/** Applies an unweighted `reduction` to per-element losses. */
export function reduceLoss(losses: Tensor, reduction: Reduction): Tensor {
  if (reduction === 'none') return losses;
  return reduction === 'sum' ? sum(losses) : mean(losses);
}
