import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import {
  CheckpointError,
  checkStateDict,
  nn,
  tensor,
  type Tensor,
  type TensorSpec,
} from '../../src/index.js';
import { assertThrows } from '../helpers/assert-close.js';

// Specs are written out by hand; tensors stand in for loaded state dicts.

const check = suite('checkStateDict');

/** What a model with one Linear(3 -> 2) layer expects. */
const expected = {
  'fc.weight': { shape: [2, 3], dtype: 'float32' },
  'fc.bias': { shape: [2], dtype: 'float32' },
};

check('accepts tensors of the expected names, shapes and dtypes', () => {
  checkStateDict(
    expected,
    {
      'fc.weight': tensor([
        [1, 2, 3],
        [4, 5, 6],
      ]),
      'fc.bias': tensor([1, 2]),
    },
    'm.safetensors',
  );
});

check('names a tensor of the wrong shape, expected vs got', () => {
  const loaded = {
    'fc.weight': tensor([
      [1, 2],
      [3, 4],
      [5, 6],
    ]),
    'fc.bias': tensor([1, 2]),
  };
  assertThrows(
    () => checkStateDict(expected, loaded, 'm.safetensors'),
    CheckpointError,
    "checkStateDict: 'm.safetensors' does not fit: tensor 'fc.weight' has " +
      'shape [3, 2], expected [2, 3].',
  );
});

check('names a missing tensor', () => {
  const loaded = {
    'fc.weight': tensor([
      [1, 2, 3],
      [4, 5, 6],
    ]),
  };
  assertThrows(
    () => checkStateDict(expected, loaded, 'm.safetensors'),
    CheckpointError,
    "missing tensor 'fc.bias' (expected shape [2], float32)",
  );
});

check('names an unexpected extra tensor', () => {
  const loaded = {
    'fc.weight': tensor([
      [1, 2, 3],
      [4, 5, 6],
    ]),
    'fc.bias': tensor([1, 2]),
    'fc2.bias': tensor([1, 2, 3, 4], { dtype: 'float64' }),
  };
  assertThrows(
    () => checkStateDict(expected, loaded, 'm.safetensors'),
    CheckpointError,
    "unexpected tensor 'fc2.bias' (shape [4], float64)",
  );
});

check('names a tensor of the wrong dtype', () => {
  const loaded = {
    'fc.weight': tensor([
      [1, 2, 3],
      [4, 5, 6],
    ]),
    'fc.bias': tensor([1, 2], { dtype: 'float64' }),
  };
  assertThrows(
    () => checkStateDict(expected, loaded, 'm.safetensors'),
    CheckpointError,
    "tensor 'fc.bias' has dtype float64, expected float32",
  );
});

check('lists every problem at once, then the fix', () => {
  const loaded = { 'fc.weight': tensor([1]), extra: tensor([1]) };
  assertThrows(
    () => checkStateDict(expected, loaded, 'm.safetensors'),
    CheckpointError,
    "tensor 'fc.weight' has shape [1], expected [2, 3]; missing tensor " +
      "'fc.bias' (expected shape [2], float32); unexpected tensor 'extra'",
    'Load a checkpoint saved from this same architecture',
  );
});

check('lists at most 10 problems, then how many more', () => {
  const loaded: Record<string, Tensor> = {};
  for (let i = 0; i < 13; i++) loaded[`extra${i}`] = tensor([i]);
  assertThrows(
    () => checkStateDict({}, loaded, 'm.safetensors'),
    CheckpointError,
    "unexpected tensor 'extra9' (shape [1], float32); and 3 more.",
  );
});

check('accepts plain specs on both sides, and shapes given as readonly', () => {
  const shape: readonly number[] = [2, 3];
  const spec: TensorSpec = { shape, dtype: 'float32' };
  checkStateDict({ w: spec }, { w: { shape: [2, 3], dtype: 'float32' } }, 'x');
});

check('checks a model state against a checkpoint of another width', () => {
  const model = new nn.Linear(3, 2);
  const wider = new nn.Linear(3, 4);
  assertThrows(
    () => checkStateDict(model.stateDict(), wider.stateDict(), 'w.safetensors'),
    CheckpointError,
    "checkStateDict: 'w.safetensors' does not fit: tensor 'weight' has " +
      "shape [4, 3], expected [2, 3]; tensor 'bias' has shape [4], " +
      'expected [2].',
  );
});

check.run();

const checkpointError = suite('CheckpointError');

checkpointError('is an Error named CheckpointError', () => {
  const error = new CheckpointError('save: could not write.');
  assert.instance(error, Error);
  assert.is(error.name, 'CheckpointError');
  assert.is(error.message, 'save: could not write.');
});

checkpointError.run();
