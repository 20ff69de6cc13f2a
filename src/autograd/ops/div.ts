import { zip } from '../../tensor/kernels/elementwise.js';
import type { Tensor, TensorLike } from '../../tensor/tensor.js';
import { floatOperands } from '../operands.js';
import { record } from '../tape.js';
import { sumTo } from '../unbroadcast.js';
import { mul } from './mul.js';
import { neg } from './neg.js';

/**
 * `a / b`, element by element, broadcasting by NumPy's rules. Division by
 * zero gives ±Infinity or NaN as IEEE 754 says.
 * @throws ShapeError when the shapes do not broadcast.
 * @throws DTypeError for int32 operands (convert with `.to('float32')`).
 */
export function div(a: TensorLike, b: TensorLike): Tensor {
  const [x, y] = floatOperands('div', a, b);

  const out = zip('div', x, y, (p, q) => p / q, x.dtype);

  // da = dy / b, db = -dy · a / b² = -dy · out / b
  return record('div', out, [x, y], (dy) => [
    x.requiresGrad ? sumTo(div(dy, y), x.shape) : null,
    y.requiresGrad ? sumTo(neg(div(mul(dy, out), y)), y.shape) : null,
  ]);
}
