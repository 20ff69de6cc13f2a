import { formatShape } from '../errors.js';
import { zerosLike } from '../tensor/create.js';
import type { Tensor } from '../tensor/tensor.js';
import { unravel } from './indices.js';
import { grad } from './grad.js';
import { noGrad } from './tape.js';

export interface GradcheckOptions {
  /** Step of the central difference. Default 1e-6. */
  eps?: number;
  /** Absolute tolerance. Default 1e-5. */
  atol?: number;
  /** Relative tolerance. Default 1e-3. */
  rtol?: number;
}

/** What `gradcheck` found: `ok`, and else the first element that failed. */
export interface GradcheckReport {
  ok: boolean;
  /** How many Jacobian entries were compared. */
  checked: number;
  /** A readable account of the first mismatch; empty when ok. */
  message: string;
  failure?: {
    input: number;
    inputIndex: number[];
    outputIndex: number[];
    analytic: number;
    numeric: number;
  };
}

/**
 * Checks the gradients of `fn` at `inputs` against central differences
 * `(f(x + eps) - f(x - eps)) / 2 eps`, in float64, entry by entry of the
 * full Jacobian. Float inputs are copied to float64 leaves that require
 * grad; int32 inputs (indices) pass through unchanged. An entry passes when
 * `|analytic - numeric| <= atol + rtol · |numeric|`.
 * @example
 * const report = gradcheck((x) => x.tanh(), [randn([3, 4])]);
 * if (!report.ok) throw new Error(report.message);
 */
export function gradcheck(
  fn: (...inputs: Tensor[]) => Tensor,
  inputs: Tensor[],
  options: GradcheckOptions = {},
): GradcheckReport {
  const eps = options.eps ?? 1e-6;
  const atol = options.atol ?? 1e-5;
  const rtol = options.rtol ?? 1e-3;
  // detach first: the copies must be fresh leaves, not clones on the tape.
  const xs = inputs.map((t) =>
    t.dtype === 'int32'
      ? t
      : t.detach().to('float64').clone().requiresGrad_(true),
  );
  const differentiable = xs
    .map((t, i) => i)
    .filter((i) => xs[i]!.dtype !== 'int32');
  const evaluate = (): Tensor => fn(...xs).to('float64');

  const y = evaluate();
  // analytic[i][j][o]: d output o / d element j of input i
  const analytic = differentiable.map((i) =>
    Array.from({ length: xs[i]!.size }, () => new Float64Array(y.size)),
  );
  for (let o = 0; o < y.size; o++) {
    const seed = zerosLike(y);
    seed.nd.data[o] = 1;
    const grads = grad(
      y,
      differentiable.map((i) => xs[i]!),
      {
        gradOutputs: [seed],
        retainGraph: true,
        allowUnused: true,
      },
    );
    grads.forEach((g, n) => {
      const values = g?.values();
      analytic[n]!.forEach((row, j) => (row[o] = values?.[j] ?? 0));
    });
  }

  let checked = 0;
  for (let n = 0; n < differentiable.length; n++) {
    const i = differentiable[n]!;
    const data = xs[i]!.nd.data;
    for (let j = 0; j < xs[i]!.size; j++) {
      const original = data[j]!;
      // Copies: fn may return a view of its input, whose storage the next
      // perturbation would overwrite.
      data[j] = original + eps;
      const plus = Float64Array.from(noGrad(evaluate).values());
      data[j] = original - eps;
      const minus = Float64Array.from(noGrad(evaluate).values());
      data[j] = original;
      for (let o = 0; o < y.size; o++) {
        const numeric = (plus[o]! - minus[o]!) / (2 * eps);
        const exact = analytic[n]![j]![o]!;
        checked++;
        const close =
          Math.abs(exact - numeric) <= atol + rtol * Math.abs(numeric) ||
          (Number.isNaN(exact) && Number.isNaN(numeric));
        if (close) continue;
        const inputIndex = unravel(j, xs[i]!.shape);
        const outputIndex = unravel(o, y.shape);
        return {
          ok: false,
          checked,
          message:
            `gradcheck: input ${i} (shape ${formatShape(xs[i]!.shape)}) ` +
            `element ${formatShape(inputIndex)}, output ` +
            `${formatShape(outputIndex)}: analytic ${exact} but numeric ` +
            `${numeric} (atol ${atol}, rtol ${rtol}).`,
          failure: {
            input: i,
            inputIndex,
            outputIndex,
            analytic: exact,
            numeric,
          },
        };
      }
    }
  }
  return { ok: true, checked, message: '' };
}
