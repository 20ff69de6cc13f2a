import { map, mapWith } from '../../tensor/kernels/elementwise.js';
import type { Tensor, TensorLike } from '../../tensor/tensor.js';
import { floatOperand } from '../operands.js';
import { record } from '../tape.js';

/**
 * The sine, in radians.
 * Element by element; the output has the input's shape.
 * @throws DTypeError for an int32 input (convert with `.to('float32')`).
 */
export function sin(x: TensorLike): Tensor {
  const input = floatOperand('sin', x);

  const out = map(input, Math.sin);

  // dx = dy · cos(x)
  return record('sin', out, [input], (dy) => [
    mapWith(dy, input, (g, v) => g * Math.cos(v)),
  ]);
}
