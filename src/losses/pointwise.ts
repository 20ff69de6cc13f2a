import { ShapeError, formatShape } from '../errors.js';
import { checkTensor } from '../autograd/ops/operands.js';
import { requireFloating } from '../tensor/dtype.js';
import { sameShape } from '../tensor/shape.js';
import type { Tensor } from '../tensor/tensor.js';

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
