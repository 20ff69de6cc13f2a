import { map } from '../../tensor/kernels/elementwise.js';
import type { Tensor, TensorLike } from '../../tensor/tensor.js';
import { floatOperand } from '../operands.js';
import { record } from '../tape.js';
import { mul } from './mul.js';

/**
 * `e` to the power `x`.
 * Element by element; the output has the input's shape.
 * @throws DTypeError for an int32 input (convert with `.to('float32')`).
 */
export function exp(x: TensorLike): Tensor {
  const input = floatOperand('exp', x);

  const out = map(input, Math.exp);

  // dx = dy · exp(x) = dy · out
  return record('exp', out, [input], (dy) => [mul(dy, out)]);
}
