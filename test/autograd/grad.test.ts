import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { AutogradError, grad, tensor, type Tensor } from '../../src/index.js';
import { FLOAT64, assertClose, assertThrows } from '../helpers/assert-close.js';

// Every expected gradient is worked out by hand from the derivative named in
// the comment beside it.

const functional = suite('grad');

functional('returns d(sum x²)/dx = 2x without touching .grad', () => {
  const x = tensor([1, -2, 3], { dtype: 'float64', requiresGrad: true });
  const [dx] = grad(x.square().sum(), x);
  assertClose(dx!, { shape: [3], values: [2, -4, 6] }, FLOAT64);
  assert.is(x.grad, null);
});

functional('leaves an existing .grad as it was', () => {
  const x = tensor([1, 2], { dtype: 'float64', requiresGrad: true });
  x.sum().backward();
  grad(x.mul(5).sum(), x);
  assert.equal(x.grad!.toArray(), [1, 1]);
});

functional('differentiates with respect to an intermediate tensor', () => {
  const x = tensor([1, 2], { dtype: 'float64', requiresGrad: true });
  const h = x.mul(3);
  const y = h.square().sum();
  const [dh, dx] = grad(y, [h, x]);
  // dy/dh = 2h = 6x; dy/dx = 2h · 3 = 18x
  assertClose(dh!, { shape: [2], values: [6, 12] }, FLOAT64);
  assertClose(dx!, { shape: [2], values: [18, 36] }, FLOAT64);
  assert.is(h.grad, null);
  assert.is(x.grad, null);
});

functional('sums an intermediate used by two consumers', () => {
  const x = tensor([2], { dtype: 'float64', requiresGrad: true });
  const h = x.exp();
  const y = h.mul(h).add(h).sum();
  const [dh] = grad(y, h);
  // d(h² + h)/dh = 2h + 1 = 2e² + 1
  assertClose(dh!, { shape: [1], values: [2 * Math.exp(2) + 1] }, FLOAT64);
});

functional('seeds several outputs with gradOutputs', () => {
  const x = tensor([1, 2, 3], { dtype: 'float64', requiresGrad: true });
  const y1 = x.mul(2);
  const y2 = x.square();
  const g1 = tensor([1, 0, 1], { dtype: 'float64' });
  const g2 = tensor([1, 1, -1], { dtype: 'float64' });
  const [dx] = grad([y1, y2], x, { gradOutputs: [g1, g2] });
  // 2 g1 + 2x g2 = [2 + 2, 0 + 4, 2 - 6]
  assertClose(dx!, { shape: [3], values: [4, 4, -4] }, FLOAT64);
});

functional('gives one gradient per input, in order', () => {
  const a = tensor([2], { dtype: 'float64', requiresGrad: true });
  const b = tensor([5], { dtype: 'float64', requiresGrad: true });
  const [db, da] = grad(a.mul(b).sum(), [b, a]);
  // d(ab)/db = a, d(ab)/da = b
  assert.equal(db!.toArray(), [2]);
  assert.equal(da!.toArray(), [5]);
});

functional('gives null for an unused input with allowUnused', () => {
  const x = tensor([1, 2], { dtype: 'float64', requiresGrad: true });
  const unused = tensor([3], { dtype: 'float64', requiresGrad: true });
  const [dx, du] = grad(x.sum(), [x, unused], { allowUnused: true });
  assert.equal(dx!.toArray(), [1, 1]);
  assert.is(du, null);
});

functional(
  'rejects an unused input without allowUnused, naming its index',
  () => {
    const x = tensor([1, 2], { requiresGrad: true });
    const unused = tensor([3], { requiresGrad: true });
    assertThrows(
      () => grad(x.sum(), [x, unused]),
      AutogradError,
      'grad: input 1 is not used to compute the outputs',
      '{ allowUnused: true }',
    );
  },
);

functional(
  'rejects an input that does not require grad, naming its index',
  () => {
    const x = tensor([1, 2], { requiresGrad: true });
    const c = tensor([3, 4]);
    assertThrows(
      () => grad(x.mul(c).sum(), [x, c]),
      AutogradError,
      'grad: input 1 does not require grad',
      '{ requiresGrad: true }',
    );
  },
);

functional('rejects a non-scalar output without gradOutputs', () => {
  const x = tensor([1, 2], { requiresGrad: true });
  assertThrows(
    () => grad(x.mul(2), x),
    AutogradError,
    'grad: a gradient can be implied only for a scalar output, got shape [2]',
  );
});

functional('frees the graph unless retainGraph is set', () => {
  const x = tensor([1, 2], { dtype: 'float64', requiresGrad: true });
  const y = x.square().sum();
  const [first] = grad(y, x, { retainGraph: true });
  const [second] = grad(y, x);
  // Both are 2x: grad does not accumulate.
  assert.equal(first!.toArray(), [2, 4]);
  assert.equal(second!.toArray(), [2, 4]);
  assertThrows(() => grad(y, x), AutogradError, '{ retainGraph: true }');
});

functional('says which input is not a Tensor', () => {
  const x = tensor([1, 2], { requiresGrad: true });
  assertThrows(
    () => grad(x.sum(), [5 as unknown as Tensor]),
    AutogradError,
    'grad: input 0 is not a Tensor, got the number 5',
  );
  assertThrows(
    () => grad(x.sum(), [x, 'x' as unknown as Tensor]),
    AutogradError,
    'grad: input 1 is not a Tensor, got a string',
  );
});

functional('says which output is not a Tensor', () => {
  const x = tensor([1, 2], { requiresGrad: true });
  assertThrows(
    () => grad(5 as unknown as Tensor, x),
    AutogradError,
    'grad: output 0 is not a Tensor, got the number 5',
  );
});

functional('refuses a gradOutputs entry that is not a Tensor', () => {
  const x = tensor([1, 2], { requiresGrad: true });
  assertThrows(
    () => grad(x.mul(2), x, { gradOutputs: [[1, 1]] as unknown as Tensor[] }),
    AutogradError,
    'grad: gradOutputs[0] must be a Tensor, got an array. Wrap the values ' +
      'with tensor(...)',
  );
  assertThrows(
    () => grad(x.mul(2), x, { gradOutputs: x as unknown as Tensor[] }),
    AutogradError,
    'grad: gradOutputs must be an array with one gradient per output, got ' +
      'a Tensor',
  );
});

functional('names grad, not backward, on a freed graph', () => {
  const x = tensor([1, 2], { requiresGrad: true });
  const y = x.mul(2).sum();
  grad(y, x);
  assertThrows(
    () => grad(y, x),
    AutogradError,
    'grad: trying to go through the graph a second time (at sum)',
    'Pass { retainGraph: true } to the first grad call',
  );
});

functional.run();
