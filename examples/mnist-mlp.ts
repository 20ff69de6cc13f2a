// Train a small MLP on real MNIST digits with tapegrad: the same training
// as `npm run train`, written out as a plain script.
// Run: npm run example:mnist
import {
  data,
  logSoftmax,
  metrics,
  nllLoss,
  noGrad,
  nn,
  optim,
  Generator,
} from '../src/index.js';

const EPOCHS = 12;
const generator = new Generator(0);

// 10,000 real handwritten digits from the npm package 'mnist':
// x is float32 (n, 784) with pixels in [0, 1], y is int32 (n).
const { train, test } = data.loadMnist();
const loader = new data.DataLoader(train, {
  batchSize: 64,
  shuffle: true,
  seed: 0,
});

const model = new nn.Sequential(
  new nn.Linear(784, 256, { generator }),
  new nn.ReLU(),
  new nn.Linear(256, 128, { generator }),
  new nn.ReLU(),
  new nn.Linear(128, 10, { generator }),
);
const optimizer = new optim.Adam(model.parameters(), { lr: 3e-3 });
const schedule = new optim.CosineAnnealingLR(optimizer, EPOCHS);

for (let epoch = 1; epoch <= EPOCHS; epoch++) {
  const start = performance.now();
  let total = 0;
  for (const { x, y } of loader) {
    optimizer.zeroGrad();
    // logSoftmax gives log-probabilities over the 10 classes (dim 1);
    // nllLoss picks the one of each digit's true class.
    const loss = nllLoss(logSoftmax(model.forward(x), 1), y, {
      reduction: 'mean',
    });
    loss.backward();
    optimizer.step();
    total += loss.item();
  }
  schedule.step();

  const scores = noGrad(() => model.forward(test.x));
  const accuracy = metrics.accuracy(scores, test.y);
  const seconds = (performance.now() - start) / 1000;
  console.log(
    `epoch ${epoch}  loss ${(total / loader.length).toFixed(4)}  ` +
      `test accuracy ${(100 * accuracy).toFixed(2)}%  ${seconds.toFixed(1)} s`,
  );
}

const scores = noGrad(() => model.forward(test.x));
console.log(`\n${metrics.confusionMatrix(scores, test.y, 10).toString()}`);
