import { map } from '../../tensor/kernels/elementwise.js';
import type { Tensor, TensorLike } from '../../tensor/tensor.js';
import { operand } from '../operands.js';
import { record } from '../tape.js';

/**
 * The negation `-x`.
 * Element by element; the output has the input's shape.
 */
export function neg(x: TensorLike): Tensor {
  const input = operand('neg', x);

  const out = map(input, (v) => -v);

  // dx = -dy
  return record('neg', out, [input], (dy) => [neg(dy)]);
}
