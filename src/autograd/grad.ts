import { AutogradError, describeValue } from '../errors.js';
import { Tensor } from '../tensor/tensor.js';
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
 * @throws AutogradError when an output or input is not a Tensor, an input
 * does not require grad, one is not used by the outputs (unless
 * `allowUnused`), a gradOutputs entry is not a Tensor of its output's
 * shape, or for the reasons `backward` throws.
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
  checkTensors('output', outs, 'the tensors computed from the inputs');
  checkTensors('input', ins, 'the tensors to differentiate with respect to');
  ins.forEach((t, i) => {
    if (t.requiresGrad) return;
    throw new AutogradError(
      `grad: input ${i} does not require grad, so no gradient can reach ` +
        `it. Create it with { requiresGrad: true } before computing the ` +
        `outputs, or leave it out of the inputs.`,
    );
  });
  const gradOutputs: unknown = options.gradOutputs;
  if (gradOutputs !== undefined && !Array.isArray(gradOutputs)) {
    throw new AutogradError(
      `grad: gradOutputs must be an array with one gradient per output, ` +
        `got ${describeValue(gradOutputs)}. Pass { gradOutputs: [g] }.`,
    );
  }
  const seeds = outs.map((y, i) =>
    seedGradient('grad', y, options.gradOutputs?.[i], `gradOutputs[${i}]`),
  );
  const wantedNodes = new Map<TapeNode, Tensor>();
  for (const t of ins) if (t.node !== null) wantedNodes.set(t.node, t);
  const found = new Map<Tensor, Tensor>();

  walk(
    'grad',
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

/** Throws unless every entry of `list` is a Tensor, naming the first not. */
function checkTensors(role: string, list: unknown[], fix: string): void {
  list.forEach((t, i) => {
    if (t instanceof Tensor) return;
    throw new AutogradError(
      `grad: ${role} ${i} is not a Tensor, got ${describeValue(t)}. ` +
        `Pass ${fix}.`,
    );
  });
}
