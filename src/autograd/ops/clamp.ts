import { map } from '../../tensor/kernels/elementwise.js';
import type { Tensor, TensorLike } from '../../tensor/tensor.js';
import { record } from '../tape.js';
import { mul } from './mul.js';
import { operand } from './operands.js';

/**
 * `x` limited to `[min, max]`; either bound may be null or omitted.
 * Element by element.
 * @throws RangeError when neither bound is given or min > max.
 */
export function clamp(x: TensorLike, min?: number | null, max?: number | null): Tensor {
  const input = operand('clamp', x);
  const lo = min ?? -Infinity;
  const hi = max ?? Infinity;
  if ((min ?? null) === null && (max ?? null) === null) {
    throw new RangeError(
      'clamp: expected at least one of min and max, got neither. ' +
        'Pass clamp(x, min) or clamp(x, null, max).',
    );
  }

  const out = map(input, (v) => (v < lo ? lo : v > hi ? hi : v));

  // dx = dy inside [min, max] (bounds included, as PyTorch), 0 outside.
  return record('clamp', out, [input], (dy) => [
    mul(dy, map(input, (v) => (v >= lo && v <= hi ? 1 : 0))),
  ]);
}
