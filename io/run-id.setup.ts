import { currentRunId } from './recorder';

/** vitest globalSetup: one run ID for the whole vitest invocation, inherited by its workers. */
export default function setup(): void {
  currentRunId();
}
