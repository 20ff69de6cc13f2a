import { map, mapWith } from '../../tensor/kernels/elementwise.js';
import type { Tensor, TensorLike } from '../../tensor/tensor.js';
import { operand } from '../operands.js';
import { record } from '../tape.js';

/**
 * The absolute value `|x|`.
 * Element by element; the output has the input's shape.
 */
export function abs(x: TensorLike): Tensor {
  const input = operand('abs', x);

  const out = map(input, Math.abs);

  // dx = dy · sign(x), 0 at x = 0 as in PyTorch
  return record('abs', out, [input], (dy) => [
    mapWith(dy, input, (g, v) => g * Math.sign(v)),
  ]);
}
