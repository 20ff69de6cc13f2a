// The data namespace: datasets, batching and the bundled data sets.

export {
  TensorDataset,
  type Batch,
  type Dataset,
  type Sample,
} from './dataset.js';
export { DataLoader, type DataLoaderOptions } from './data-loader.js';
export { loadMnist, type MnistOptions, type MnistSplits } from './mnist.js';
export { loadIris, IRIS_CLASSES } from './iris.js';
