import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import {
  DEFAULTS,
  USAGE,
  UsageError,
  parseTrainArgs,
} from '../../src/cli/args.js';
import { assertThrows } from '../helpers/assert-close.js';

const parse = suite('parseTrainArgs');

parse('gives the documented defaults for no flags', () => {
  // The defaults written in USAGE (and DEFAULTS in src/cli/args.ts).
  assert.equal(parseTrainArgs([]), {
    epochs: 12,
    batchSize: 64,
    lr: 3e-3,
    optimizer: 'adam',
    hidden: [256, 128],
    seed: 0,
    dataDir: null,
    out: 'runs/mnist',
  });
});

parse('reads every flag', () => {
  const argv =
    '--epochs 3 --batch-size 32 --lr 0.05 --optimizer sgd --hidden 64,32 ' +
    '--seed 7 --data-dir /data/mnist --out runs/try';

  const config = parseTrainArgs(argv.split(' '));

  assert.equal(config, {
    epochs: 3,
    batchSize: 32,
    lr: 0.05,
    optimizer: 'sgd',
    hidden: [64, 32],
    seed: 7,
    dataDir: '/data/mnist',
    out: 'runs/try',
  });
});

parse('reads --flag=value as well as --flag value', () => {
  const config = parseTrainArgs(['--epochs=5', '--lr=1e-3', '--hidden=10']);

  assert.is(config?.epochs, 5);
  assert.is(config?.lr, 1e-3);
  assert.equal(config?.hidden, [10]);
});

parse('accepts every optimizer the usage lists', () => {
  for (const name of ['adam', 'adamw', 'sgd'] as const) {
    assert.is(parseTrainArgs(['--optimizer', name])?.optimizer, name);
  }
});

parse("reads --hidden '' as no hidden layer", () => {
  assert.equal(parseTrainArgs(['--hidden', ''])?.hidden, []);
});

parse('reads --hidden with spaces around the sizes', () => {
  assert.equal(parseTrainArgs(['--hidden', ' 64, 32 '])?.hidden, [64, 32]);
});

parse('accepts seed 0 and the largest 32-bit seed', () => {
  assert.is(parseTrainArgs(['--seed', '0'])?.seed, 0);
  assert.is(parseTrainArgs(['--seed', '4294967295'])?.seed, 2 ** 32 - 1);
});

parse('returns null for -h and --help', () => {
  assert.is(parseTrainArgs(['-h']), null);
  assert.is(parseTrainArgs(['--help']), null);
  assert.is(parseTrainArgs(['--epochs', '3', '--help']), null);
});

parse('returns a fresh hidden list, leaving DEFAULTS alone', () => {
  const config = parseTrainArgs([]);
  config?.hidden.push(10);

  assert.equal(DEFAULTS.hidden, [256, 128]);
});

parse('rejects non-numeric --epochs, naming flag and value', () => {
  assertThrows(
    () => parseTrainArgs(['--epochs', 'x']),
    UsageError,
    "--epochs must be a whole number >= 1, got 'x'.",
  );
});

parse('rejects zero and negative --epochs', () => {
  assertThrows(
    () => parseTrainArgs(['--epochs', '0']),
    UsageError,
    "--epochs must be a whole number >= 1, got '0'.",
  );
  assertThrows(
    () => parseTrainArgs(['--epochs=-1']),
    UsageError,
    "--epochs must be a whole number >= 1, got '-1'.",
  );
});

parse('rejects --epochs -1, where parseArgs takes -1 for a flag', () => {
  // node:util parseArgs refuses a value starting with '-' unless written
  // --epochs=-1; its message names the flag and that remedy.
  assertThrows(
    () => parseTrainArgs(['--epochs', '-1']),
    UsageError,
    "'--epochs'",
    '--epochs=-XYZ',
  );
});

parse('rejects fractional and exponent --epochs', () => {
  assertThrows(
    () => parseTrainArgs(['--epochs', '1.5']),
    UsageError,
    "--epochs must be a whole number >= 1, got '1.5'.",
  );
  assertThrows(
    () => parseTrainArgs(['--epochs', '1e2']),
    UsageError,
    "got '1e2'",
  );
});

parse('rejects --batch-size 0 and a non-numeric --batch-size', () => {
  assertThrows(
    () => parseTrainArgs(['--batch-size', '0']),
    UsageError,
    "--batch-size must be a whole number >= 1, got '0'.",
  );
  assertThrows(
    () => parseTrainArgs(['--batch-size', 'big']),
    UsageError,
    "--batch-size must be a whole number >= 1, got 'big'.",
  );
});

parse('rejects --lr 0, a negative --lr and a non-numeric --lr', () => {
  for (const raw of ['0', '-0.1', 'fast', '', 'Infinity']) {
    assertThrows(
      () => parseTrainArgs([`--lr=${raw}`]),
      UsageError,
      `--lr must be a number > 0, got '${raw}'.`,
    );
  }
});

parse('rejects an unknown --optimizer', () => {
  assertThrows(
    () => parseTrainArgs(['--optimizer', 'rmsprop']),
    UsageError,
    "--optimizer must be adam, adamw or sgd, got 'rmsprop'.",
  );
});

parse('rejects a bad --hidden list, quoting the whole list', () => {
  for (const raw of ['64,x', '64,,32', '64,', '0', '64,-2', '1.5']) {
    assertThrows(
      () => parseTrainArgs([`--hidden=${raw}`]),
      UsageError,
      '--hidden must be whole numbers >= 1 separated by commas',
      `got '${raw}'.`,
      "--hidden ''",
    );
  }
});

parse('rejects a negative --seed and one past 32 bits', () => {
  assertThrows(
    () => parseTrainArgs(['--seed=-1']),
    UsageError,
    "--seed must be a whole number in [0, 4294967295], got '-1'.",
  );
  // 2^32 would give Generator the same stream as seed 0.
  assertThrows(
    () => parseTrainArgs(['--seed', '4294967296']),
    UsageError,
    "--seed must be a whole number in [0, 4294967295], got '4294967296'.",
  );
});

parse('rejects an unknown flag, naming it', () => {
  assertThrows(
    () => parseTrainArgs(['--epoch', '3']),
    UsageError,
    "Unknown option '--epoch'",
  );
});

parse('rejects a positional argument, naming it', () => {
  assertThrows(
    () => parseTrainArgs(['mnist']),
    UsageError,
    "Unexpected argument 'mnist'",
  );
});

parse('rejects a flag with its value missing', () => {
  assertThrows(
    () => parseTrainArgs(['--epochs']),
    UsageError,
    "'--epochs <value>' argument missing",
  );
});

parse.run();

const usage = suite('USAGE');

usage('lists every flag parseTrainArgs reads', () => {
  const flags = [
    '--epochs',
    '--batch-size',
    '--lr',
    '--optimizer',
    '--hidden',
    '--seed',
    '--data-dir',
    '--out',
    '-h, --help',
  ];
  for (const flag of flags) {
    assert.ok(USAGE.includes(`  ${flag} `), `USAGE does not list ${flag}`);
  }
});

usage('shows the defaults', () => {
  assert.match(USAGE, /--epochs N .*\(default 12\)/);
  assert.match(USAGE, /--hidden LIST .*\(default 256,128\)/);
  assert.match(USAGE, /--out DIR .*\(default runs\/mnist\)/);
});

usage.run();
