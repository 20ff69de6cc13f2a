import { suite } from 'uvu';
import { leakyRelu, tensor } from '../../../src/index.js';
import { FLOAT32, FLOAT64, assertClose } from '../../helpers/assert-close.js';
import { awayFromZero } from '../../helpers/inputs.js';
import { unaryOpSuite } from '../../helpers/unary-op-suite.js';

const test = suite('leakyRelu');

unaryOpSuite(test, {
  name: 'leakyRelu',
  fn: leakyRelu,
  gradcheckInput: (shape) => awayFromZero(shape, 171),
  domain: 'away from 0',
  gradcheckArgs: [{ args: [] }, { label: 'slope 0.2', args: [0.2] }],
  methodInput: () => awayFromZero([2, 3], 172),
  methodArgs: [[], [0.3]],
  params: 'slope',
  rank0: { x: -3, want: -0.03, tolerance: FLOAT64 }, // 0.01 · -3
  plainNumber: { x: -2, want: -0.02, tolerance: FLOAT32 }, // 0.01 · -2
  int32: { rejects: [1, -2] },
});

test('scales negatives by 0.01 by default and keeps positives', () => {
  const values = [-2, -0.5, 0, 1.5];

  // By hand: 0.01 · -2, 0.01 · -0.5, then 0 and 1.5 unchanged.
  const want = { shape: [4], values: [-0.02, -0.005, 0, 1.5] };
  assertClose(leakyRelu(tensor(values, { dtype: 'float64' })), want, FLOAT64);
  assertClose(leakyRelu(tensor(values)), want, FLOAT32);
});

test('scales negatives by a given slope 0.2', () => {
  const out = leakyRelu(tensor([-2, -0.5, 3], { dtype: 'float64' }), 0.2);

  // By hand: 0.2 · -2, 0.2 · -0.5, then 3.
  assertClose(out, { shape: [3], values: [-0.4, -0.1, 3] }, FLOAT64);
});

test('gives 1 above 0 and the slope at and below 0 as gradient', () => {
  const x = tensor([2, 0, -1], { dtype: 'float64', requiresGrad: true });

  x.leakyRelu(0.2).sum().backward();

  // PyTorch's convention: the slope at exactly 0.
  assertClose(x.grad!, { shape: [3], values: [1, 0.2, 0.2] }, FLOAT64);
});

test.run();
