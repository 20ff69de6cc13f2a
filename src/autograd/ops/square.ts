import { map } from '../../tensor/kernels/elementwise.js';
import type { Tensor, TensorLike } from '../../tensor/tensor.js';
import { operand } from '../operands.js';
import { record } from '../tape.js';
import { mul } from './mul.js';

/**
 * `x * x`.
 * Element by element; the output has the input's shape.
 */
export function square(x: TensorLike): Tensor {
  const input = operand('square', x);

  const out = map(input, (v) => v * v);

  // dx = 2 x dy
  return record('square', out, [input], (dy) => [mul(dy, mul(input, 2))]);
}
