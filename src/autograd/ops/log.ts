import { map } from '../../tensor/kernels/elementwise.js';
import type { Tensor, TensorLike } from '../../tensor/tensor.js';
import { floatOperand } from '../operands.js';
import { record } from '../tape.js';
import { div } from './div.js';

/**
 * The natural logarithm; -inf at 0 and NaN below, as IEEE 754 says.
 * Element by element; the output has the input's shape.
 * @throws DTypeError for an int32 input (convert with `.to('float32')`).
 */
export function log(x: TensorLike): Tensor {
  const input = floatOperand('log', x);

  const out = map(input, Math.log);

  // dx = dy / x
  return record('log', out, [input], (dy) => [div(dy, input)]);
}
