import { AutogradError, describeValue, formatShape } from '../errors.js';
import { sameShape } from '../tensor/shape.js';
import { Tensor } from '../tensor/tensor.js';
import type { TypedArray } from '../tensor/dtype.js';
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
 * @throws AutogradError as `Tensor.backward` says.
 */
export function backward(
  root: Tensor,
  gradient: Tensor | undefined,
  options: BackwardOptions,
): void {
  const seed = seedGradient('backward', root, gradient, 'gradient');
  walk(
    'backward',
    [root],
    [seed],
    options.retainGraph ?? false,
    (leaf, g, owned) => {
      if (leaf.grad !== null) {
        leaf.grad = noGrad(() => add(leaf.grad!, g));
      } else {
        // A gradient nothing else holds becomes .grad as it is; anything
        // shared (the caller's gradient, a graph tensor, storage another
        // leaf gets) is copied, so writing into one .grad (clipGradNorm
        // does) never changes another tensor. detach: no tape for the copy.
        leaf.grad = owned ? g : g.detach().clone();
      }
    },
  );
}

/**
 * The gradient a backward pass starts from, checked against `root`. `op`
 * starts the messages and `name` calls the gradient ('gradOutputs[0]').
 * @throws AutogradError when `root` is not a Tensor or does not require
 * grad, or the gradient is missing for a non-scalar, not a Tensor, or of
 * another shape.
 */
export function seedGradient(
  op: string,
  root: unknown,
  gradient: unknown,
  name: string,
): Tensor {
  if (!(root instanceof Tensor)) {
    throw new AutogradError(
      `${op}: the output to differentiate must be a Tensor, got ` +
        `${describeValue(root)}. Pass the tensor computed from the inputs.`,
    );
  }
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
  if (!(gradient instanceof Tensor)) {
    throw new AutogradError(
      `${op}: ${name} must be a Tensor, got ${describeValue(gradient)}. ` +
        gradientFix(op, gradient),
    );
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

/** The likely fix for a gradient that is not a Tensor. */
function gradientFix(op: string, gradient: unknown): string {
  const looksLikeOptions =
    typeof gradient === 'object' &&
    gradient !== null &&
    !Array.isArray(gradient) &&
    !ArrayBuffer.isView(gradient);
  if (op === 'backward' && looksLikeOptions) {
    return `Options go second: y.backward(undefined, { retainGraph: true }).`;
  }
  return `Wrap the values with tensor(...), in the output's shape.`;
}

/**
 * The reverse walk shared by `backward` and `grad` (`op` names the caller
 * in messages). Finds every node that leads to `roots`, visits them newest
 * first (reverse tape order), sums the gradient flowing into each node's
 * output, calls its backward and hands each leaf's total to `onLeaf`.
 * `owned` is true when that total is a contiguous tensor over storage of
 * its own that nothing else holds: not a seed, not a tensor of the graph,
 * not shared with another leaf's total. `onNode` sees each node's total
 * output gradient before its backward runs.
 * @throws AutogradError for a graph an earlier backward freed.
 */
export function walk(
  op: string,
  roots: Tensor[],
  seeds: Tensor[],
  retainGraph: boolean,
  onLeaf: (leaf: Tensor, g: Tensor, owned: boolean) => void,
  onNode?: (node: TapeNode, g: Tensor) => void,
): void {
  const nodes = reachableNodes(op, roots);
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
  // Storage that existed before the walk: a leaf's .grad must not alias it.
  const graphStorage = new Set<TypedArray>();
  for (const t of [...roots, ...seeds]) graphStorage.add(t.nd.data);
  for (const node of nodes) {
    for (const input of node.inputs) graphStorage.add(input.nd.data);
  }

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

  // add() hands the same dy to both inputs, so one storage can reach two
  // leaves (directly or through a reshape view): count before handing out.
  const uses = new Map<TypedArray, number>();
  for (const g of leafGrads.values()) {
    uses.set(g.nd.data, (uses.get(g.nd.data) ?? 0) + 1);
  }
  for (const [leaf, g] of leafGrads) {
    const data = g.nd.data;
    const owned =
      uses.get(data) === 1 &&
      !graphStorage.has(data) &&
      g.nd.offset === 0 &&
      data.length === g.size &&
      g.isContiguous();
    onLeaf(leaf, g, owned);
  }
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
function reachableNodes(op: string, roots: Tensor[]): TapeNode[] {
  const seen = new Set<TapeNode>();
  const stack: TapeNode[] = [];
  for (const root of roots) if (root.node !== null) stack.push(root.node);
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (seen.has(node)) continue;
    if (node.released) {
      throw new AutogradError(
        `${op}: trying to go through the graph a second time (at ` +
          `${node.op}), but its saved tensors were freed by the first ` +
          `backward. Pass { retainGraph: true } to the first ${op} call ` +
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
