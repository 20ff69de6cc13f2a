import { ShapeError, formatShape } from '../errors.js';
import { checkTensor } from '../autograd/ops/operands.js';
import { requireFloating } from '../tensor/dtype.js';
import { sameShape } from '../tensor/shape.js';
import { Tensor } from '../tensor/tensor.js';
import { add } from '../autograd/ops/add.js';
import { div } from '../autograd/ops/div.js';
import { logSoftmax } from '../autograd/ops/softmax.js';
import { mean } from '../autograd/ops/mean.js';
import { mul } from '../autograd/ops/mul.js';
import { neg } from '../autograd/ops/neg.js';
import { reshape } from '../autograd/ops/reshape.js';
import { sum } from '../autograd/ops/sum.js';
import { where } from '../autograd/ops/where.js';
import { negativeLogLikelihood } from './nll-loss.js';
import { checkReduction, type Reduction } from './reduction.js';
import { readClassTargets, type TargetLike } from './target.js';

export interface CrossEntropyOptions {
  /** `'mean'` (the default, as PyTorch), `'sum'` or `'none'`. */
  reduction?: Reduction;
  /** Class weights, shape `(C)`. */
  weight?: Tensor;
  /** A class-index target to skip (index targets only). Default -100. */
  ignoreIndex?: number;
  /**
   * In [0, 1]: the target becomes a mix of the given class (or
   * distribution) and the uniform one, `(1 - s) · target + s / C`.
   * Default 0.
   */
  labelSmoothing?: number;
}

/**
 * Cross entropy between raw scores (logits) and targets:
 * `logSoftmax(logits)` over the class dim, then the negative log
 * likelihood of the targets, in one stable step that works for logits of
 * 1e3 and more.
 *
 * `logits`: `(C)`, `(N, C)` or `(N, C, d1, ..., dK)`. `target`: class
 * indices shaped as for `nllLoss` (`()`, `(N)`, `(N, d1, ..., dK)`), or
 * class probabilities of the logits' own shape (a float tensor).
 *
 * Returns the mean loss by default, as PyTorch does; `'none'` gives one
 * loss per element. With index targets, 'mean' divides by the total
 * weight of the elements not ignored (as `nllLoss`); with probability
 * targets, by the number of elements.
 *
 * Label smoothing follows PyTorch exactly, including one quirk: with
 * index targets, no weight and `'mean'`, the smoothing term is averaged
 * over all elements, ignored ones included.
 *
 * @throws ShapeError, RangeError, DTypeError as `nllLoss` does, and for
 * probability targets of another shape or a smoothing outside [0, 1].
 * @example
 * crossEntropy(tensor([[2, 1, 0.1]]), [0]); // tensor(0.4170)
 */
export function crossEntropy(
  logits: Tensor,
  target: TargetLike,
  options: CrossEntropyOptions = {},
): Tensor {
  const x = checkTensor('crossEntropy', logits);
  requireFloating('crossEntropy', x.dtype);
  const reduction = checkReduction('crossEntropy', options.reduction ?? 'mean');
  const smoothing = options.labelSmoothing ?? 0;
  if (!(smoothing >= 0 && smoothing <= 1)) {
    throw new RangeError(
      `crossEntropy: labelSmoothing must lie in [0, 1], got ${smoothing}. ` +
        `Pass a small mix such as 0.1, or 0 for no smoothing.`,
    );
  }
  if (x.ndim === 0) {
    throw new ShapeError(
      'crossEntropy: logits must have shape (C), (N, C) or (N, C, d1, ..., dK), ' +
        'got a rank-0 tensor []. Give at least one row of class scores.',
    );
  }
  const classDim = x.ndim === 1 ? 0 : 1;
  const classes = x.shape[classDim]!;
  const logp = logSoftmax(x, classDim);

  if (
    target instanceof Tensor &&
    target.dtype !== 'int32' &&
    target.ndim === x.ndim
  ) {
    const { weight } = options;
    return probabilityTargets(
      logp,
      target,
      classDim,
      classes,
      smoothing,
      reduction,
      weight,
    );
  }

  const nll = negativeLogLikelihood('crossEntropy', logp, target, {
    reduction,
    ignoreIndex: options.ignoreIndex ?? -100,
    ...(options.weight === undefined ? {} : { weight: options.weight }),
  });
  if (smoothing === 0) return nll;

  // PyTorch's smoothing term: -Σ_c w_c logp_c per element, 0 where the
  // target is ignored, reduced like the loss (see the doc above).
  const { values, shape } = readClassTargets('crossEntropy', target);
  const ignoreIndex = options.ignoreIndex ?? -100;
  const kept = Tensor.fromData(
    values.map((t) => (t === ignoreIndex ? 0 : 1)),
    shape,
  );
  const weighted =
    options.weight === undefined
      ? logp
      : mul(
          logp,
          reshape(options.weight, classShape(x.ndim, classDim, classes)),
        );
  const smooth = where(kept, neg(sum(weighted, classDim)), 0);
  let smoothTerm: Tensor;
  if (reduction === 'none') smoothTerm = smooth;
  else if (reduction === 'sum') smoothTerm = sum(smooth);
  else if (options.weight === undefined) smoothTerm = mean(smooth);
  else {
    const w = options.weight.values();
    let total = 0;
    values.forEach((t) => (total += t === ignoreIndex ? 0 : w[t]!));
    smoothTerm = div(sum(smooth), total);
  }
  return add(mul(nll, 1 - smoothing), mul(smoothTerm, smoothing / classes));
}

/** Loss against class probabilities of the logits' shape. */
function probabilityTargets(
  logp: Tensor,
  target: Tensor,
  classDim: number,
  classes: number,
  smoothing: number,
  reduction: Reduction,
  weight: Tensor | undefined,
): Tensor {
  if (!sameShape(target.shape, logp.shape)) {
    throw new ShapeError(
      `crossEntropy: probability targets must have the logits' shape ` +
        `${formatShape(logp.shape)}, got ${formatShape(target.shape)}. ` +
        `For class indices, pass an int32 tensor of shape ` +
        `${formatShape(logp.shape.filter((_, d) => d !== classDim))}.`,
    );
  }
  if (weight !== undefined && !sameShape(weight.shape, [classes])) {
    throw new ShapeError(
      `crossEntropy: weight must have shape [${classes}] (one per class), ` +
        `got ${formatShape(weight.shape)}. Give each of the ${classes} classes ` +
        `one weight.`,
    );
  }
  const p =
    smoothing === 0
      ? target
      : add(mul(target, 1 - smoothing), smoothing / classes);
  const weighted =
    weight === undefined
      ? mul(p, logp)
      : mul(
          mul(p, logp),
          reshape(weight, classShape(logp.ndim, classDim, classes)),
        );
  const losses = neg(sum(weighted, classDim));
  if (reduction === 'none') return losses;
  return reduction === 'sum' ? sum(losses) : mean(losses);
}

/** The weight's shape for broadcasting along the class dim. */
function classShape(ndim: number, classDim: number, classes: number): number[] {
  return Array.from({ length: ndim }, (_, d) => (d === classDim ? classes : 1));
}
