import { map } from '../../tensor/kernels/elementwise.js';
import type { Tensor, TensorLike } from '../../tensor/tensor.js';
import { floatOperand } from '../operands.js';
import { record } from '../tape.js';
import { mul } from './mul.js';
import { neg } from './neg.js';

/**
 * `1 / x`.
 * Element by element; the output has the input's shape.
 * @throws DTypeError for an int32 input (convert with `.to('float32')`).
 */
export function reciprocal(x: TensorLike): Tensor {
  const input = floatOperand('reciprocal', x);

  const out = map(input, (v) => 1 / v);

  // dx = -dy / x² = -dy · out²
  return record('reciprocal', out, [input], (dy) => [
    neg(mul(dy, mul(out, out))),
  ]);
}
