import { map } from '../../tensor/kernels/elementwise.js';
import type { Tensor, TensorLike } from '../../tensor/tensor.js';
import { record } from '../tape.js';
import { mul } from './mul.js';
import { floatOperand } from './operands.js';

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
    mul(
      dy,
      map(input, (v) => -Math.sin(v)),
    ),
  ]);
}
