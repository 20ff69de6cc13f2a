import { NotSupportedError } from '../errors.js';
import type { Tensor } from '../tensor/tensor.js';

/**
 * Computes the gradients of a node's inputs from the gradient `dy` of its
 * output: one entry per input, null where the input needs none.
 */
export type BackwardFn = (dy: Tensor) => ReadonlyArray<Tensor | null>;

let nextSeq = 0;
let liveNodes = 0;
let gradEnabled = true;

// A graph that is never back-propagated is simply garbage-collected; this
// keeps `liveNodes` honest for those nodes too.
const unreleased = new FinalizationRegistry<{ live: boolean }>((state) => {
  if (state.live) liveNodes--;
});

/**
 * One recorded op: its inputs and the function that maps the output's
 * gradient to theirs. `seq` is the node's position on the tape; every
 * input was made before its consumer, so walking nodes by falling `seq` is
 * a valid reverse order for back-propagation.
 */
export class TapeNode {
  readonly op: string;
  readonly seq: number;
  inputs: Tensor[];
  backwardFn: BackwardFn | null;
  private readonly state = { live: true };

  constructor(op: string, inputs: Tensor[], backwardFn: BackwardFn) {
    this.op = op;
    this.seq = nextSeq++;
    this.inputs = inputs;
    this.backwardFn = backwardFn;
    liveNodes++;
    unreleased.register(this, this.state);
  }

  /** True once backward has run and let go of what the node saved. */
  get released(): boolean {
    return this.backwardFn === null;
  }

  /**
   * Drops the inputs and the backward closure, and with them every tensor
   * the op saved, so a finished graph holds no memory.
   */
  release(): void {
    if (this.backwardFn === null) return;
    this.backwardFn = null;
    this.inputs = [];
    this.state.live = false;
    liveNodes--;
  }
}

/**
 * Records `out` as the result of `op` on `inputs`, unless grad mode is off
 * or no input requires grad, in which case `out` stays a plain tensor.
 * Returns `out`.
 */
export function record(
  op: string,
  out: Tensor,
  inputs: Tensor[],
  backwardFn: BackwardFn,
): Tensor {
  if (!gradEnabled || !inputs.some((t) => t.requiresGrad)) return out;
  out.attachNode(new TapeNode(op, inputs, backwardFn));
  return out;
}

/** Whether ops are being recorded (false inside `noGrad`). */
export function isGradEnabled(): boolean {
  return gradEnabled;
}

/**
 * Runs `fn` with recording switched off and returns its result: for
 * evaluation, optimizer updates and anything that must not be
 * differentiated. Nesting is fine; the previous mode comes back even if
 * `fn` throws. Synchronous code only: the mode is one global switch, so
 * it cannot follow an async function past its first `await`.
 * @throws NotSupportedError when `fn` returns a promise (or any
 * thenable); the mode has been restored by then, and the code after the
 * first `await` ran, or will run, with recording on.
 * @example
 * const scores = noGrad(() => model.forward(x));
 */
export function noGrad<T>(fn: () => T): T {
  const previous = gradEnabled;
  gradEnabled = false;
  let result: T;
  try {
    result = fn();
  } finally {
    gradEnabled = previous;
  }
  if (isThenable(result)) {
    // The caller gets this error instead of the promise; a later rejection
    // of the abandoned promise must not also crash the process.
    result.then(undefined, () => undefined);
    throw new NotSupportedError(
      `noGrad: fn returned a promise, but noGrad covers synchronous code ` +
        `only: recording comes back on at the first await. Call noGrad ` +
        `around each synchronous step instead, e.g. ` +
        `const y = noGrad(() => model.forward(x)); then await.`,
    );
  }
  return result;
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

/**
 * Counts for tests and debugging: `liveNodes` is the number of recorded
 * nodes still holding their backward closure (and so whatever they saved):
 * not yet consumed by backward, nor garbage-collected. `recorded` counts
 * every node ever made.
 */
export function tapeStats(): { liveNodes: number; recorded: number } {
  return { liveNodes, recorded: nextSeq };
}
