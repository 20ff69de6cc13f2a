import { map, mapWith } from '../../tensor/kernels/elementwise.js';
import type { Tensor, TensorLike } from '../../tensor/tensor.js';
import { operand } from '../operands.js';
import { record } from '../tape.js';

/**
 * `max(x, 0)`.
 * Element by element; the output has the input's shape.
 */
export function relu(x: TensorLike): Tensor {
  const input = operand('relu', x);

  const out = map(input, (v) => (v > 0 ? v : 0));

  // dx = dy where x > 0, else 0 (0 at x = 0, as PyTorch)
  return record('relu', out, [input], (dy) => [
    mapWith(dy, input, (g, v) => g * (v > 0 ? 1 : 0)),
  ]);
}
