import { map, mapWith } from '../../tensor/kernels/elementwise.js';
import type { Tensor, TensorLike } from '../../tensor/tensor.js';
import { floatOperand } from '../operands.js';
import { record } from '../tape.js';

/**
 * `x` where positive, `negativeSlope · x` elsewhere (default slope 0.01,
 * as PyTorch). Element by element.
 * @throws DTypeError for an int32 input.
 */
export function leakyRelu(x: TensorLike, negativeSlope = 0.01): Tensor {
  const input = floatOperand('leakyRelu', x);

  const out = map(input, (v) => (v > 0 ? v : negativeSlope * v));

  // dx = dy where x > 0, else negativeSlope · dy
  return record('leakyRelu', out, [input], (dy) => [
    mapWith(dy, input, (g, v) => g * (v > 0 ? 1 : negativeSlope)),
  ]);
}
