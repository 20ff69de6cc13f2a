import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import {
  Generator,
  gradcheck,
  noGrad,
  randn,
  tensor,
  type Tensor,
} from '../../src/index.js';
import { record } from '../../src/autograd/tape.js';
import { assertClose } from '../helpers/assert-close.js';

/**
 * x² with a deliberately wrong backward: dy · x instead of 2 dy · x, so
 * every gradient is half the true one.
 */
function badSquare(x: Tensor): Tensor {
  const out = noGrad(() => x.mul(x));

  return record('badSquare', out, [x], (dy) => [dy.mul(x)]);
}

const check = suite('gradcheck');

check('passes on a correct composite of two [2, 3] inputs', () => {
  const g = new Generator(31);
  const a = randn([2, 3], { dtype: 'float64', generator: g });
  const b = randn([2, 3], { dtype: 'float64', generator: g });
  const report = gradcheck((x, y) => x.mul(y).tanh().exp().sum(1), [a, b]);
  assert.ok(report.ok, report.message);
  assert.is(report.message, '');
  // A [2] output against 6 + 6 input elements: 24 Jacobian entries.
  assert.is(report.checked, 24);
});

check('passes on matmul, relu and logSoftmax of float32 inputs', () => {
  const g = new Generator(32);
  const x = randn([3, 4], { generator: g });
  const w = randn([4, 5], { generator: g });
  const report = gradcheck((a, b) => a.matmul(b).relu().logSoftmax(1), [x, w]);
  assert.ok(report.ok, report.message);
});

check('leaves its inputs unchanged and without a gradient', () => {
  const x = tensor([0.5, -1.5]);
  gradcheck((a) => a.square().sum(), [x]);
  assert.equal(x.toArray(), [0.5, -1.5]);
  assert.is(x.grad, null);
  assert.not.ok(x.requiresGrad);
});

check('passes int32 inputs through without checking them', () => {
  const x = randn([4, 2], { dtype: 'float64', generator: new Generator(33) });
  const index = tensor([2, 0, 2], { dtype: 'int32' });
  const report = gradcheck(
    (a, i) => a.indexSelect(0, i).square().sum(),
    [x, index],
  );
  assert.ok(report.ok, report.message);
  // One output against the 8 elements of x only.
  assert.is(report.checked, 8);
});

check('fails on a wrong gradient, naming input 1 and element [0, 1]', () => {
  const a = tensor([
    [1, 2],
    [3, 4],
  ]);
  // b[0, 0] = 0 has gradient 0 either way, so the first mismatch is b[0, 1].
  const b = tensor([
    [0, -1],
    [2, 3],
  ]);
  const report = gradcheck((x, y) => x.add(badSquare(y)), [a, b]);
  assert.not.ok(report.ok);
  // The true derivative of y² at -1 is 2 · (-1) = -2; badSquare gives -1.
  assert.ok(
    report.message.startsWith(
      'gradcheck: input 1 (shape [2, 2]) element [0, 1], output [0, 1]: analytic -1',
    ),
    report.message,
  );
  assert.match(report.message, 'but numeric -2');
  assert.equal(report.failure!.input, 1);
  assert.equal(report.failure!.inputIndex, [0, 1]);
  assert.equal(report.failure!.outputIndex, [0, 1]);
  assert.is(report.failure!.analytic, -1);
  assertClose(
    tensor(report.failure!.numeric, { dtype: 'float64' }),
    { shape: [], values: [-2] },
    { rtol: 1e-8, atol: 1e-8 },
  );
  // Entries compared: 16 for input 0 (4 x 4), 4 for b[0, 0], 2 for b[0, 1].
  assert.is(report.checked, 22);
});

check('honours atol: a wide enough absolute tolerance passes badSquare', () => {
  const b = tensor([0.5, -1, 2]);
  // |dy x - 2 dy x| = |x| <= 2 here: atol 3 passes, atol 1.5 fails at x = 2.
  assert.ok(gradcheck(badSquare, [b], { atol: 3, rtol: 0 }).ok);
  const tight = gradcheck(badSquare, [b], { atol: 1.5, rtol: 0 });
  assert.not.ok(tight.ok);
  assert.equal(tight.failure!.inputIndex, [2]);
  assert.match(tight.message, '(atol 1.5, rtol 0)');
});

check('honours rtol: the error |x| is 0.5 of |numeric| = 2|x|', () => {
  const b = tensor([0.5, -1, 2]);
  assert.ok(gradcheck(badSquare, [b], { atol: 0, rtol: 0.6 }).ok);
  assert.not.ok(gradcheck(badSquare, [b], { atol: 0, rtol: 0.4 }).ok);
});

check('honours eps: x³ at 1 with eps 0.1 differs from 3x² by eps²', () => {
  const x = tensor([1], { dtype: 'float64' });
  const cube = (a: Tensor): Tensor => a.mul(a).mul(a);
  // ((1 + e)³ - (1 - e)³) / 2e = 3 + e², so eps 0.1 gives 3.01 against 3.
  const coarse = gradcheck(cube, [x], { eps: 0.1, atol: 1e-5, rtol: 0 });
  assert.not.ok(coarse.ok);
  assertClose(
    tensor(coarse.failure!.numeric, { dtype: 'float64' }),
    { shape: [], values: [3.01] },
    { rtol: 1e-9, atol: 1e-9 },
  );
  assert.ok(gradcheck(cube, [x], { eps: 1e-6, atol: 1e-5, rtol: 0 }).ok);
});

check.run();
