import { ShapeError, formatShape } from '../errors.js';
import { noGrad } from '../autograd/tape.js';
import { sameShape } from '../tensor/shape.js';
import type { Tensor } from '../tensor/tensor.js';

/** Named tensors: a model's parameters, or an optimizer's state. */
export type StateDict = Record<string, Tensor>;

/**
 * The base of every layer and model: it owns parameters (tensors that
 * require grad) and child modules, and maps an input to an output in
 * `forward`. Names nest with dots, as in PyTorch: a `Sequential`'s first
 * `Linear` has parameters `0.weight` and `0.bias`.
 */
export abstract class Module {
  /** Whether the module is in training mode (dropout active). */
  training = true;
  private readonly ownParameters = new Map<string, Tensor>();
  private readonly ownChildren = new Map<string, Module>();

  /** Computes the module's output for `input`. */
  abstract forward(input: Tensor): Tensor;

  /** Adds `tensor` as a parameter called `name`, marking it requiresGrad. */
  protected registerParameter(name: string, tensor: Tensor): Tensor {
    tensor.requiresGrad_(true);
    this.ownParameters.set(name, tensor);
    return tensor;
  }

  /** Adds `module` as a child called `name`. */
  protected registerModule<M extends Module>(name: string, module: M): M {
    this.ownChildren.set(name, module);
    return module;
  }

  /** The direct children, with their names. */
  namedChildren(): [string, Module][] {
    return [...this.ownChildren];
  }

  /** Every parameter of this module and its descendants, with dotted names. */
  namedParameters(): [string, Tensor][] {
    const out: [string, Tensor][] = [...this.ownParameters];
    for (const [prefix, child] of this.ownChildren) {
      for (const [name, p] of child.namedParameters())
        out.push([`${prefix}.${name}`, p]);
    }
    return out;
  }

  /** Every parameter, in `namedParameters` order: what an optimizer takes. */
  parameters(): Tensor[] {
    return this.namedParameters().map(([, p]) => p);
  }

  /** Sets training mode here and in every descendant; returns this. */
  train(mode = true): this {
    this.training = mode;
    for (const child of this.ownChildren.values()) child.train(mode);
    return this;
  }

  /** Evaluation mode (dropout off); returns this. */
  eval(): this {
    return this.train(false);
  }

  /** Clears the gradient of every parameter. */
  zeroGrad(): void {
    for (const p of this.parameters()) p.grad = null;
  }

  /**
   * The parameters by name, as detached tensors sharing their storage:
   * save them with `save`, restore them with `loadStateDict`.
   */
  stateDict(): StateDict {
    const out: StateDict = {};
    for (const [name, p] of this.namedParameters()) out[name] = p.detach();
    return out;
  }

  /**
   * Copies the values of `state` into the parameters of the same names.
   * Every parameter must be present with its exact shape; no extra names
   * are allowed. Nothing is changed unless everything fits.
   * @throws Error naming the parameter that is missing or unexpected;
   * ShapeError naming one of the wrong shape.
   */
  loadStateDict(state: StateDict): void {
    const params = new Map(this.namedParameters());
    for (const [name, p] of params) {
      const t = state[name];
      if (t === undefined) {
        throw new Error(
          `loadStateDict: missing parameter '${name}' (shape ` +
            `${formatShape(p.shape)}). Was the state saved from a different model?`,
        );
      }
      if (!sameShape(t.shape, p.shape)) {
        throw new ShapeError(
          `loadStateDict: parameter '${name}' has shape ${formatShape(p.shape)} ` +
            `in the model but ${formatShape(t.shape)} in the state. Build the ` +
            `model with the sizes the state was saved with.`,
        );
      }
    }
    const extra = Object.keys(state).filter((name) => !params.has(name));
    if (extra.length > 0) {
      throw new Error(
        `loadStateDict: unexpected parameter '${extra[0]}' in the state; the ` +
          `model has ${[...params.keys()].join(', ')}.`,
      );
    }
    noGrad(() => {
      for (const [name, p] of params)
        p.values().set(state[name]!.to(p.dtype).values());
    });
  }
}
