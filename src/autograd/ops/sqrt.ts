import { map } from '../../tensor/kernels/elementwise.js';
import type { Tensor, TensorLike } from '../../tensor/tensor.js';
import { floatOperand } from '../operands.js';
import { record } from '../tape.js';
import { div } from './div.js';
import { mul } from './mul.js';

/**
 * The square root; NaN below 0.
 * Element by element; the output has the input's shape.
 * @throws DTypeError for an int32 input (convert with `.to('float32')`).
 */
export function sqrt(x: TensorLike): Tensor {
  const input = floatOperand('sqrt', x);

  const out = map(input, Math.sqrt);

  // dx = dy / (2 sqrt(x)) = dy / (2 out)
  return record('sqrt', out, [input], (dy) => [div(dy, mul(out, 2))]);
}
