import { map, mapWith } from '../../tensor/kernels/elementwise.js';
import type { Tensor, TensorLike } from '../../tensor/tensor.js';
import { floatOperand } from '../operands.js';
import { record } from '../tape.js';

/**
 * The cosine, in radians.
 * Element by element; the output has the input's shape.
 * @throws DTypeError for an int32 input (convert with `.to('float32')`).
 */
export function cos(x: TensorLike): Tensor {
  const input = floatOperand('cos', x);

  const out = map(input, Math.cos);

  // dx = -dy · sin(x)
  return record('cos', out, [input], (dy) => [
    mapWith(dy, input, (g, v) => g * -Math.sin(v)),
  ]);
}
