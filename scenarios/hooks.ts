import { After, Before, BeforeStep, Status } from '@cucumber/cucumber';
import { idsIn } from '../model';
import { CoverageRecorder, type CheckStatus } from '../io/recorder';
import type { HarnessWorld } from './world';

/**
 * Per-scenario set-up and tear-down: the seed and coverage recorder before, the coverage record
 * (and, on failure, the seed and how to repeat the run) after. Kept thin on purpose.
 */

Before(function (this: HarnessWorld, { pickle }) {
  const recorder = new CoverageRecorder('scenario', pickle.name, pickle.uri);
  recorder.checks(pickle.tags.flatMap((t) => idsIn(t.name)));
  this.begin(pickle.name, recorder);
});

// Given steps (and the And steps after them) set the scene: the World refuses to let them be refused.
BeforeStep(function (this: HarnessWorld, { pickleStep }) {
  this.stepIsSetUp = pickleStep.type === 'Context';
});

/** Cucumber's result as a check status: undefined and pending steps say so, anything else not passed or skipped failed. */
function checkStatus(status: (typeof Status)[keyof typeof Status] | undefined): CheckStatus {
  if (status === Status.PASSED) return 'passed';
  if (status === Status.SKIPPED) return 'skipped';
  if (status === Status.UNDEFINED || status === Status.PENDING) return 'undefined';
  return 'failed';
}

After(function (this: HarnessWorld, { result }) {
  const status = checkStatus(result?.status);
  const failed = status === 'failed';
  this.recorder?.finish(status);
  // text/plain, because the console formatters print only plain-text attachments in full.
  if (failed) this.attach(this.seedReport(), 'text/plain');
});
