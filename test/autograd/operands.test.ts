import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import {
  DTypeError,
  add,
  tensor,
  zeros,
  type DType,
  type Tensor,
} from '../../src/index.js';
import {
  checkTensor,
  floatOperand,
  floatOperands,
  operand,
  operands,
  scalar,
} from '../../src/autograd/operands.js';
import { FLOAT64, assertClose, assertThrows } from '../helpers/assert-close.js';

/** A [2] tensor of `dtype` holding 1 and 2. */
function pair(dtype: DType): Tensor {
  return tensor([1, 2], { dtype });
}

/** The dtypes of a pair of tensors, for one-line comparisons. */
function dtypes([x, y]: [Tensor, Tensor]): [DType, DType] {
  return [x.dtype, y.dtype];
}

const scalarSuite = suite('scalar');

scalarSuite('makes a rank-0 tensor of each dtype', () => {
  for (const dtype of ['float32', 'float64', 'int32'] as const) {
    const t = scalar(3, dtype);

    assert.equal(t.shape, []);
    assert.is(t.dtype, dtype);
    assert.is(t.item(), 3); // the value given
    assert.is(t.requiresGrad, false);
  }
});

scalarSuite.run();

const operandsSuite = suite('operands');

// The promotion table, as PyTorch: float64 beats float32, any float beats
// int32, and equal dtypes stay.
const PROMOTIONS: [DType, DType, DType][] = [
  ['float32', 'float32', 'float32'],
  ['float64', 'float64', 'float64'],
  ['int32', 'int32', 'int32'],
  ['float32', 'float64', 'float64'],
  ['float64', 'float32', 'float64'],
  ['int32', 'float32', 'float32'],
  ['float32', 'int32', 'float32'],
  ['int32', 'float64', 'float64'],
  ['float64', 'int32', 'float64'],
];

for (const [a, b, want] of PROMOTIONS) {
  operandsSuite(`promotes ${a} with ${b} to ${want}`, () => {
    assert.equal(dtypes(operands('add', pair(a), pair(b))), [want, want]);
  });
}

operandsSuite('gives a whole number the tensor dtype, on either side', () => {
  for (const dtype of ['float32', 'float64', 'int32'] as const) {
    const [x, n] = operands('add', pair(dtype), 2);
    const [m, y] = operands('add', 2, pair(dtype));

    assert.equal([x.dtype, n.dtype, m.dtype, y.dtype], Array(4).fill(dtype));
    assert.equal(n.shape, []);
    assert.is(n.item(), 2); // the number given
    assert.is(m.item(), 2); // the number given
  }
});

operandsSuite('takes int32 to float32 against a fraction, keeping it', () => {
  const [x, n] = operands('add', pair('int32'), 0.5);

  assert.equal([x.dtype, n.dtype], ['float32', 'float32']);
  assert.is(n.item(), 0.5); // kept, not truncated to 0
  assert.equal(Array.from(x.values()), [1, 2]);
});

operandsSuite('keeps the int32 extremes next to an int32 tensor', () => {
  const [, low] = operands('add', pair('int32'), -(2 ** 31));
  const [high] = operands('add', 2 ** 31 - 1, pair('int32'));

  assert.equal([low.dtype, low.item()], ['int32', -2147483648]);
  assert.equal([high.dtype, high.item()], ['int32', 2147483647]);
});

operandsSuite('rejects a whole number past int32 rather than wrap it', () => {
  const ints = pair('int32');

  // 2^31 would wrap to -2^31 and make lt([1, 2], 2^31) all false.
  const pattern =
    'lt: int32 values must lie in [-2147483648, 2147483647], got ' +
    '2147483648 for a number next to an int32 tensor';
  const hint = "x.to('float64')";
  assertThrows(() => operands('lt', ints, 2 ** 31), RangeError, pattern, hint);
  assertThrows(() => operands('lt', -(2 ** 31) - 1, ints), RangeError, 'int32');
});

operandsSuite('makes two numbers rank-0 float32 tensors', () => {
  const [x, y] = operands('add', 1.5, 2);

  assert.equal(dtypes([x, y]), ['float32', 'float32']);
  assert.equal([x.shape, y.shape], [[], []]);
  assert.equal([x.item(), y.item()], [1.5, 2]);
});

operandsSuite('returns a tensor unchanged when no cast is needed', () => {
  const x = pair('float64');

  const [a] = operands('add', x, 1);

  assert.is(a, x);
});

operandsSuite('hands a float32 leaf its gradient through promotion', () => {
  const x = tensor([1, 2], { requiresGrad: true });
  const y = tensor([0.5, 0.25], { dtype: 'float64', requiresGrad: true });

  const out = add(x, y);
  out.sum().backward();

  // d(x + y)/dx = 1, in x's own dtype float32.
  assert.is(out.dtype, 'float64');
  assert.is(x.grad!.dtype, 'float32');
  assert.is(y.grad!.dtype, 'float64');
  assertClose(x.grad!, { shape: [2], values: [1, 1] }, FLOAT64);
});

operandsSuite('rejects a non-tensor on either side, naming the op', () => {
  const array = [1] as unknown as Tensor;

  const pattern = 'mul: expected a Tensor or a number, got an array';
  assertThrows(() => operands('mul', array, 1), DTypeError, pattern);
  assertThrows(() => operands('mul', 1, array), DTypeError, pattern);
  assertThrows(() => operands('mul', zeros([1]), array), DTypeError, pattern);
});

operandsSuite.run();

const floatOperandsSuite = suite('floatOperands');

floatOperandsSuite('accepts int32 once promoted to a float', () => {
  const mixed = floatOperands('div', pair('int32'), pair('float32'));
  const fraction = floatOperands('div', pair('int32'), 0.5);

  assert.equal(dtypes(mixed), ['float32', 'float32']);
  assert.equal(dtypes(fraction), ['float32', 'float32']);
});

floatOperandsSuite('rejects int32 with int32 or a whole number', () => {
  const pattern = 'div: expected a float32 or float64 tensor, got int32';
  const hint = "Convert first with x.to('float32').";
  const ints = pair('int32');
  const both = (): unknown => floatOperands('div', ints, ints);
  assertThrows(both, DTypeError, pattern, hint);
  assertThrows(() => floatOperands('div', 2, ints), DTypeError, pattern);
});

floatOperandsSuite.run();

const floatOperandSuite = suite('floatOperand');

floatOperandSuite('passes float tensors, makes numbers float32 scalars', () => {
  const x = pair('float64');

  assert.is(floatOperand('exp', x), x);
  const n = floatOperand('exp', 2);
  assert.equal([n.dtype, n.shape, n.item()], ['float32', [], 2]);
});

floatOperandSuite('rejects int32, saying how to convert', () => {
  assertThrows(
    () => floatOperand('exp', pair('int32')),
    DTypeError,
    'exp: expected a float32 or float64 tensor, got int32',
    "x.to('float32')",
  );
});

floatOperandSuite('rejects an array', () => {
  assertThrows(
    () => floatOperand('exp', [1] as unknown as Tensor),
    DTypeError,
    'exp: expected a Tensor or a number, got an array',
  );
});

floatOperandSuite.run();

const operandSuite = suite('operand');

operandSuite('passes any tensor, makes numbers float32 scalars', () => {
  const x = pair('int32');

  assert.is(operand('neg', x), x);
  const n = operand('neg', 0.5);
  assert.equal([n.dtype, n.shape, n.item()], ['float32', [], 0.5]);
});

operandSuite('rejects an array', () => {
  assertThrows(
    () => operand('neg', [1] as unknown as Tensor),
    DTypeError,
    'neg: expected a Tensor or a number, got an array',
  );
});

operandSuite.run();

const checkTensorSuite = suite('checkTensor');

checkTensorSuite('returns a tensor unchanged', () => {
  const x = pair('float32');

  assert.is(checkTensor('add', x), x);
});

checkTensorSuite('names what it got instead of a tensor', () => {
  const cases: [unknown, string][] = [
    [[1, 2], 'an array'],
    [null, 'null'],
    [undefined, 'undefined'],
    ['1', 'a string'],
    [{ shape: [1] }, 'an object'],
    [new Float32Array(2), 'a Float32Array'],
  ];
  for (const [value, got] of cases) {
    assertThrows(
      () => checkTensor('add', value),
      DTypeError,
      `add: expected a Tensor or a number, got ${got}.`,
      'Wrap arrays with tensor(...) first.',
    );
  }
});

checkTensorSuite.run();
