import { map, mapWith } from '../../tensor/kernels/elementwise.js';
import type { Tensor, TensorLike } from '../../tensor/tensor.js';
import { floatOperand } from '../operands.js';
import { record } from '../tape.js';

/**
 * ELU: `x` where positive, `alpha · (e^x - 1)` elsewhere (alpha 1 by
 * default). Element by element.
 * @throws DTypeError for an int32 input.
 */
export function elu(x: TensorLike, alpha = 1): Tensor {
  const input = floatOperand('elu', x);

  const out = map(input, (v) => (v > 0 ? v : alpha * Math.expm1(v)));

  // dx = dy where x > 0, else dy · alpha · e^x
  return record('elu', out, [input], (dy) => [
    mapWith(dy, input, (g, v) => g * (v > 0 ? 1 : alpha * Math.exp(v))),
  ]);
}
