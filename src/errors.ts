/** A tensor's shape, or the shapes an op was given, do not fit. */
export class ShapeError extends Error {
  override name = 'ShapeError';
}

/** A tensor has a dtype the op cannot work with (float math on int32). */
export class DTypeError extends Error {
  override name = 'DTypeError';
}

/** A legal request that tapegrad does not support yet. */
export class NotSupportedError extends Error {
  override name = 'NotSupportedError';
}

/**
 * The graph cannot be differentiated as asked: backward on a tensor that
 * does not require grad, a non-scalar without a gradient, a freed graph.
 */
export class AutogradError extends Error {
  override name = 'AutogradError';
}

/** Renders a shape the way every message prints it: `[4, 10]`, `[]`. */
export function formatShape(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}

/**
 * Throws `make()` when `condition` is false. The message is built only on
 * failure, so checks on hot paths never format strings.
 */
export function check(
  condition: boolean,
  make: () => Error,
): asserts condition {
  if (!condition) throw make();
}
