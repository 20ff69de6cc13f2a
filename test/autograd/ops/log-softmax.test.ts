import { suite } from 'uvu';
import { logSoftmax, tensor } from '../../../src/index.js';
import { assertClose } from '../../helpers/assert-close.js';
import { softmaxSuite } from '../../helpers/softmax-suite.js';

/** Log-softmax of one row of moderate numbers: v - log Σ exp. */
function plainLogSoftmax(row: readonly number[]): number[] {
  const lse = Math.log(row.reduce((a, v) => a + Math.exp(v), 0));
  return row.map((v) => v - lse);
}

softmaxSuite('logSoftmax', logSoftmax, plainLogSoftmax);

// Within two units in the last place: Math.log itself may be one off.
const TWO_ULPS = { rtol: 2 * Number.EPSILON, atol: 0 } as const;

const precision = suite('logSoftmax: float64 precision');

precision('subtracts the maximum before log Σ: [[1000.5, 1000, 999]]', () => {
  const x = tensor([[1000.5, 1000, 999]], { dtype: 'float64' });
  // Expected: (x - 1000.5) - log(1 + e^-0.5 + e^-1.5), by python3's
  // decimal at 60 digits, rounded to float64. x - (max + log Σ) loses the
  // low bits of log Σ next to 1000.5 and gives -0.6041306053367634.
  const want = [-0.6041306053367282, -1.1041306053367284, -2.1041306053367284];
  assertClose(logSoftmax(x, 1), { shape: [1, 3], values: want }, TWO_ULPS);
});

precision('gives -log 3 for [-1e308, -1e308, -1e308]', () => {
  const x = tensor([-1e308, -1e308, -1e308], { dtype: 'float64' });
  // Expected: equal entries give log(1/3); -ln 3 from python3's decimal
  // is -1.0986122886681096914, rounded to float64. max + log 3 rounds
  // back to -1e308 and gave 0 each.
  const want = [-1.0986122886681098, -1.0986122886681098, -1.0986122886681098];
  assertClose(logSoftmax(x, 0), { shape: [3], values: want }, TWO_ULPS);
});

precision.run();
