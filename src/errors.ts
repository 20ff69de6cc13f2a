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

/**
 * A checkpoint cannot be written, read or used: a damaged or foreign
 * safetensors file, a failed save, or a state dict that does not fit the
 * model or optimizer it is loaded into. The message names the file (when
 * there is one) and the tensor at fault.
 */
export class CheckpointError extends Error {
  override name = 'CheckpointError';
}

/** Renders a shape the way every message prints it: `[4, 10]`, `[]`. */
export function formatShape(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}

/**
 * Names what a value is, for messages that say what was got instead of
 * what was expected: 'an array', 'a Float32Array', 'the number 2', 'an
 * object', 'null', 'undefined'.
 */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value !== 'object') {
    return `${/^[aeiou]/.test(typeof value) ? 'an' : 'a'} ${typeof value}`;
  }
  const name: unknown = value.constructor?.name;
  if (typeof name !== 'string' || name === 'Object' || name === '') {
    return 'an object';
  }
  return `${/^[AEIOU]/.test(name) ? 'an' : 'a'} ${name}`;
}
