import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { describeValue } from '../src/errors.js';
import { tensor } from '../src/index.js';

const describe = suite('describeValue');

describe('names each kind of value with its article', () => {
  const cases: [unknown, string][] = [
    [undefined, 'undefined'],
    [null, 'null'],
    [[1, 2], 'an array'],
    [2, 'the number 2'],
    ['x', 'a string'],
    [true, 'a boolean'],
    [1n, 'a bigint'],
    [() => 1, 'a function'],
    [{ retainGraph: true }, 'an object'],
    [Object.create(null), 'an object'],
    [new Float32Array(1), 'a Float32Array'],
    [new Int32Array(1), 'an Int32Array'],
    [new DataView(new ArrayBuffer(1)), 'a DataView'],
    [tensor([1]), 'a Tensor'],
  ];
  for (const [value, expected] of cases) {
    assert.is(describeValue(value), expected);
  }
});

describe.run();
