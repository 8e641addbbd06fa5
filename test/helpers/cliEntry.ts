// Runs the CLI from source in a child process (tests that need a real process, e.g. to kill it).
import { runFromProcess } from '../../pipeline/cli.ts';

await runFromProcess();
