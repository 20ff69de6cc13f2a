import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import {
  AutogradError,
  DTypeError,
  Generator,
  ShapeError,
  Tensor,
  arange,
  randn,
  tensor,
  zeros,
} from '../../src/index.js';
import { observeAllocations } from '../../src/tensor/dtype.js';
import { FLOAT64, assertClose, assertThrows } from '../helpers/assert-close.js';

// Expected values are the inputs rearranged by hand (transposes, slices),
// or the print-outs PyTorch gives for the same tensors (see toString).

const props = suite('Tensor properties');

props('reports shape, ndim, size and dtype of a [2, 3] float64 tensor', () => {
  const x = zeros([2, 3], { dtype: 'float64' });
  assert.equal(x.shape, [2, 3]);
  assert.is(x.ndim, 2);
  assert.is(x.size, 6);
  assert.is(x.dtype, 'float64');
});

props('a rank-0 tensor has shape [], ndim 0 and size 1', () => {
  const x = tensor(4);
  assert.equal(x.shape, []);
  assert.is(x.ndim, 0);
  assert.is(x.size, 1);
});

props('a [2, 0] tensor has size 0', () => {
  assert.is(zeros([2, 0]).size, 0);
});

props('a new leaf does not require grad and has no grad', () => {
  const x = tensor([1, 2]);
  assert.not.ok(x.requiresGrad);
  assert.is(x.grad, null);
  assert.is(x.node, null);
  assert.ok(x.isLeaf);
});

props('an op on a tensor that requires grad records a node', () => {
  const x = tensor([1, 2], { requiresGrad: true });
  const y = x.mul(2);
  assert.ok(y.requiresGrad);
  assert.not.ok(y.isLeaf);
  assert.is(y.grad, null);
});

props('the constructor refuses requiresGrad for int32 storage', () => {
  assertThrows(
    () => new Tensor(arange(3).nd, true),
    DTypeError,
    'Tensor: an int32 tensor cannot require grad',
  );
});

props('shape is frozen: writing into it throws and changes nothing', () => {
  const x = zeros([2, 3]);
  assert.ok(Object.isFrozen(x.shape));
  assert.throws(() => {
    (x.shape as number[])[0] = 3;
  }, TypeError);
  assert.throws(() => (x.shape as number[]).push(1), TypeError);
  assert.equal(x.shape, [2, 3]);
  assert.is(x.size, 6);
});

props('a view has its own frozen shape; the caller array stays free', () => {
  const dims = [2, 3];
  const x = zeros(dims);
  dims[0] = 5;
  assert.equal(x.shape, [2, 3]);
  assert.not.ok(Object.isFrozen(dims));
  const t = x.T;
  assert.equal(t.shape, [3, 2]);
  assert.ok(Object.isFrozen(t.shape));
  assert.equal(x.shape, [2, 3]);
});

props('requiresGrad is read-only: assigning to it throws', () => {
  const x = tensor([1, 2], { requiresGrad: true });
  const y = x.mul(2);
  assert.throws(() => {
    (y as { requiresGrad: boolean }).requiresGrad = false;
  }, TypeError);
  assert.ok(y.requiresGrad);
  y.sum().backward();
  // d(sum(2x))/dx = 2: the gradient still arrives.
  assert.equal(x.grad!.toArray(), [2, 2]);
});

props.run();

const toArray = suite('toArray');

toArray('gives nested arrays for a [2, 2, 2] tensor', () => {
  const x = tensor([1, 2, 3, 4, 5, 6, 7, 8], { shape: [2, 2, 2] });
  assert.equal(x.toArray(), [
    [
      [1, 2],
      [3, 4],
    ],
    [
      [5, 6],
      [7, 8],
    ],
  ]);
});

toArray('gives a number for a rank-0 tensor', () => {
  assert.is(tensor(-3, { dtype: 'int32' }).toArray(), -3);
});

toArray('gives [] for shape [0] and [[], []] for shape [2, 0]', () => {
  assert.equal(zeros([0]).toArray(), []);
  assert.equal(zeros([2, 0]).toArray(), [[], []]);
});

toArray('reads a transposed view in its own row-major order', () => {
  const x = tensor([
    [1, 2, 3],
    [4, 5, 6],
  ]);
  assert.equal(x.T.toArray(), [
    [1, 4],
    [2, 5],
    [3, 6],
  ]);
});

toArray.run();

const item = suite('item');

item('returns the value of a rank-0 tensor and of shape [1, 1]', () => {
  assert.is(tensor(2.5).item(), 2.5);
  assert.is(tensor([[7]]).item(), 7);
});

item('reads a one-element view at its offset: element 3 of arange(5)', () => {
  assert.is(arange(5).narrow(0, 3, 1).item(), 3);
});

item('rejects shape [2, 3], naming shape and element count', () => {
  assertThrows(
    () => zeros([2, 3]).item(),
    ShapeError,
    'item: expected a tensor with one element, got shape [2, 3] (6 elements)',
    'Reduce it first',
  );
});

item('rejects an empty tensor', () => {
  assertThrows(
    () => zeros([0]).item(),
    ShapeError,
    'got shape [0] (0 elements)',
  );
});

item.run();

const print = suite('toString');

// PyTorch 2.x prints torch.tensor([[1, 2.5], [-3, 4]]) as
//   tensor([[ 1.0000,  2.5000],
//           [-3.0000,  4.0000]])
// tapegrad keeps that layout and ends with shape and dtype instead of
// PyTorch's dtype-only suffix.
print('prints a 2x2 float32 tensor as PyTorch does, aligned', () => {
  const x = tensor([
    [1, 2.5],
    [-3, 4],
  ]);
  assert.is(
    x.toString(),
    'tensor([[ 1.0000,  2.5000],\n' +
      '        [-3.0000,  4.0000]], shape=[2, 2], dtype=float32)',
  );
});

// PyTorch: tensor([[  1, -20],
//                  [300,   4]], dtype=torch.int32)
print('prints an int32 tensor without decimals, right-aligned', () => {
  const x = tensor(
    [
      [1, -20],
      [300, 4],
    ],
    { dtype: 'int32' },
  );
  assert.is(
    x.toString(),
    'tensor([[  1, -20],\n' + '        [300,   4]], shape=[2, 2], dtype=int32)',
  );
});

// PyTorch: torch.tensor(3.5) prints tensor(3.5000).
print('prints a rank-0 tensor without brackets', () => {
  assert.is(tensor(3.5).toString(), 'tensor(3.5000, shape=[], dtype=float32)');
});

// PyTorch: torch.tensor([1., 2.], requires_grad=True) prints
// tensor([1., 2.], requires_grad=True).
print('prints whole floats as "1." and flags requiresGrad', () => {
  const x = tensor([1, 2], { dtype: 'float64', requiresGrad: true });
  assert.is(
    x.toString(),
    'tensor([1., 2.], shape=[2], dtype=float64, requiresGrad=true)',
  );
});

print('prints an empty tensor as []', () => {
  assert.is(zeros([0]).toString(), 'tensor([], shape=[0], dtype=float32)');
});

print('elides the middle of a 40x40 tensor with ...', () => {
  // Element (r, c) holds 40 r + c, so the middle element (20, 20) is 820.
  const x = arange(1600).to('float32').reshape(40, 40);
  const text = x.toString();
  const lines = text.split('\n');
  // Rows 0-2, the '...' line, rows 37-39, as PyTorch summarises > 1000 elements.
  assert.is(lines.length, 7);
  assert.is(lines[3]!.trim(), '...,');
  const firstRow = 'tensor([[   0.,    1.,    2., ...,   37.,   38.,   39.]';
  assert.ok(lines[0]!.startsWith(firstRow), lines[0]);
  assert.ok(lines[6]!.includes('1597.'), 'last row shows 1597 (39 · 40 + 37)');
  assert.not.ok(text.includes('820.'), 'the middle element is printed');
  assert.ok(text.endsWith(', shape=[40, 40], dtype=float32)'));
});

print('prints a non-contiguous view by its own indices', () => {
  const x = tensor(
    [
      [1, 2],
      [3, 4],
    ],
    { dtype: 'int32' },
  );
  assert.is(
    x.T.toString(),
    'tensor([[1, 3],\n' + '        [2, 4]], shape=[2, 2], dtype=int32)',
  );
});

print.run();

const cloning = suite('clone');

cloning('copies the values into new storage', () => {
  const x = tensor([1, 2, 3]);
  const c = x.clone();
  assert.equal(c.toArray(), [1, 2, 3]);
  assert.is(c.dtype, 'float32');
  assert.is.not(c.nd.data, x.nd.data);
  assert.not.ok(c.requiresGrad);
  assert.is(c.node, null);
  x.nd.data[0] = 9;
  assert.equal(c.toArray(), [1, 2, 3]);
});

cloning('is recorded on the tape and passes the gradient through', () => {
  const x = tensor([1, 2, 3], { dtype: 'float64', requiresGrad: true });
  const c = x.clone();
  assert.ok(c.requiresGrad);
  assert.is(c.node!.op, 'clone');
  c.mul(tensor([4, 5, 6], { dtype: 'float64' }))
    .sum()
    .backward();
  // d(sum(w · clone(x)))/dx = w
  assert.equal(x.grad!.toArray(), [4, 5, 6]);
});

cloning('detach().clone() is an untracked copy', () => {
  const x = tensor([1, 2], { requiresGrad: true });
  const c = x.detach().clone();
  assert.not.ok(c.requiresGrad);
  assert.ok(c.isLeaf);
});

cloning('copies a transposed [3, 4] view once: one allocation of 12', () => {
  const x = randn([4, 3], { generator: new Generator(2) }).T;
  const sizes: number[] = [];
  observeAllocations((_, size) => sizes.push(size));
  try {
    x.clone();
  } finally {
    observeAllocations(null);
  }
  assert.equal(sizes, [12]);
});

cloning('of a transposed view is contiguous', () => {
  const x = tensor([
    [1, 2],
    [3, 4],
  ]);
  const c = x.T.clone();
  assert.ok(c.isContiguous());
  assert.equal(c.toArray(), [
    [1, 3],
    [2, 4],
  ]);
});

cloning.run();

const detaching = suite('detach');

detaching('shares storage and is an untracked leaf', () => {
  const x = tensor([1, 2, 3], { requiresGrad: true });
  const y = x.mul(2);
  const d = y.detach();
  assert.is(d.nd.data, y.nd.data);
  assert.not.ok(d.requiresGrad);
  assert.ok(d.isLeaf);
  assert.not.ok(
    d.mul(3).requiresGrad,
    'an op on a detached tensor records nothing',
  );
  y.nd.data[0] = 5;
  assert.is(d.values()[0], 5);
});

detaching.run();

const marks = suite('requiresGrad_');

marks('marks a float leaf and returns it', () => {
  const x = tensor([1, 2]);
  assert.is(x.requiresGrad_(), x);
  assert.ok(x.requiresGrad);
  x.requiresGrad_(false);
  assert.not.ok(x.requiresGrad);
});

marks('refuses int32 with DTypeError', () => {
  assertThrows(
    () => arange(3).requiresGrad_(),
    DTypeError,
    'requiresGrad_: an int32 tensor cannot require grad',
    "x.to('float32')",
  );
});

marks('lets int32 be marked false', () => {
  assert.not.ok(arange(3).requiresGrad_(false).requiresGrad);
});

marks('refuses a non-leaf, pointing to detach()', () => {
  const x = tensor([1, 2], { requiresGrad: true });
  const y = x.mul(2);
  assertThrows(
    () => y.requiresGrad_(false),
    AutogradError,
    "requiresGrad_: only a leaf's flag can change, but this tensor was " +
      'made by mul',
    'Use x.detach()',
  );
  // True is refused too: a non-leaf never gets a .grad of its own.
  assertThrows(
    () => y.requiresGrad_(true),
    AutogradError,
    'x.detach().clone().requiresGrad_() for a new leaf',
  );
  assert.ok(y.requiresGrad);
  y.sum().backward();
  assert.equal(x.grad!.toArray(), [2, 2]);
});

marks.run();

const transposeT = suite('T');

transposeT('swaps the dims of a [2, 3] tensor, as a view', () => {
  const x = tensor([
    [1, 2, 3],
    [4, 5, 6],
  ]);
  const t = x.T;
  assert.equal(t.shape, [3, 2]);
  assert.equal(t.toArray(), [
    [1, 4],
    [2, 5],
    [3, 6],
  ]);
  assert.is(t.nd.data, x.nd.data);
});

transposeT('rejects a [3] tensor, pointing at transpose and permute', () => {
  assertThrows(
    () => zeros([3]).T,
    ShapeError,
    'Tensor.T: expected a 2-D tensor, got shape [3]',
    'permute',
  );
});

transposeT.run();

const to = suite('to');

to('converts float32 to float64 with the same values', () => {
  const x = tensor([1.5, -2]);
  const y = x.to('float64');
  assert.is(y.dtype, 'float64');
  assert.equal(y.toArray(), [1.5, -2]);
});

to('returns the same tensor when the dtype already matches', () => {
  const x = tensor([1, 2]);
  assert.is(x.to('float32'), x);
});

to('truncates toward zero for int32, as PyTorch does', () => {
  // torch.tensor([1.7, -1.7, 2.5]).to(torch.int32) is [1, -1, 2].
  const y = tensor([1.7, -1.7, 2.5], { requiresGrad: true }).to('int32');
  assert.is(y.dtype, 'int32');
  assert.equal(y.toArray(), [1, -1, 2]);
  assert.not.ok(y.requiresGrad);
});

to('converts int32 to float', () => {
  assert.equal(arange(3).to('float64').toArray(), [0, 1, 2]);
});

to('passes the gradient back in the input dtype', () => {
  const x = tensor([1, 2], { requiresGrad: true });
  x.to('float64').mul(3).sum().backward();
  assert.is(x.grad!.dtype, 'float32');
  // d(sum(3x))/dx = 3
  assert.equal(x.grad!.toArray(), [3, 3]);
});

to('rejects an unknown dtype', () => {
  assertThrows(
    () => tensor([1]).to('int8' as 'int32'),
    DTypeError,
    `to: dtype must be 'float32', 'float64' or 'int32', got "int8"`,
  );
});

to.run();

const views = suite('views');

function base(): Tensor {
  return randn([2, 3, 4], { dtype: 'float64', generator: new Generator(6) });
}

views(
  'transpose shares storage and reads element (i, j, k) at (k, j, i)',
  () => {
    const x = base();
    const t = x.transpose(0, 2);
    assert.is(t.nd.data, x.nd.data);
    assert.equal(t.shape, [4, 3, 2]);
    const a = x.toArray() as number[][][];
    const b = t.toArray() as number[][][];
    assert.is(b[3]![1]![0], a[0]![1]![3]);
  },
);

views('permute shares storage: (2, 0, 1) of [2, 3, 4] is [4, 2, 3]', () => {
  const x = base();
  const p = x.permute(2, 0, 1);
  assert.is(p.nd.data, x.nd.data);
  assert.equal(p.shape, [4, 2, 3]);
  const a = x.toArray() as number[][][];
  const b = p.toArray() as number[][][];
  assert.is(b[3]![1]![2], a[1]![2]![3]);
});

views(
  'expand shares storage: [3, 1] to [2, 3, 4] repeats each row value',
  () => {
    const x = tensor([[1], [2], [3]]);
    const e = x.expand(2, 3, 4);
    assert.is(e.nd.data, x.nd.data);
    assert.equal(e.shape, [2, 3, 4]);
    const row = [2, 2, 2, 2];
    assert.equal((e.toArray() as number[][][])[1]![1], row);
  },
);

views('narrow shares storage: columns 1..2 of a [2, 4]', () => {
  const x = tensor([
    [0, 1, 2, 3],
    [4, 5, 6, 7],
  ]);
  const n = x.narrow(1, 1, 2);
  assert.is(n.nd.data, x.nd.data);
  assert.equal(n.toArray(), [
    [1, 2],
    [5, 6],
  ]);
});

views('reshape of contiguous data shares storage', () => {
  const x = base();
  const r = x.reshape(6, 4);
  assert.is(r.nd.data, x.nd.data);
  assert.equal([...r.values()], [...x.values()]);
  assert.is(x.reshape([24]).nd.data, x.nd.data);
});

views(
  'reshape of a non-contiguous view copies, keeping row-major order',
  () => {
    const x = tensor([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    const r = x.T.reshape(6);
    assert.is.not(r.nd.data, x.nd.data);
    assert.equal(r.toArray(), [1, 4, 2, 5, 3, 6]);
  },
);

views('a write through the storage shows in every view', () => {
  const x = zeros([2, 3], { dtype: 'float64' });
  const t = x.T;
  const n = x.narrow(0, 1, 1);
  x.nd.data[4] = 7; // element (1, 1)
  assert.is((t.toArray() as number[][])[1]![1], 7);
  assert.is((n.toArray() as number[][])[0]![1], 7);
});

views('a view of a view still shares the storage', () => {
  const x = base();
  const v = x.permute(1, 0, 2).narrow(2, 1, 2).transpose(0, 1);
  assert.is(v.nd.data, x.nd.data);
  assertClose(v, x.narrow(2, 1, 2), FLOAT64);
});

views.run();
