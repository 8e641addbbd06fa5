// Runs the CLI from source in a child process (tests that need a real process, e.g. to kill it).
// The test hooks are read here, in the test's own entry, and handed to the CLI as its file operations:
// OPENDATA_CRASH_AFTER_OPS=n kills it after its n-th operation; OPENDATA_PAUSE_AFTER_OPS=n with
// OPENDATA_PAUSE_GATE=FILE pauses it there until FILE exists.
import { runFromProcess } from '../../pipeline/cli.ts';
import { pauseAfter, stopAfter } from './steppedFileOps.ts';

const { OPENDATA_CRASH_AFTER_OPS: crash, OPENDATA_PAUSE_AFTER_OPS: pause, OPENDATA_PAUSE_GATE: gate } = process.env;
const fileOps = crash ? stopAfter(Number(crash), 'kill') : pause && gate ? pauseAfter(Number(pause), gate) : undefined;

await runFromProcess(fileOps ? { fileOps } : {});
