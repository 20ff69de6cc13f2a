import type { Tensor } from '../tensor/tensor.js';

/**
 * Scales the gradients of `params` in place so that their joint 2-norm
 * (all gradients as one vector) is at most `maxNorm`; returns the norm
 * before clipping. Parameters without a gradient are skipped.
 * @example
 * loss.backward();
 * clipGradNorm(model.parameters(), 1.0);
 * optimizer.step();
 */
export function clipGradNorm(params: Iterable<Tensor>, maxNorm: number): number {
  const grads = [...params].flatMap((p) => (p.grad === null ? [] : [p.grad]));
  let squares = 0;
  for (const g of grads) for (const v of g.values()) squares += v * v;
  const norm = Math.sqrt(squares);
  // The small epsilon matches PyTorch and keeps a zero norm finite.
  const scale = maxNorm / (norm + 1e-6);
  if (scale < 1) {
    for (const g of grads) {
      const data = g.values();
      if (!g.isContiguous()) throw new RangeError('clipGradNorm: gradients must be contiguous.');
      for (let i = 0; i < data.length; i++) data[i] = data[i]! * scale;
    }
  }
  return norm;
}
