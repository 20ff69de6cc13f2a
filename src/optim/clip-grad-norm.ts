import { NotSupportedError, formatShape } from '../errors.js';
import type { Tensor } from '../tensor/tensor.js';

/**
 * Scales the gradients of `params` in place so that their joint 2-norm
 * (all gradients as one vector) is at most `maxNorm`; returns the norm
 * before clipping. Parameters without a gradient are skipped.
 * @param params The parameters whose `.grad` to clip, such as
 * `model.parameters()`.
 * @param maxNorm The largest joint norm allowed, >= 0.
 * @throws RangeError when `maxNorm` is negative or NaN.
 * @throws NotSupportedError when a gradient is a non-contiguous view.
 * Both are checked first: on error no gradient has been scaled.
 * @example
 * loss.backward();
 * clipGradNorm(model.parameters(), 1.0);
 * optimizer.step();
 */
export function clipGradNorm(
  params: Iterable<Tensor>,
  maxNorm: number,
): number {
  if (!(maxNorm >= 0)) {
    throw new RangeError(
      `clipGradNorm: maxNorm must be >= 0, got ${maxNorm}. Pass the largest ` +
        `gradient norm to allow, such as 1.0.`,
    );
  }
  const grads = [...params].flatMap((p) => (p.grad === null ? [] : [p.grad]));
  // Checked before any write, so an error leaves every gradient as it was.
  grads.forEach((g, i) => {
    if (!g.isContiguous()) {
      throw new NotSupportedError(
        `clipGradNorm: gradient ${i} must be contiguous, got a non-contiguous ` +
          `${formatShape(g.shape)} view, which cannot be scaled in place. ` +
          `Assign p.grad = p.grad.clone() first.`,
      );
    }
  });

  let squares = 0;
  for (const g of grads) for (const v of g.values()) squares += v * v;
  const norm = Math.sqrt(squares);
  // The small epsilon matches PyTorch and keeps a zero norm finite.
  const scale = maxNorm / (norm + 1e-6);
  if (scale < 1) {
    for (const g of grads) {
      const data = g.values();
      for (let i = 0; i < data.length; i++) data[i] = data[i]! * scale;
    }
  }
  return norm;
}
