import { checkInt32 } from '../../tensor/dtype.js';
import { map, mapWith } from '../../tensor/kernels/elementwise.js';
import type { Tensor, TensorLike } from '../../tensor/tensor.js';
import { operand } from '../operands.js';
import { record } from '../tape.js';
import { cast } from './cast.js';

/**
 * `x` limited to `[min, max]`; either bound may be null or omitted.
 * Element by element. An int32 input with a non-whole bound is clamped in
 * float32 (as PyTorch promotes it), so the bound is never truncated.
 * @throws RangeError when neither bound is given, min > max, or a whole
 * bound of an int32 clamp lies outside the int32 range (as PyTorch).
 */
export function clamp(
  x: TensorLike,
  min?: number | null,
  max?: number | null,
): Tensor {
  const given = operand('clamp', x);
  const lo = min ?? -Infinity;
  const hi = max ?? Infinity;
  if ((min ?? null) === null && (max ?? null) === null) {
    throw new RangeError(
      'clamp: expected at least one of min and max, got neither. ' +
        'Pass clamp(x, min) or clamp(x, null, max).',
    );
  }
  // PyTorch sets every element to max here; we name the mistake instead.
  if (lo > hi) {
    throw new RangeError(
      `clamp: expected min <= max, got min ${lo} and max ${hi}. ` +
        'Swap the two bounds.',
    );
  }
  const fractional = [min, max].some((b) => b != null && !Number.isInteger(b));
  const input =
    given.dtype === 'int32' && fractional ? cast(given, 'float32') : given;
  if (input.dtype === 'int32') {
    // A bound is stored wherever it applies; past int32 it would wrap.
    const fix = "Convert the tensor first with x.to('float64').";
    if (min != null) checkInt32('clamp', min, ' (min)', fix);
    if (max != null) checkInt32('clamp', max, ' (max)', fix);
  }

  const out = map(input, (v) => (v < lo ? lo : v > hi ? hi : v));

  // dx = dy inside [min, max] (bounds included, as PyTorch), 0 outside.
  return record('clamp', out, [input], (dy) => [
    mapWith(dy, input, (g, v) => g * (v >= lo && v <= hi ? 1 : 0)),
  ]);
}
