import { map, mapWith } from '../../tensor/kernels/elementwise.js';
import type { Tensor, TensorLike } from '../../tensor/tensor.js';
import { floatOperand } from '../operands.js';
import { record } from '../tape.js';

/**
 * The hyperbolic tangent.
 * Element by element; the output has the input's shape.
 * @throws DTypeError for an int32 input (convert with `.to('float32')`).
 */
export function tanh(x: TensorLike): Tensor {
  const input = floatOperand('tanh', x);

  const out = map(input, Math.tanh);

  // dx = dy · (1 - tanh²(x)) = dy · (1 - out²)
  return record('tanh', out, [input], (dy) => [
    mapWith(dy, out, (g, t) => g * (1 - t * t)),
  ]);
}
