import ndarray from 'ndarray';
import { ShapeError, formatShape } from '../../errors.js';
import { contiguousStrides, sizeOf } from '../../tensor/shape.js';
import { Tensor } from '../../tensor/tensor.js';
import { checkTensor } from '../operands.js';
import { record } from '../tape.js';

/**
 * `x` with a new shape holding the same elements in row-major order. One
 * size may be -1, inferred from the rest. A view sharing storage when `x`
 * is contiguous, else a copy.
 * @throws ShapeError when the sizes do not multiply to `x.size`, or for a
 * -1 beside a 0 (any size would fit), as PyTorch.
 */
export function reshape(x: Tensor, shape: readonly number[]): Tensor {
  checkTensor('reshape', x);
  const target = inferShape(x, shape);

  const data = x.isContiguous() ? x.nd.data : x.values();
  const offset = x.isContiguous() ? x.nd.offset : 0;
  const out = new Tensor(
    ndarray(data, target, contiguousStrides(target), offset),
  );

  // dx = dy viewed in x's shape
  return record('reshape', out, [x], (dy) => [reshape(dy, x.shape)]);
}

function inferShape(x: Tensor, shape: readonly number[]): number[] {
  const unknown = shape.indexOf(-1);
  const known = sizeOf(shape.filter((n) => n !== -1));
  const bad = shape.some(
    (n, i) => !Number.isInteger(n) || n < -1 || (n === -1 && i !== unknown),
  );
  if (!bad && unknown >= 0 && known === 0 && x.size === 0) {
    // Every size fits n · 0 = 0: PyTorch refuses to guess, and so do we.
    throw new ShapeError(
      `reshape: cannot infer -1 in ${formatShape(shape)} for a tensor of 0 ` +
        `elements (shape ${formatShape(x.shape)}): another size is 0, so ` +
        `any size would fit. Write the size you want in place of the -1.`,
    );
  }
  const fits =
    unknown < 0 ? known === x.size : known > 0 && x.size % known === 0;
  if (bad || !fits) {
    throw new ShapeError(
      `reshape: cannot view a tensor of shape ${formatShape(x.shape)} ` +
        `(${x.size} elements) as ${formatShape(shape)}. The sizes must ` +
        `multiply to ${x.size}, with at most one -1 to infer.`,
    );
  }
  const out = shape.slice();
  if (unknown >= 0) out[unknown] = x.size / known;
  return out;
}
