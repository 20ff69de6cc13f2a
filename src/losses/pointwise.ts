import { ShapeError, formatShape } from '../errors.js';
import { checkTensor } from '../autograd/operands.js';
import { requireFloating } from '../tensor/dtype.js';
import { sameShape } from '../tensor/shape.js';
import type { Tensor } from '../tensor/tensor.js';
import type { Reduction } from './reduction.js';

/** The options of the element-wise losses, `mseLoss` and `l1Loss`. */
export interface PointwiseLossOptions {
  /** `'mean'` (the default, as PyTorch), `'sum'` or `'none'`. */
  reduction?: Reduction;
}

/**
 * The checks every element-wise loss makes: two float tensors of exactly
 * the same shape. A target that would broadcast is an error, not a
 * warning, because broadcasting a loss almost always hides a bug
 * (an `(N, 1)` prediction against an `(N)` target gives `(N, N)`).
 */
export function checkPair(op: string, input: Tensor, target: Tensor): void {
  requireFloating(op, checkTensor(op, input).dtype);
  requireFloating(op, checkTensor(op, target).dtype);
  if (sameShape(input.shape, target.shape)) return;
  throw new ShapeError(
    `${op}: target must have the input's shape ${formatShape(input.shape)}, ` +
      `got ${formatShape(target.shape)}. Losses never broadcast; reshape or ` +
      `squeeze one of them to match.`,
  );
}

/**
 * Throws unless `weight` (an option named `name`) broadcasts to exactly
 * `shape`: a weight may repeat along the input's dims, never add to them,
 * since `(4, 1)` against an input `(4)` would turn 4 losses into 16.
 */
export function checkBroadcastsTo(
  op: string,
  name: string,
  weight: Tensor | undefined,
  shape: readonly number[],
): void {
  if (weight === undefined) return;
  const w = checkTensor(op, weight);
  const lead = shape.length - w.ndim;
  const fits =
    lead >= 0 && w.shape.every((n, d) => n === 1 || n === shape[lead + d]);
  if (fits) return;
  throw new ShapeError(
    `${op}: ${name} must broadcast to the input's shape ${formatShape(shape)}, ` +
      `got ${formatShape(w.shape)}. Give it the input's trailing dims (sizes ` +
      `equal or 1), and no more dims than the input has.`,
  );
}
