import { AutogradError } from '../errors.js';
import type { Tensor } from '../tensor/tensor.js';
import { seedGradient, walk } from './backward.js';
import type { TapeNode } from './tape.js';

export interface GradOptions {
  /** Gradients of the outputs to start from; default ones for scalars. */
  gradOutputs?: Tensor[];
  /** Keep the graph for another backward. Default false. */
  retainGraph?: boolean;
  /** Give null for an input the outputs do not depend on, not an error. */
  allowUnused?: boolean;
}

/**
 * The gradients of `outputs` with respect to `inputs`, returned instead of
 * accumulated into `.grad` (no `.grad` changes). Inputs may be leaves or
 * intermediate tensors of the graph.
 * @throws AutogradError when an input does not require grad, when one is
 * not used by the outputs (unless `allowUnused`), or for the reasons
 * `backward` throws.
 * @example
 * const x = tensor([1, 2, 3], { requiresGrad: true });
 * const [dx] = grad(x.square().sum(), x); // 2x
 */
export function grad(
  outputs: Tensor | Tensor[],
  inputs: Tensor | Tensor[],
  options: GradOptions = {},
): (Tensor | null)[] {
  const outs = Array.isArray(outputs) ? outputs : [outputs];
  const ins = Array.isArray(inputs) ? inputs : [inputs];
  ins.forEach((t, i) => {
    if (t.requiresGrad) return;
    throw new AutogradError(
      `grad: input ${i} does not require grad, so no gradient can reach ` +
        `it. Create it with { requiresGrad: true } before computing the ` +
        `outputs, or leave it out of the inputs.`,
    );
  });
  const seeds = outs.map((y, i) =>
    seedGradient('grad', y, options.gradOutputs?.[i]),
  );
  const wantedNodes = new Map<TapeNode, Tensor>();
  for (const t of ins) if (t.node !== null) wantedNodes.set(t.node, t);
  const found = new Map<Tensor, Tensor>();

  walk(
    outs,
    seeds,
    options.retainGraph ?? false,
    (leaf, g) => found.set(leaf, g),
    (node, g) => {
      const t = wantedNodes.get(node);
      if (t !== undefined) found.set(t, g);
    },
  );

  return ins.map((t, i) => {
    const g = found.get(t);
    if (g !== undefined) return g;
    if (options.allowUnused) return null;
    throw new AutogradError(
      `grad: input ${i} is not used to compute the outputs, so it has no ` +
        `gradient. Pass { allowUnused: true } to get null for it instead.`,
    );
  });
}
