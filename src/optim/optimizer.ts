import {
  CheckpointError,
  DTypeError,
  NotSupportedError,
  formatShape,
} from '../errors.js';
import { allocate, type TypedArray } from '../tensor/dtype.js';
import { sameShape } from '../tensor/shape.js';
import { Tensor } from '../tensor/tensor.js';
import type { StateDict } from '../nn/module.js';

/**
 * The base of the optimizers: it holds the parameters, a learning rate
 * that schedules may change, and per-parameter buffers (momentum, moment
 * estimates) as typed arrays of the parameter's dtype. `step()` updates
 * each parameter's storage in place from its `.grad`, recording nothing.
 */
export abstract class Optimizer {
  readonly params: readonly Tensor[];
  /** The learning rate for the next `step()`. */
  lr: number;
  /** The number of `step()` calls so far. */
  stepCount = 0;
  /**
   * The steps each parameter has taken: a step where it had no gradient
   * does not count, as PyTorch keeps `step` per parameter (Adam's bias
   * correction uses it).
   */
  protected readonly paramSteps: number[];
  /** Buffers by name, one typed array per parameter (null until first used). */
  protected readonly buffers = new Map<string, (TypedArray | null)[]>();

  /**
   * @param params The tensors to update: float leaves, each contiguous,
   * such as `model.parameters()`.
   * @param lr The learning rate, >= 0.
   * @param bufferNames The names of the per-parameter buffers the subclass
   * keeps (`stateDict` saves them as `<name>.<param index>`).
   * @throws RangeError for an `lr` below 0 or NaN.
   * @throws DTypeError for a parameter that is not a float tensor.
   * @throws NotSupportedError for a non-contiguous parameter (a view),
   * whose update would be written into a copy and lost.
   */
  constructor(
    params: Iterable<Tensor>,
    lr: number,
    bufferNames: readonly string[],
  ) {
    // The subclass's name (SGD, Adam, AdamW) starts every message.
    const op = this.constructor.name;
    this.params = [...params];
    checkNonNegative(op, 'lr', lr, 'Pass a learning rate such as 0.01');
    this.lr = lr;
    this.params.forEach((p, i) => checkParameter(op, p, i));
    this.paramSteps = this.params.map(() => 0);
    for (const name of bufferNames)
      this.buffers.set(
        name,
        this.params.map(() => null),
      );
  }

  /** Clears every parameter's gradient. */
  zeroGrad(): void {
    for (const p of this.params) p.grad = null;
  }

  /** Updates every parameter that has a gradient. */
  step(): void {
    this.stepCount++;
    this.params.forEach((p, i) => {
      if (p.grad === null) return;
      this.paramSteps[i]!++;
      this.update(i, p.values(), p.grad.values());
    });
  }

  /** Updates parameter `i`'s values `p` in place from its gradient `g`. */
  protected abstract update(i: number, p: TypedArray, g: TypedArray): void;

  /** Buffer `name` of parameter `i`, created zeroed on first use. */
  protected buffer(name: string, i: number): TypedArray {
    const list = this.buffers.get(name)!;
    const param = this.params[i]!;
    list[i] ??= allocate(param.dtype, param.size);
    return list[i]!;
  }

  /** Whether buffer `name` of parameter `i` exists yet. */
  protected hasBuffer(name: string, i: number): boolean {
    return this.buffers.get(name)![i] !== null;
  }

  /**
   * Everything needed to resume, as a snapshot (copies, so later steps do
   * not change it): `lr` and `step` as rank-0 float64 tensors, each
   * parameter's own step count as `step.<param index>` (rank 0, for the
   * parameters that have stepped), and each buffer as
   * `<name>.<param index>`. Save it with `save`.
   */
  stateDict(): StateDict {
    const out: StateDict = {
      lr: scalar(this.lr),
      step: scalar(this.stepCount),
    };
    this.paramSteps.forEach((n, i) => {
      if (n > 0) out[`step.${i}`] = scalar(n);
    });
    for (const [name, list] of this.buffers) {
      list.forEach((data, i) => {
        if (data === null) return;
        out[`${name}.${i}`] = Tensor.fromData(
          data.slice(),
          this.params[i]!.shape,
        );
      });
    }
    return out;
  }

  /**
   * Restores what `stateDict` gave (copying the buffers, cast to each
   * parameter's dtype). Nothing changes unless every entry fits. A state
   * without `step.<i>` entries (saved before they existed) counts `step`
   * for each parameter with buffers.
   * @throws CheckpointError naming the first entry that is unknown, points
   * past the parameters, or has the wrong shape (with both shapes).
   * @throws DTypeError for a value that is not a Tensor.
   */
  loadStateDict(state: StateDict): void {
    const op = `${this.constructor.name}.loadStateDict`;
    const entries = Object.entries(state);
    for (const [key, t] of entries) {
      if (!(t instanceof Tensor)) {
        throw new DTypeError(
          `${op}: state['${key}'] must be a Tensor, got ` +
            `${t === null ? 'null' : typeof t}. Pass what stateDict() ` +
            `returned, or load(path) of a file it was saved to.`,
        );
      }
      const parsed = splitKey(key);
      const param = parsed === null ? undefined : this.params[parsed[1]];
      const scalarKey =
        key === 'lr' || key === 'step' || parsed?.[0] === 'step';
      if (!scalarKey && (parsed === null || !this.buffers.has(parsed[0]))) {
        const known = ['lr', 'step', 'step.<i>'];
        for (const name of this.buffers.keys()) known.push(`${name}.<i>`);
        throw new CheckpointError(
          `${op}: unknown entry '${key}'; expected one of ` +
            `${known.join(', ')} (i a parameter index). Load a state saved ` +
            `from a ${this.constructor.name}: optimizer states do not ` +
            `carry over between kinds.`,
        );
      }
      if (parsed !== null && param === undefined) {
        throw new CheckpointError(
          `${op}: entry '${key}' is for parameter ${parsed[1]}, but this ` +
            `optimizer has ${this.params.length} parameters. Load the ` +
            `state saved for these parameters, from the same model.`,
        );
      }
      const want = scalarKey ? [] : param!.shape;
      if (!sameShape(t.shape, want)) {
        const whose = scalarKey
          ? 'it must be a scalar'
          : `parameter ${parsed![1]} has`;
        throw new CheckpointError(
          `${op}: '${key}' has shape ${formatShape(t.shape)}, but ${whose} ` +
            `${formatShape(want)}. Load the state saved for these ` +
            `parameters, from a model built with the same sizes.`,
        );
      }
    }

    this.lr = state.lr?.item() ?? this.lr;
    this.stepCount = state.step?.item() ?? 0;
    for (const list of this.buffers.values()) list.fill(null);
    this.paramSteps.fill(0);
    const counted = entries.some(([key]) => key.startsWith('step.'));
    for (const [key, t] of entries) {
      const parsed = splitKey(key);
      if (parsed === null) continue;
      const [name, index] = parsed;
      if (name === 'step') {
        this.paramSteps[index] = t.item();
      } else {
        this.buffer(name, index).set(t.to(this.params[index]!.dtype).values());
        if (!counted) this.paramSteps[index] = this.stepCount;
      }
    }
  }
}

/**
 * Throws unless `value` is >= 0 (NaN fails too), as PyTorch checks its
 * optimizers' hyperparameters.
 */
export function checkNonNegative(
  op: string,
  name: string,
  value: number,
  fix: string,
): void {
  if (value >= 0) return;
  throw new RangeError(`${op}: ${name} must be >= 0, got ${value}. ${fix}.`);
}

/** Throws unless parameter `i` is a contiguous float tensor. */
function checkParameter(op: string, p: unknown, i: number): void {
  if (!(p instanceof Tensor) || p.dtype === 'int32') {
    const got =
      p instanceof Tensor
        ? `${p.dtype} ${formatShape(p.shape)}`
        : p === null
          ? 'null'
          : typeof p;
    throw new DTypeError(
      `${op}: parameter ${i} must be a float tensor, got ${got}. Pass ` +
        `leaf parameters such as model.parameters(); make a float copy of ` +
        `anything else with .to('float32').`,
    );
  }
  if (!p.isContiguous()) {
    throw new NotSupportedError(
      `${op}: parameter ${i} must be contiguous, got a non-contiguous ` +
        `${p.dtype} ${formatShape(p.shape)} view; its update would be ` +
        `written into a copy and lost. Pass the tensor it views, or ` +
        `optimise a contiguous copy, p.detach().clone().`,
    );
  }
}

/** A rank-0 float64 tensor holding `value`. */
function scalar(value: number): Tensor {
  return Tensor.fromData(new Float64Array([value]), []);
}

/** `<name>.<index>` split in two, or null unless index is a whole number. */
function splitKey(key: string): [string, number] | null {
  const match = /^(.+)\.(0|[1-9][0-9]*)$/.exec(key);
  return match === null ? null : [match[1]!, Number(match[2])];
}
