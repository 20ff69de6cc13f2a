import { AutogradError, formatShape } from '../errors.js';
import { sameShape } from '../tensor/shape.js';
import type { Tensor } from '../tensor/tensor.js';
import { noGrad, type TapeNode } from './tape.js';
import { onesLike } from '../tensor/create.js';
import { add, cast } from './ops/index.js';

export interface BackwardOptions {
  /**
   * Keep the graph's saved tensors so backward can run through it again.
   * Default false: backward frees the graph as it goes.
   */
  retainGraph?: boolean;
}

/**
 * Back-propagates from `root` into the `.grad` of every leaf that requires
 * grad, adding to what is there. See `Tensor.backward`.
 */
export function backward(
  root: Tensor,
  gradient: Tensor | undefined,
  options: BackwardOptions,
): void {
  const seed = seedGradient('backward', root, gradient);
  walk([root], [seed], options.retainGraph ?? false, (leaf, g) => {
    leaf.grad =
      leaf.grad === null ? g.clone() : noGrad(() => add(leaf.grad!, g));
  });
}

/** The gradient a backward pass starts from, checked against `root`. */
export function seedGradient(
  op: string,
  root: Tensor,
  gradient: Tensor | undefined,
): Tensor {
  if (!root.requiresGrad) {
    throw new AutogradError(
      `${op}: the tensor does not require grad, so there is nothing to ` +
        `differentiate. Create its inputs with { requiresGrad: true }, and ` +
        `do not compute it inside noGrad or from detached tensors.`,
    );
  }
  if (gradient === undefined) {
    if (root.size !== 1) {
      throw new AutogradError(
        `${op}: a gradient can be implied only for a scalar output, got ` +
          `shape ${formatShape(root.shape)}. Pass a gradient of that shape, ` +
          `e.g. y.backward(onesLike(y)), or reduce y with sum() or mean().`,
      );
    }
    return onesLike(root);
  }
  if (!sameShape(gradient.shape, root.shape)) {
    throw new AutogradError(
      `${op}: the gradient must have the output's shape ` +
        `${formatShape(root.shape)}, got ${formatShape(gradient.shape)}. ` +
        `Pass one value per output element, in the output's shape.`,
    );
  }
  return gradient.dtype === root.dtype ? gradient : cast(gradient, root.dtype);
}

/**
 * The reverse walk shared by `backward` and `grad`. Finds every node that
 * leads to `roots`, visits them newest first (reverse tape order), sums
 * the gradient flowing into each node's output, calls its backward and
 * hands each leaf's total to `onLeaf`. `onNode` sees each node's total
 * output gradient before its backward runs.
 */
export function walk(
  roots: Tensor[],
  seeds: Tensor[],
  retainGraph: boolean,
  onLeaf: (leaf: Tensor, g: Tensor) => void,
  onNode?: (node: TapeNode, g: Tensor) => void,
): void {
  const nodes = reachableNodes(roots);
  const nodeGrads = new Map<TapeNode, Tensor>();
  const leafGrads = new Map<Tensor, Tensor>();
  const accumulate = (t: Tensor, g: Tensor): void => {
    if (t.node !== null) {
      const prev = nodeGrads.get(t.node);
      nodeGrads.set(t.node, prev === undefined ? g : add(prev, g));
    } else {
      const prev = leafGrads.get(t);
      leafGrads.set(t, prev === undefined ? g : add(prev, g));
    }
  };

  noGrad(() => {
    roots.forEach((root, i) => accumulate(root, seeds[i]!));
    for (const node of nodes) {
      const dy = nodeGrads.get(node);
      nodeGrads.delete(node);
      if (dy !== undefined) {
        onNode?.(node, dy);
        propagate(node, dy, accumulate);
      }
      if (!retainGraph) node.release();
    }
  });

  for (const [leaf, g] of leafGrads) onLeaf(leaf, g);
}

/** Runs one node's backward and hands each input its checked gradient. */
function propagate(
  node: TapeNode,
  dy: Tensor,
  accumulate: (t: Tensor, g: Tensor) => void,
): void {
  const grads = node.backwardFn!(dy);
  node.inputs.forEach((input, i) => {
    const g = grads[i];
    if (!input.requiresGrad || g === null || g === undefined) return;
    if (!sameShape(g.shape, input.shape)) {
      throw new AutogradError(
        `internal: ${node.op} backward gave input ${i} a gradient of shape ` +
          `${formatShape(g.shape)}, but the input has shape ` +
          `${formatShape(input.shape)}.`,
      );
    }
    accumulate(input, g.dtype === input.dtype ? g : cast(g, input.dtype));
  });
}

/**
 * Every node that some root depends on, newest first. Refuses a graph
 * whose saved tensors a previous backward already freed.
 */
function reachableNodes(roots: Tensor[]): TapeNode[] {
  const seen = new Set<TapeNode>();
  const stack: TapeNode[] = [];
  for (const root of roots) if (root.node !== null) stack.push(root.node);
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (seen.has(node)) continue;
    if (node.released) {
      throw new AutogradError(
        `backward: trying to go through the graph a second time (at ` +
          `${node.op}), but its saved tensors were freed by the first ` +
          `backward. Pass { retainGraph: true } to the first backward call ` +
          `if you need to back-propagate through it again.`,
      );
    }
    seen.add(node);
    for (const input of node.inputs) {
      if (input.node !== null && !seen.has(input.node)) stack.push(input.node);
    }
  }
  return [...seen].sort((a, b) => b.seq - a.seq);
}
