import { CheckpointError, formatShape } from '../errors.js';
import { sameShape } from '../tensor/shape.js';

// The one comparison of a state dict against what it must fill: used by
// `checkStateDict` (public, before loading a checkpoint) and by
// `Module.loadStateDict`, so both report a mismatch in the same words.

/**
 * A tensor's description: what `checkStateDict` compares. Tensors qualify,
 * so a state dict of tensors is a record of specs as it is.
 */
export interface TensorSpec {
  /** The dims, outermost first: `[out, in]` for a Linear weight. */
  shape: readonly number[];
  /** The element type's name, as tapegrad spells it: `'float32'`... */
  dtype: string;
}

/**
 * Checks a loaded state dict against the one expected (a model's own, say)
 * before anything is copied: the same names, and for each the same shape
 * and dtype. Tensors qualify as specs, so pass `model.stateDict()` as is.
 *
 * This is stricter than `Module.loadStateDict`, which casts each tensor to
 * its parameter's dtype and so accepts, say, a float64 checkpoint for a
 * float32 model: use this to insist on the exact dtypes.
 * @param expected The names, shapes and dtypes wanted.
 * @param loaded The names, shapes and dtypes found.
 * @param source Where `loaded` came from (a path), for the message.
 * @throws CheckpointError listing every missing, unexpected, wrong-shaped
 * and wrong-dtype tensor by name (expected vs got), at most 10 of them.
 * @example
 * const state = load('runs/mnist/epoch-3.safetensors');
 * checkStateDict(model.stateDict(), state, 'epoch-3.safetensors');
 */
export function checkStateDict(
  expected: Record<string, TensorSpec>,
  loaded: Record<string, TensorSpec>,
  source: string,
): void {
  checkFits('checkStateDict', `'${source}'`, expected, loaded, true);
}

/**
 * Throws a CheckpointError starting `${op}: ${what} does not fit:` and
 * listing every problem unless `loaded` has exactly the names of
 * `expected`, with the same shapes and, when `matchDtype`, dtypes.
 */
export function checkFits(
  op: string,
  what: string,
  expected: Record<string, TensorSpec>,
  loaded: Record<string, TensorSpec>,
  matchDtype: boolean,
): void {
  const problems = stateDictProblems(expected, loaded, matchDtype);
  if (problems.length === 0) return;

  const shown = problems.slice(0, MAX_LISTED);
  if (problems.length > MAX_LISTED) {
    shown.push(`and ${problems.length - MAX_LISTED} more`);
  }
  throw new CheckpointError(
    `${op}: ${what} does not fit: ${shown.join('; ')}. Load a checkpoint ` +
      `saved from this same architecture, or build the model the ` +
      `checkpoint was saved from.`,
  );
}

/** How many problems a message lists before it summarises. */
const MAX_LISTED = 10;

/** Every difference between `expected` and `loaded`, one phrase each. */
function stateDictProblems(
  expected: Record<string, TensorSpec>,
  loaded: Record<string, TensorSpec>,
  matchDtype: boolean,
): string[] {
  const problems: string[] = [];
  for (const [name, want] of Object.entries(expected)) {
    const got = Object.hasOwn(loaded, name) ? loaded[name] : undefined;
    if (got === undefined) {
      problems.push(
        `missing tensor '${name}' (expected shape ` +
          `${formatShape(want.shape)}, ${want.dtype})`,
      );
      continue;
    }
    if (!sameShape(want.shape, got.shape)) {
      problems.push(
        `tensor '${name}' has shape ${formatShape(got.shape)}, expected ` +
          `${formatShape(want.shape)}`,
      );
    }
    if (matchDtype && got.dtype !== want.dtype) {
      problems.push(
        `tensor '${name}' has dtype ${got.dtype}, expected ${want.dtype}`,
      );
    }
  }
  for (const [name, got] of Object.entries(loaded)) {
    if (Object.hasOwn(expected, name)) continue;
    problems.push(
      `unexpected tensor '${name}' (shape ${formatShape(got.shape)}, ` +
        `${got.dtype})`,
    );
  }
  return problems;
}
