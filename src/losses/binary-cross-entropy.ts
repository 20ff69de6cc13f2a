import { formatShape } from '../errors.js';
import { add } from '../autograd/ops/add.js';
import { unravel } from '../autograd/indices.js';
import { mul } from '../autograd/ops/mul.js';
import { neg } from '../autograd/ops/neg.js';
import { floatOperands } from '../autograd/operands.js';
import { softplus } from '../autograd/ops/softplus.js';
import { sub } from '../autograd/ops/sub.js';
import { record } from '../autograd/tape.js';
import { allocate } from '../tensor/dtype.js';
import { Tensor } from '../tensor/tensor.js';
import { checkBroadcastsTo, checkPair } from './pointwise.js';
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
 * instead of infinity, and the gradient stays finite there too.
 * @throws ShapeError when the shapes differ (losses never broadcast), or
 * for a weight that does not broadcast to the input's shape.
 * @throws RangeError for an input outside [0, 1] (or NaN), naming its
 * position.
 * @throws DTypeError for int32 tensors.
 * @example
 * binaryCrossEntropy(tensor([0.9, 0.2]), tensor([1, 0])); // tensor(0.1643)
 */
export function binaryCrossEntropy(
  input: Tensor,
  target: Tensor,
  options: BinaryCrossEntropyOptions = {},
): Tensor {
  checkPair('binaryCrossEntropy', input, target);
  const reduction = checkReduction(
    'binaryCrossEntropy',
    options.reduction ?? 'mean',
  );
  checkBroadcastsTo(
    'binaryCrossEntropy',
    'weight',
    options.weight,
    input.shape,
  );
  checkProbabilities(input);

  const losses = clampedLogLoss(input, target);
  const weighted =
    options.weight === undefined ? losses : mul(losses, options.weight);
  return reduceLoss(weighted, reduction);
}

/**
 * `-(t · max(log p, -100) + (1 - t) · max(log(1 - p), -100))` element by
 * element, as one op. Built from log and clamp, its gradient would be
 * 0 · (1 / 0) = NaN at p = 0 or 1 even for a right answer; this keeps
 * PyTorch's finite form instead.
 */
function clampedLogLoss(input: Tensor, target: Tensor): Tensor {
  const [p, t] = floatOperands('binaryCrossEntropy', input, target);
  const ps = p.values();
  const ts = t.values();
  const logP = new Float64Array(ps.length);
  const log1mP = new Float64Array(ps.length);
  const out = allocate(p.dtype, ps.length);
  for (let i = 0; i < ps.length; i++) {
    logP[i] = Math.max(Math.log(ps[i]!), -100);
    log1mP[i] = Math.max(Math.log1p(-ps[i]!), -100);
    out[i] = -(ts[i]! * logP[i]! + (1 - ts[i]!) * log1mP[i]!);
  }

  // dp = dy · (p - t) / max(p (1 - p), 1e-12)  (PyTorch's form)
  // dt = dy · (log(1 - p) - log p), both logs clamped as in the forward
  return record(
    'binaryCrossEntropy',
    Tensor.fromData(out, p.shape),
    [p, t],
    (dy) => {
      const g = dy.values();
      const dp = allocate(p.dtype, ps.length);
      const dt = allocate(t.dtype, ps.length);
      for (let i = 0; i < ps.length; i++) {
        const v = ps[i]!;
        dp[i] = (g[i]! * (v - ts[i]!)) / Math.max(v * (1 - v), 1e-12);
        dt[i] = g[i]! * (log1mP[i]! - logP[i]!);
      }
      return [Tensor.fromData(dp, p.shape), Tensor.fromData(dt, t.shape)];
    },
  );
}

/** PyTorch's check: probabilities lie in [0, 1]; NaN fails it too. */
function checkProbabilities(input: Tensor): void {
  const ps = input.values();
  for (let i = 0; i < ps.length; i++) {
    const v = ps[i]!;
    if (v >= 0 && v <= 1) continue;
    throw new RangeError(
      `binaryCrossEntropy: input must hold probabilities in [0, 1], got ${v} ` +
        `at position ${formatShape(unravel(i, input.shape))}. Apply sigmoid ` +
        `first, or pass raw scores to binaryCrossEntropyWithLogits.`,
    );
  }
}

/**
 * Binary cross entropy on raw scores: `sigmoid` and the loss in one
 * stable formula, `(1 - t) x + softplus(-x)`, exact for logits of any
 * size. With `posWeight` p the positive term is scaled:
 * `(1 - t) x + (1 + (p - 1) t) · softplus(-x)`.
 * @throws ShapeError when the shapes differ (losses never broadcast), or
 * for a weight or posWeight that does not broadcast to the input's shape.
 * @throws DTypeError for int32 tensors.
 * @example
 * binaryCrossEntropyWithLogits(tensor([2, -1]), tensor([1, 0])); // tensor(0.2201)
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
  checkBroadcastsTo(
    'binaryCrossEntropyWithLogits',
    'weight',
    options.weight,
    logits.shape,
  );
  checkBroadcastsTo(
    'binaryCrossEntropyWithLogits',
    'posWeight',
    options.posWeight,
    logits.shape,
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
  const weighted =
    options.weight === undefined ? losses : mul(losses, options.weight);
  return reduceLoss(weighted, reduction);
}
