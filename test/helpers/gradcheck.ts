import * as assert from 'uvu/assert';
import {
  gradcheck,
  type GradcheckOptions,
  type Tensor,
} from '../../src/index.js';

/**
 * Runs `gradcheck(fn, inputs, options)` and fails with its account of the
 * first bad entry, or when it compared nothing (an empty input or output
 * would pass vacuously). `label`, when given, starts each failure message.
 */
export function assertGradcheck(
  fn: (...inputs: Tensor[]) => Tensor,
  inputs: Tensor[],
  label?: string,
  options?: GradcheckOptions,
): void {
  const report = gradcheck(fn, inputs, options);
  const prefix = label === undefined ? '' : `${label}: `;

  assert.ok(report.ok, `${prefix}${report.message}`);
  assert.ok(report.checked > 0, `${prefix}nothing was compared`);
}
