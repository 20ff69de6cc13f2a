import * as assert from 'uvu/assert';
import { Tensor, formatShape } from '../../src/index.js';

/** Named tolerances: float64 results against PyTorch's float64 values. */
export const FLOAT64 = { rtol: 1e-10, atol: 1e-12 } as const;
/** float32 results against float64 references: float32 keeps ~7 digits. */
export const FLOAT32 = { rtol: 1e-5, atol: 1e-5 } as const;

export interface Tolerance {
  rtol: number;
  atol: number;
}

/**
 * Asserts `actual` has `expected`'s shape and every element within
 * `atol + rtol · |expected|`; NaN matches NaN and infinities must match
 * exactly. The failure names the first bad index with both values.
 */
export function assertClose(
  actual: Tensor,
  expected: Tensor | { shape: number[]; values: ArrayLike<number> },
  tolerance: Tolerance,
  label = '',
): void {
  const expectedShape = expected.shape;
  const want = expected instanceof Tensor ? expected.values() : expected.values;
  const prefix = label === '' ? '' : `${label}: `;
  assert.equal(
    formatShape(actual.shape),
    formatShape(expectedShape),
    `${prefix}shape ${formatShape(actual.shape)}, expected ${formatShape(expectedShape)}`,
  );
  const got = actual.values();
  for (let i = 0; i < want.length; i++) {
    const a = got[i]!;
    const e = want[i]!;
    const ok =
      (Number.isNaN(e) && Number.isNaN(a)) ||
      (!Number.isFinite(e) && a === e) ||
      (Number.isFinite(e) &&
        Math.abs(a - e) <= tolerance.atol + tolerance.rtol * Math.abs(e));
    if (!ok) {
      assert.unreachable(
        `${prefix}element ${i} (flat) is ${a}, expected ${e} ` +
          `(rtol ${tolerance.rtol}, atol ${tolerance.atol})`,
      );
    }
  }
}

/** Asserts `fn` throws `type` with a message matching every pattern. */
export function assertThrows(
  fn: () => unknown,
  type: new (...args: never[]) => Error,
  ...patterns: (string | RegExp)[]
): void {
  let caught: unknown = null;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  if (caught === null)
    assert.unreachable(`expected ${type.name} to be thrown, but nothing was`);
  assert.instance(caught, type, `expected ${type.name}, got ${String(caught)}`);
  const message = (caught as Error).message;
  for (const p of patterns) {
    const hit = typeof p === 'string' ? message.includes(p) : p.test(message);
    assert.ok(
      hit,
      `message ${JSON.stringify(message)} does not match ${String(p)}`,
    );
  }
}
