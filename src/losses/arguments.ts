import { DTypeError, describeValue } from '../errors.js';
import { Tensor } from '../tensor/tensor.js';

/**
 * Reads a loss's options argument: undefined or null means the defaults,
 * an object is taken as it is.
 * @throws TypeError for anything else, such as a reduction name passed
 * where the options belong.
 */
export function readOptions<T extends object>(
  op: string,
  options: T | null | undefined,
): Partial<T> {
  if (options === undefined || options === null) return {};
  if (typeof options === 'object' && !Array.isArray(options)) return options;
  throw new TypeError(
    `${op}: options must be an object such as { reduction: 'mean' }, got ` +
      `${show(options)}. Pass the options by name, or leave them out.`,
  );
}

/**
 * Throws unless `value`, the argument `name` of `op`, is a Tensor;
 * `expected` says what it should be.
 */
export function requireTensor(
  op: string,
  name: string,
  value: unknown,
  expected: string,
): Tensor {
  if (value instanceof Tensor) return value;
  throw new DTypeError(
    `${op}: ${name} must be ${expected}, got ${describeValue(value)}. Wrap numbers ` +
      `and arrays with tensor(...) first.`,
  );
}

/**
 * An option's value as a message shows it: numbers as they are, strings
 * quoted (so '1' is not mistaken for 1), anything else named.
 */
export function show(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  return describeValue(value);
}
