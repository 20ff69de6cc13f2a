// Softmax regression on the iris flowers: one Linear layer trained with
// crossEntropy (logSoftmax and nllLoss in one stable step).
// Run: npm run example:iris
import {
  crossEntropy,
  data,
  metrics,
  noGrad,
  nn,
  optim,
  Generator,
} from '../src/index.js';

const generator = new Generator(0);
const iris = data.loadIris(); // x float32 (150, 4), y int32 (150): 3 species

// Standardise each feature, so one learning rate suits all four.
const mean = iris.x.mean(0, true);
const std = iris.x.var(0, { keepdim: true }).sqrt();
const x = iris.x.sub(mean).div(std);

const model = new nn.Linear(4, 3, { generator });
const optimizer = new optim.SGD(model.parameters(), { lr: 0.5 });

for (let step = 1; step <= 200; step++) {
  optimizer.zeroGrad();
  const loss = crossEntropy(model.forward(x), iris.y); // mean over 150 flowers
  loss.backward();
  optimizer.step();
  if (step % 40 === 0)
    console.log(`step ${step}  loss ${loss.item().toFixed(4)}`);
}

const scores = noGrad(() => model.forward(x));
const accuracy = metrics.accuracy(scores, iris.y);
console.log(`\ntraining accuracy ${(100 * accuracy).toFixed(1)}%\n`);
console.log(
  metrics.confusionMatrix(scores, iris.y, 3).toString([...data.IRIS_CLASSES]),
);
