import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import {
  AutogradError,
  Generator,
  noGrad,
  ones,
  randn,
  tensor,
  zeros,
  type Tensor,
} from '../../src/index.js';
import { observeAllocations } from '../../src/tensor/dtype.js';
import {
  FLOAT32,
  FLOAT64,
  assertClose,
  assertThrows,
} from '../helpers/assert-close.js';

// Every expected gradient is worked out by hand from the derivative named in
// the comment beside it.

const backward = suite('backward');

backward('seeds a scalar output with 1: d(sum(3x))/dx is 3 everywhere', () => {
  const x = tensor([1, -2, 4], { dtype: 'float64', requiresGrad: true });
  x.mul(3).sum().backward();
  assertClose(x.grad!, { shape: [3], values: [3, 3, 3] }, FLOAT64);
});

backward('gives a rank-0 leaf the gradient 1 with respect to itself', () => {
  const x = tensor(2, { dtype: 'float64', requiresGrad: true });
  x.backward();
  assert.equal(x.grad!.toArray(), 1);
  assert.equal(x.grad!.shape, []);
});

backward('implies a gradient for a one-element output of shape [1, 1]', () => {
  const x = tensor([[5]], { dtype: 'float64', requiresGrad: true });
  x.square().backward();
  // d(x²)/dx = 2x = 10
  assert.equal(x.grad!.toArray(), [[10]]);
});

backward('uses the given gradient for a [2, 3] output', () => {
  const x = tensor(
    [
      [1, 2, 3],
      [4, 5, 6],
    ],
    { dtype: 'float64', requiresGrad: true },
  );
  const g = tensor(
    [
      [1, 0, -1],
      [0.5, 2, 3],
    ],
    { dtype: 'float64' },
  );
  x.mul(2).backward(g);
  // d(2x)/dx = 2, times the given gradient
  assertClose(x.grad!, { shape: [2, 3], values: [2, 0, -2, 1, 4, 6] }, FLOAT64);
});

backward('casts a float64 gradient to a float32 output', () => {
  const x = tensor([1, 2], { requiresGrad: true });
  x.mul(2).backward(tensor([1, 1], { dtype: 'float64' }));
  assert.is(x.grad!.dtype, 'float32');
  assert.equal(x.grad!.toArray(), [2, 2]);
});

backward(
  'refuses a [2, 3] output without a gradient, saying to pass one',
  () => {
    const x = tensor(
      [
        [1, 2, 3],
        [4, 5, 6],
      ],
      { requiresGrad: true },
    );
    assertThrows(
      () => x.mul(2).backward(),
      AutogradError,
      'backward: a gradient can be implied only for a scalar output, got shape [2, 3]',
      'Pass a gradient of that shape',
    );
  },
);

backward('refuses a gradient [3, 2] for an output [2, 3]', () => {
  const x = tensor(
    [
      [1, 2, 3],
      [4, 5, 6],
    ],
    { requiresGrad: true },
  );
  assertThrows(
    () => x.mul(2).backward(ones([3, 2])),
    AutogradError,
    "backward: the gradient must have the output's shape [2, 3], got [3, 2]",
    'Pass one value per output element',
  );
});

backward(
  'refuses a tensor that does not require grad, naming requiresGrad',
  () => {
    const x = tensor([1, 2]);
    assertThrows(
      () => x.sum().backward(),
      AutogradError,
      'backward: the tensor does not require grad',
      '{ requiresGrad: true }',
    );
  },
);

backward('refuses an output computed inside noGrad', () => {
  const x = tensor([1, 2], { requiresGrad: true });
  const y = noGrad(() => x.sum());
  assertThrows(
    () => y.backward(),
    AutogradError,
    'does not require grad',
    'noGrad',
  );
});

backward(
  'accumulates into .grad over two backward calls until reset to null',
  () => {
    const x = tensor([1, 2], { dtype: 'float64', requiresGrad: true });
    x.mul(3).sum().backward();
    x.mul(3).sum().backward();
    // 3 + 3 from the two calls
    assert.equal(x.grad!.toArray(), [6, 6]);
    x.grad = null;
    x.mul(5).sum().backward();
    assert.equal(x.grad!.toArray(), [5, 5]);
  },
);

backward('does not write into a gradient the caller holds', () => {
  const x = tensor([1, 2], { dtype: 'float64', requiresGrad: true });
  x.sum().backward();
  const first = x.grad!;
  x.sum().backward();
  assert.equal(first.toArray(), [1, 1]);
  assert.equal(x.grad!.toArray(), [2, 2]);
});

backward(
  'accumulates both uses of a tensor used twice: x*x + x gives 2x + 1',
  () => {
    const x = tensor([1, 2, -3], { dtype: 'float64', requiresGrad: true });
    x.mul(x).add(x).sum().backward();
    // 2x + 1 at 1, 2, -3
    assertClose(x.grad!, { shape: [3], values: [3, 5, -5] }, FLOAT64);
  },
);

backward('sums a gradient reaching a leaf along two branches', () => {
  const x = tensor([2], { dtype: 'float64', requiresGrad: true });
  const a = x.mul(3);
  const b = x.exp();
  a.mul(b).sum().backward();
  // d(3x e^x)/dx = 3 e^x + 3x e^x = 3 e^x (1 + x) = 9 e^2 at x = 2
  assertClose(x.grad!, { shape: [1], values: [9 * Math.exp(2)] }, FLOAT64);
});

backward(
  'refuses a second backward through a freed graph, naming retainGraph',
  () => {
    const x = tensor([1, 2], { requiresGrad: true });
    const y = x.square().sum();
    y.backward();
    assertThrows(
      () => y.backward(),
      AutogradError,
      'backward: trying to go through the graph a second time',
      '{ retainGraph: true }',
    );
  },
);

backward('runs twice with retainGraph: true, doubling the gradient', () => {
  const x = tensor([1, -2], { dtype: 'float64', requiresGrad: true });
  const y = x.square().sum();
  y.backward(undefined, { retainGraph: true });
  // d(x²)/dx = 2x
  assert.equal(x.grad!.toArray(), [2, -4]);
  y.backward();
  assert.equal(x.grad!.toArray(), [4, -8]);
  assertThrows(() => y.backward(), AutogradError, 'second time');
});

backward(
  'refuses a second loss through a subgraph the first backward freed',
  () => {
    const x = tensor([1, 2], { requiresGrad: true });
    const h = x.exp();
    h.sum().backward();
    assertThrows(() => h.mul(2).sum().backward(), AutogradError, 'at exp');
  },
);

backward('leaves .grad of non-leaf tensors null', () => {
  const x = tensor([1, 2], { requiresGrad: true });
  const h = x.mul(2);
  const y = h.sum();
  y.backward();
  assert.is(h.grad, null);
  assert.is(y.grad, null);
  assert.ok(x.grad !== null);
});

backward('skips leaves that do not require grad', () => {
  const x = tensor([1, 2], { requiresGrad: true });
  const c = tensor([3, 4]);
  x.mul(c).sum().backward();
  assert.is(c.grad, null);
  // d(x·c)/dx = c
  assert.equal(x.grad!.toArray(), [3, 4]);
});

backward('gives a float32 leaf a float32 grad when mixed with float64', () => {
  const a = tensor([1, 2], { requiresGrad: true });
  const b = tensor([0.5, -3], { dtype: 'float64', requiresGrad: true });
  const y = a.mul(b).sum();
  assert.is(y.dtype, 'float64');
  y.backward();
  assert.is(a.grad!.dtype, 'float32');
  assert.is(b.grad!.dtype, 'float64');
  // d(a·b)/da = b, d(a·b)/db = a
  assertClose(a.grad!, { shape: [2], values: [0.5, -3] }, FLOAT32);
  assertClose(b.grad!, { shape: [2], values: [1, 2] }, FLOAT64);
});

backward('says options go second when they are passed first', () => {
  const x = tensor([1, 2], { requiresGrad: true });
  const y = x.mul(2).sum();
  assertThrows(
    () => y.backward({ retainGraph: true } as unknown as Tensor),
    AutogradError,
    'backward: gradient must be a Tensor, got an object. Options go ' +
      'second: y.backward(undefined, { retainGraph: true })',
  );
  // The graph is untouched: backward still runs.
  y.backward();
  assert.equal(x.grad!.toArray(), [2, 2]);
});

backward('refuses a number or an array as the gradient', () => {
  const x = tensor([1, 2], { requiresGrad: true });
  const y = x.mul(2);
  assertThrows(
    () => y.sum().backward(2 as unknown as Tensor),
    AutogradError,
    'backward: gradient must be a Tensor, got the number 2',
    'Wrap the values with tensor(...)',
  );
  assertThrows(
    () => y.backward([1, 1] as unknown as Tensor),
    AutogradError,
    'backward: gradient must be a Tensor, got an array',
  );
});

backward('gives each leaf its own storage when add hands dy to both', () => {
  // add's backward returns dy itself for both inputs: one tensor reaches
  // two leaves, and one .grad must not alias the other.
  const a = tensor([1, 2], { dtype: 'float64', requiresGrad: true });
  const b = tensor([3, 4], { dtype: 'float64', requiresGrad: true });
  a.add(b).backward(tensor([1, 1], { dtype: 'float64' }));
  assert.is.not(a.grad!.nd.data, b.grad!.nd.data);
  a.grad!.nd.data[0] = 100;
  assert.equal(b.grad!.toArray(), [1, 1]);
});

backward('gives separate storage to a leaf fed by a reshape of dy', () => {
  const a = tensor([1, 2, 3, 4], { dtype: 'float64', requiresGrad: true });
  const b = zeros([2, 2], { dtype: 'float64', requiresGrad: true });
  a.reshape(2, 2).add(b).sum().backward();
  assert.is.not(a.grad!.nd.data, b.grad!.nd.data);
  assert.equal(a.grad!.toArray(), [1, 1, 1, 1]);
  assert.equal(b.grad!.toArray(), [
    [1, 1],
    [1, 1],
  ]);
});

backward('copies neither the seed nor an input into .grad', () => {
  const x = tensor([1, 2], { dtype: 'float64', requiresGrad: true });
  const g = tensor([5, 6], { dtype: 'float64' });
  x.backward(g);
  assert.is.not(x.grad, g);
  assert.is.not(x.grad!.nd.data, g.nd.data);
  assert.equal(x.grad!.toArray(), [5, 6]);
});

backward('keeps a fresh gradient as .grad without copying it', () => {
  // mul's backward makes a new (2, 3) tensor for w; no copy should follow.
  const w = randn([2, 3], { generator: new Generator(1), requiresGrad: true });
  const y = w.mul(2).sum();
  const sizes: number[] = [];
  observeAllocations((_, size) => sizes.push(size));
  try {
    y.backward();
  } finally {
    observeAllocations(null);
  }
  // The seed (1), the expanded dy (6) and dy · 2 (6): nothing more.
  assert.equal(sizes, [1, 6, 6]);
  assert.equal([...w.grad!.values()], [2, 2, 2, 2, 2, 2]);
});

backward.run();
