import { NotSupportedError, ShapeError, formatShape } from '../errors.js';
import { add } from '../autograd/ops/add.js';
import { cast } from '../autograd/ops/cast.js';
import { div } from '../autograd/ops/div.js';
import { logSoftmax } from '../autograd/ops/log-softmax.js';
import { mul } from '../autograd/ops/mul.js';
import { neg } from '../autograd/ops/neg.js';
import { reshape } from '../autograd/ops/reshape.js';
import { sum } from '../autograd/ops/sum.js';
import { where } from '../autograd/ops/where.js';
import { isFloating, requireFloating } from '../tensor/dtype.js';
import { sameShape } from '../tensor/shape.js';
import { Tensor } from '../tensor/tensor.js';
import { readOptions, requireTensor, show } from './arguments.js';
import {
  checkIgnoreIndex,
  checkWeight,
  negativeLogLikelihood,
} from './nll-loss.js';
import { checkReduction, reduceLoss, type Reduction } from './reduction.js';
import { readClassTargets, type TargetLike } from './target.js';

export interface CrossEntropyOptions {
  /** `'mean'` (the default, as PyTorch), `'sum'` or `'none'`. */
  reduction?: Reduction;
  /**
   * Class weights, shape `(C)`, not requiring grad. Cast to the logits'
   * dtype, so the loss always has the logits' dtype.
   */
  weight?: Tensor;
  /**
   * A class-index target to skip. Default -100. Index targets only: with
   * probability targets a value of 0 or more is an error, as in PyTorch.
   */
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
 * class probabilities of the logits' own shape, as a float tensor (nested
 * arrays are read as indices only).
 *
 * Returns the mean loss by default, as PyTorch does; `'none'` gives one
 * loss per element. With index targets, 'mean' divides by the total
 * weight of the elements not ignored (as `nllLoss`); with probability
 * targets, by the number of elements. The result has the logits' dtype
 * (the weight is cast to it; a float64 probability target beside float32
 * logits promotes the result to float64).
 *
 * Label smoothing follows current PyTorch: with index targets and
 * `'mean'`, the smoothing term is divided like the loss itself, by the
 * total weight of the elements not ignored (their count when unweighted).
 *
 * `options` may be left out, or null, for the defaults.
 *
 * @throws ShapeError, RangeError, DTypeError as `nllLoss` does, and for
 * probability targets of another shape, a target of the logits' rank
 * that is not a float tensor, or a smoothing outside [0, 1].
 * @throws NotSupportedError for a weight that requires grad (outside
 * `noGrad`), or an `ignoreIndex` of 0 or more with probability targets.
 * @example
 * crossEntropy(tensor([[2, 1, 0.1]]), [0]); // tensor(0.4170)
 */
export function crossEntropy(
  logits: Tensor,
  target: TargetLike,
  options: CrossEntropyOptions | null = {},
): Tensor {
  const op = 'crossEntropy';
  const opts = readOptions(op, options);
  const x = requireTensor(
    op,
    'logits',
    logits,
    'a Tensor of raw scores, shape (C), (N, C) or (N, C, d1, ..., dK)',
  );
  requireFloating(op, x.dtype);
  const reduction = checkReduction(op, opts.reduction ?? 'mean');
  const smoothing = opts.labelSmoothing ?? 0;
  if (!(typeof smoothing === 'number' && smoothing >= 0 && smoothing <= 1)) {
    throw new RangeError(
      `${op}: labelSmoothing must lie in [0, 1], got ${show(smoothing)}. ` +
        `Pass a small mix such as 0.1, or 0 for no smoothing.`,
    );
  }
  if (x.ndim === 0) {
    throw new ShapeError(
      `${op}: logits must have shape (C), (N, C) or (N, C, d1, ..., dK), ` +
        'got a rank-0 tensor []. Give at least one row of class scores.',
    );
  }
  const classDim = x.ndim === 1 ? 0 : 1;
  const classes = x.shape[classDim]!;
  const ignoreIndex = checkIgnoreIndex(op, opts.ignoreIndex);
  // Cast so the loss has the logits' dtype whatever the weight's, with or
  // without smoothing (a float64 weight would otherwise promote it).
  const checked = checkWeight(op, opts.weight, classes);
  const weight = checked === null ? undefined : cast(checked, x.dtype);

  if (rankOf(target) === x.ndim) {
    const probabilities = checkProbabilities(x, target, classDim);
    if (ignoreIndex >= 0) {
      throw new NotSupportedError(
        `${op}: ignoreIndex is not supported with probability targets (a ` +
          `float tensor of the logits' shape), got ignoreIndex ${ignoreIndex}; ` +
          `PyTorch refuses it too. Leave ignoreIndex out, or pass class ` +
          `indices (an int32 tensor of shape ` +
          `${formatShape(withoutClassDim(x.shape, classDim))}) to skip elements.`,
      );
    }
    const logp = logSoftmax(x, classDim);
    return probabilityLoss(
      logp,
      probabilities,
      classDim,
      smoothing,
      reduction,
      weight,
    );
  }

  const logp = logSoftmax(x, classDim);
  const nll = negativeLogLikelihood(op, logp, target, {
    reduction,
    ignoreIndex,
    ...(weight === undefined ? {} : { weight }),
  });
  if (smoothing === 0) return nll;

  const smoothTerm = smoothingTerm(
    logp,
    target,
    classDim,
    reduction,
    ignoreIndex,
    weight,
  );
  return add(mul(nll, 1 - smoothing), mul(smoothTerm, smoothing / classes));
}

/**
 * PyTorch's smoothing term for index targets: `-Σ_c w_c logp_c` per
 * element, 0 where the target is ignored, reduced like the loss: 'mean'
 * divides by the total weight of the elements kept (their count when
 * unweighted). The targets were checked by `negativeLogLikelihood`.
 */
function smoothingTerm(
  logp: Tensor,
  target: TargetLike,
  classDim: number,
  reduction: Reduction,
  ignoreIndex: number,
  weight: Tensor | undefined,
): Tensor {
  const classes = logp.shape[classDim]!;
  const { values, shape } = readClassTargets('crossEntropy', target);
  const kept = values.map((t) => (t === ignoreIndex ? 0 : 1));
  const weighted =
    weight === undefined
      ? logp
      : mul(logp, reshape(weight, classShape(logp.ndim, classDim, classes)));
  const smooth = where(
    Tensor.fromData(kept, shape),
    neg(sum(weighted, classDim)),
    0,
  );
  if (reduction !== 'mean') return reduceLoss(smooth, reduction);

  const w = weight?.values();
  let total = 0;
  values.forEach((t) => {
    if (t !== ignoreIndex) total += w === undefined ? 1 : w[t]!;
  });
  return div(sum(smooth), total);
}

/**
 * The rank of a target as given: a tensor's, 0 for a number, 1 for an
 * Int32Array, the nesting depth of arrays. Index targets have one dim
 * fewer than the logits; a target of the logits' rank holds probabilities.
 */
function rankOf(target: unknown): number {
  if (target instanceof Tensor) return target.ndim;
  if (target instanceof Int32Array) return 1;
  let rank = 0;
  for (let level = target; Array.isArray(level); level = level[0]) rank++;
  return rank;
}

/**
 * A target of the logits' rank must be class probabilities: a float
 * tensor of exactly the logits' shape. Returns it.
 */
function checkProbabilities(
  x: Tensor,
  target: unknown,
  classDim: number,
): Tensor {
  const indexShape = formatShape(withoutClassDim(x.shape, classDim));
  if (!(target instanceof Tensor && isFloating(target.dtype))) {
    const got =
      target instanceof Tensor
        ? `an int32 tensor of shape ${formatShape(target.shape)}`
        : target instanceof Int32Array
          ? 'an Int32Array'
          : `nested arrays of rank ${x.ndim}`;
    throw new ShapeError(
      `crossEntropy: a target of the logits' rank ${x.ndim} (logits ` +
        `${formatShape(x.shape)}) holds class probabilities, and must be a ` +
        `float tensor of the logits' shape; got ${got}. For probabilities, ` +
        `pass tensor(target) (or target.to('float32')); for class indices, ` +
        `give shape ${indexShape} (argmax over dim ${classDim} turns ` +
        `one-hot rows into indices).`,
    );
  }
  if (!sameShape(target.shape, x.shape)) {
    throw new ShapeError(
      `crossEntropy: probability targets must have the logits' shape ` +
        `${formatShape(x.shape)}, got ${formatShape(target.shape)}. ` +
        `For class indices, pass an int32 tensor of shape ${indexShape}.`,
    );
  }
  return target;
}

/** Loss against class probabilities of the logits' shape. */
function probabilityLoss(
  logp: Tensor,
  target: Tensor,
  classDim: number,
  smoothing: number,
  reduction: Reduction,
  weight: Tensor | undefined,
): Tensor {
  const classes = logp.shape[classDim]!;
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
  return reduceLoss(neg(sum(weighted, classDim)), reduction);
}

/** `shape` without its class dim: the shape of index targets. */
function withoutClassDim(shape: readonly number[], classDim: number): number[] {
  return shape.filter((_, d) => d !== classDim);
}

/** The weight's shape for broadcasting along the class dim. */
function classShape(ndim: number, classDim: number, classes: number): number[] {
  return Array.from({ length: ndim }, (_, d) => (d === classDim ? classes : 1));
}
