import {
  DTypeError,
  NotSupportedError,
  ShapeError,
  formatShape,
} from '../errors.js';
import { unravel } from '../autograd/indices.js';
import { isGradEnabled, record } from '../autograd/tape.js';
import { allocate, isFloating, type TypedArray } from '../tensor/dtype.js';
import { classLayout, forEachTarget } from '../tensor/kernels/nll.js';
import { contiguousStrides, sameShape } from '../tensor/shape.js';
import { Tensor } from '../tensor/tensor.js';
import { readOptions, requireTensor, show } from './arguments.js';
import { checkReduction, type Reduction } from './reduction.js';
import { readClassTargets, type TargetLike } from './target.js';

export interface NllLossOptions {
  /** `'none'` (the default: one loss per element), `'mean'` or `'sum'`. */
  reduction?: Reduction;
  /** Class weights, shape `(C)`: each element's loss is scaled by its class's. */
  weight?: Tensor;
  /**
   * A target value that is skipped: loss 0, gradient 0, no weight in the
   * mean. Default -100 (`DEFAULT_IGNORE_INDEX`), as PyTorch.
   */
  ignoreIndex?: number;
}

/** The `ignoreIndex` used when none is given: -100, as PyTorch. */
export const DEFAULT_IGNORE_INDEX = -100;

/**
 * Negative log likelihood: the loss of each element is minus the
 * log-probability its target class was given, `-input[n, target[n, d], d]`.
 *
 * Shapes (C classes, N samples, d1..dK extra dims such as pixels, K >= 1):
 * - `input` `(C)` with `target` `()`: one sample;
 * - `input` `(N, C)` with `target` `(N)`: a batch;
 * - `input` `(N, C, d1, ..., dK)` with `target` `(N, d1, ..., dK)`.
 *
 * `input` holds log-probabilities (use `logSoftmax`, or `crossEntropy` on
 * raw scores). `target` holds class indices in `[0, C)`, or `ignoreIndex`.
 * It may be an int32 tensor, a float tensor of whole numbers, a number,
 * nested arrays or an Int32Array.
 *
 * Returns the per-element losses, shape `()`, `(N)` or `(N, d1, ..., dK)`,
 * with the default `reduction: 'none'`; `'sum'` adds them; `'mean'` divides
 * the sum by the total weight of the elements not ignored (their count
 * when unweighted), so it is NaN when every target is ignored or the batch
 * is empty, exactly as in PyTorch; `'sum'` is 0 then.
 *
 * Coming from PyTorch: the same arguments, camelCased, but the default
 * reduction is `'none'` (braintools' default), not `'mean'`.
 *
 * `options` may be left out, or null, for the defaults.
 *
 * @throws ShapeError for a rank-0 input, a target whose shape is not the
 * input's without C (targets never broadcast), or a weight not `(C)`.
 * @throws RangeError for a target outside `[0, C)` that is not
 * `ignoreIndex`, or one that is not a whole number; the message gives its
 * position. Also for an `ignoreIndex` that is not a whole number.
 * @throws DTypeError for an input or weight that is not a Tensor, or a
 * non-floating input.
 * @throws TypeError for options that are not an object.
 * @throws NotSupportedError for a weight that requires grad (outside
 * `noGrad`): only the input is differentiated.
 * @example
 * const logp = log(tensor([[0.1, 0.7, 0.2], [0.3, 0.3, 0.4]]));
 * nllLoss(logp, [1, 2]); // tensor([0.3567, 0.9163])
 * nllLoss(logp, [1, 2], { reduction: 'mean' }); // tensor(0.6365)
 */
export function nllLoss(
  input: Tensor,
  target: TargetLike,
  options: NllLossOptions | null = {},
): Tensor {
  return negativeLogLikelihood(
    'nllLoss',
    input,
    target,
    readOptions('nllLoss', options),
  );
}

/**
 * `nllLoss`, with every error message naming `op`, the function the user
 * called: `crossEntropy` runs this on its log-softmax, and a bad target
 * should be reported as a mistake in the call to `crossEntropy`.
 */
export function negativeLogLikelihood(
  op: string,
  input: Tensor,
  target: TargetLike,
  options: NllLossOptions,
): Tensor {
  const x = checkInput(op, input);
  const reduction = checkReduction(op, options.reduction ?? 'none');
  const ignoreIndex = checkIgnoreIndex(op, options.ignoreIndex);
  const { values: targets, shape: targetShape } = readClassTargets(op, target);
  checkTargetShape(op, x, targetShape);
  const classes = x.ndim === 1 ? x.shape[0]! : x.shape[1]!;
  const weights = checkWeight(op, options.weight, classes)?.values() ?? null;
  checkTargetRange(op, x, targets, targetShape, classes, ignoreIndex);

  // The input is read in place through its strides (a view from
  // logSoftmax over dim 1 is not contiguous); the gradient is written
  // contiguously.
  const count = targets.length;
  const losses = allocate(x.dtype, count);
  const scale = new Float64Array(count);
  const logp = x.nd.data;
  let totalWeight = 0;
  forEachTarget(targets, classLayout(x.nd), ignoreIndex, (e, t, at) => {
    const w = weights === null ? 1 : weights[t]!;
    losses[e] = -w * logp[at]!;
    scale[e] = w;
    totalWeight += w;
  });
  const out = reduce(losses, targetShape, reduction, totalWeight, x);
  if (reduction === 'mean')
    for (let e = 0; e < count; e++) scale[e]! /= totalWeight;

  // d input[n, t, j] = -dy[n, j] · weight[t] (over the total weight for
  // 'mean'), and 0 at every other class. The backward keeps only the
  // targets and these per-element weights, and scatters one value per
  // element into a zero-filled gradient: a one-hot matrix would cost C
  // times the memory and arithmetic to produce the same numbers.
  const { dtype, shape, size } = x;
  return record('nllLoss', out, [x], (dy) => {
    const upstream = dy.values();
    const perElement = reduction === 'none';
    const dx = allocate(dtype, size);
    const layout = classLayout({
      shape,
      stride: contiguousStrides(shape),
      offset: 0,
    });
    forEachTarget(targets, layout, ignoreIndex, (e, _, at) => {
      dx[at] = -upstream[perElement ? e : 0]! * scale[e]!;
    });
    return [Tensor.fromData(dx, shape)];
  });
}

function reduce(
  losses: TypedArray,
  shape: number[],
  reduction: Reduction,
  totalWeight: number,
  x: Tensor,
): Tensor {
  if (reduction === 'none') return Tensor.fromData(losses, shape);
  let total = 0;
  for (let e = 0; e < losses.length; e++) total += losses[e]!;
  const result = allocate(x.dtype, 1);
  // 0 / 0 is NaN: a mean over no weight, as PyTorch gives.
  result[0] = reduction === 'sum' ? total : total / totalWeight;
  return Tensor.fromData(result, []);
}

function checkInput(op: string, input: unknown): Tensor {
  const x = requireTensor(
    op,
    'input',
    input,
    'a Tensor of log-probabilities, shape (C), (N, C) or (N, C, d1, ..., dK)',
  );
  if (!isFloating(x.dtype)) {
    throw new DTypeError(
      `${op}: input must hold float log-probabilities, got an int32 ` +
        `tensor of shape ${formatShape(x.shape)}. Pass logSoftmax(scores, 1), ` +
        `or crossEntropy(scores, target) on raw scores.`,
    );
  }
  if (x.ndim === 0) {
    throw new ShapeError(
      `${op}: input must have shape (C), (N, C) or (N, C, d1, ..., dK), ` +
        `got a rank-0 tensor []. Give at least one row of class ` +
        `log-probabilities.`,
    );
  }
  return x;
}

/** The target's shape must be the input's without C: never broadcast. */
function checkTargetShape(op: string, x: Tensor, got: number[]): void {
  const expected = x.ndim === 1 ? [] : [x.shape[0]!, ...x.shape.slice(2)];
  if (sameShape(expected, got)) return;
  const what =
    x.ndim === 1
      ? `(input ${formatShape(x.shape)} is one sample of C classes)`
      : `(input ${formatShape(x.shape)} without C)`;
  let fix = 'Give one class index per element; targets are never broadcast.';
  if (sameShape(got, x.shape)) {
    fix =
      'Pass class indices, not one-hot rows or probabilities (argmax over ' +
      'the class dim gives indices).';
  } else if (got.length === expected.length + 1 && got[got.length - 1] === 1) {
    fix = 'Squeeze the trailing size-1 dim of the target.';
  } else if (got.length === expected.length) {
    fix =
      'Batch and extra dims must match exactly; targets are never broadcast.';
  }
  throw new ShapeError(
    `${op}: target must have shape ${formatShape(expected)} ${what}, got ` +
      `${formatShape(got)}. ${fix}`,
  );
}

/**
 * Checks a class-weight option: absent (undefined or null), or a Tensor
 * of shape `(C)` that does not require grad. Returns it, or null when
 * absent. `crossEntropy` checks its weight here too, for both kinds of
 * target.
 * @throws DTypeError for a weight that is not a Tensor.
 * @throws ShapeError for a weight not of shape `(C)`.
 * @throws NotSupportedError for a weight that requires grad (outside
 * `noGrad`).
 */
export function checkWeight(
  op: string,
  weight: unknown,
  classes: number,
): Tensor | null {
  if (weight === undefined || weight === null) return null;
  const w = requireTensor(
    op,
    'weight',
    weight,
    `a Tensor of shape [${classes}] (one weight per class)`,
  );
  if (w.ndim !== 1 || w.shape[0] !== classes) {
    throw new ShapeError(
      `${op}: weight must have shape [${classes}] (one per class), got ` +
        `${formatShape(w.shape)}. Give each of the ${classes} classes one weight.`,
    );
  }
  // The backward gives the input its gradient only. Recording the weight
  // anyway would leave it with none, or in crossEntropy with smoothing,
  // with part of one: refuse, as PyTorch does.
  if (w.requiresGrad && isGradEnabled()) {
    throw new NotSupportedError(
      `${op}: a weight that requires grad is not supported; only the input ` +
        `gets a gradient. Pass weight.detach() for fixed class weights, or, ` +
        `to learn them, multiply the per-element losses (reduction 'none') ` +
        `by the weights of their targets yourself.`,
    );
  }
  return w;
}

/**
 * Checks the `ignoreIndex` option: absent (the default, -100) or a whole
 * number. Returns the index to skip.
 * @throws RangeError for anything else, shown as given (a string quoted).
 */
export function checkIgnoreIndex(op: string, ignoreIndex: unknown): number {
  if (ignoreIndex === undefined) return DEFAULT_IGNORE_INDEX;
  if (typeof ignoreIndex === 'number' && Number.isInteger(ignoreIndex)) {
    return ignoreIndex;
  }
  throw new RangeError(
    `${op}: ignoreIndex must be a whole number, got ${show(ignoreIndex)}. ` +
      `Pass the integer label to skip, or leave it out for ` +
      `${DEFAULT_IGNORE_INDEX}.`,
  );
}

/**
 * Every target must be a class in [0, C) or ignoreIndex. The message names
 * the first bad one and its position; when the largest bad label is C
 * itself, the labels are probably numbered from 1.
 */
function checkTargetRange(
  op: string,
  x: Tensor,
  targets: Int32Array,
  shape: number[],
  classes: number,
  ignoreIndex: number,
): void {
  let first = -1;
  let largest = -Infinity;
  for (let e = 0; e < targets.length; e++) {
    const t = targets[e]!;
    if ((t >= 0 && t < classes) || t === ignoreIndex) continue;
    if (first < 0) first = e;
    largest = Math.max(largest, t);
  }
  if (first < 0) return;
  const t = targets[first]!;
  const where = `at position ${formatShape(unravel(first, shape))}`;
  if (classes === 0) {
    const classDim = x.ndim === 1 ? 0 : 1;
    throw new RangeError(
      `${op}: input ${formatShape(x.shape)} has no classes (size 0 along ` +
        `dim ${classDim}), so no target can be a class: every target must ` +
        `equal ignoreIndex (${ignoreIndex}), got ${t} ${where}. Check how ` +
        `the input was built; its class dim must not be empty.`,
    );
  }
  const hint =
    largest === classes
      ? ` The largest label is ${classes}: labels look numbered from 1; ` +
        'subtract 1 from every target.'
      : t < 0
        ? ` To skip elements labelled ${t}, pass { ignoreIndex: ${t} }.`
        : '';
  throw new RangeError(
    `${op}: target ${t} ${where} is out of range for ${classes} classes ` +
      `(input ${formatShape(x.shape)}); targets must lie in [0, ${classes - 1}] ` +
      `or equal ignoreIndex (${ignoreIndex}).${hint}`,
  );
}
