import { DTypeError, NotSupportedError, formatShape } from '../errors.js';
import { noGrad } from '../autograd/tape.js';
import { checkFits } from '../io/check-state-dict.js';
import { Tensor } from '../tensor/tensor.js';

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

  /**
   * Adds `tensor` as a parameter called `name`, marking it requiresGrad.
   * @throws DTypeError unless `tensor` is a float Tensor.
   * @throws NotSupportedError for a non-contiguous view (a transpose, a
   * slice): `loadStateDict` and the optimizers write into a parameter's
   * storage in place, which a strided view does not expose.
   */
  protected registerParameter(name: string, tensor: Tensor): Tensor {
    const op = `${this.constructor.name}.registerParameter`;
    if (!(tensor instanceof Tensor)) {
      throw new DTypeError(
        `${op}: parameter '${name}' must be a Tensor, got ` +
          `${tensor === null ? 'null' : typeof tensor}. Wrap the values ` +
          `with tensor(...) first.`,
      );
    }
    if (!tensor.isContiguous()) {
      throw new NotSupportedError(
        `${op}: parameter '${name}' must be contiguous, got a ` +
          `non-contiguous ${formatShape(tensor.shape)} view; loading a ` +
          `state or an optimizer step would write into a copy and be lost. ` +
          `Register a contiguous copy instead: tensor.detach().clone().`,
      );
    }

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
   * Copies the values of `state` into the parameters of the same names,
   * keeping the parameter tensors themselves (an optimizer holding them
   * still works). Every parameter must be present with its exact shape,
   * and no extra names are allowed; nothing is changed unless everything
   * fits. The dtype may differ: each value is cast to its parameter's
   * dtype, as PyTorch's `load_state_dict` copies (a float64 checkpoint
   * loads into a float32 model). Use `checkStateDict` first to insist on
   * the exact dtypes.
   * @throws CheckpointError listing every missing, unexpected and
   * wrong-shaped tensor by name, with both shapes.
   * @throws DTypeError for a value in `state` that is not a Tensor.
   * @example
   * model.loadStateDict(load('runs/mnist/epoch-3.safetensors'));
   */
  loadStateDict(state: StateDict): void {
    const op = `${this.constructor.name}.loadStateDict`;
    for (const [name, t] of Object.entries(state)) {
      if (t instanceof Tensor) continue;
      throw new DTypeError(
        `${op}: state['${name}'] must be a Tensor, got ` +
          `${t === null ? 'null' : typeof t}. Pass tensors by name, such ` +
          `as load(path) or another model's stateDict().`,
      );
    }
    const params = new Map(this.namedParameters());
    checkFits(op, 'the state', Object.fromEntries(params), state, false);

    // Parameters are contiguous (registerParameter insists), so values()
    // is their storage and the copy lands in place.
    noGrad(() => {
      for (const [name, p] of params)
        p.values().set(state[name]!.to(p.dtype).values());
    });
  }
}
