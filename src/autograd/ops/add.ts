import { zip } from '../../tensor/kernels/elementwise.js';
import type { Tensor, TensorLike } from '../../tensor/tensor.js';
import { operands } from '../operands.js';
import { record } from '../tape.js';
import { sumTo } from '../unbroadcast.js';

/**
 * `a + b`, element by element, broadcasting by NumPy's rules.
 * @throws ShapeError when the shapes do not broadcast.
 */
export function add(a: TensorLike, b: TensorLike): Tensor {
  const [x, y] = operands('add', a, b);

  const out = zip('add', x, y, (p, q) => p + q, x.dtype);

  // da = dy, db = dy, each summed back over the dims it was broadcast on.
  return record('add', out, [x, y], (dy) => [
    x.requiresGrad ? sumTo(dy, x.shape) : null,
    y.requiresGrad ? sumTo(dy, y.shape) : null,
  ]);
}
