// The metrics namespace: scores of predictions against class targets.

export { accuracy } from './accuracy.js';
export { ConfusionMatrix, confusionMatrix } from './confusion-matrix.js';
