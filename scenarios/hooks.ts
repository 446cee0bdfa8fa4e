import { After, AfterAll, Before, BeforeAll, BeforeStep, Status } from '@cucumber/cucumber';
import { idsIn } from '../model';
import { CoverageRecorder, type CheckStatus } from '../io/recorder';
import { targetFromEnv, WireTarget } from './wire/target';
import type { HarnessWorld } from './world';

/**
 * Per-scenario set-up and tear-down: the seed and coverage recorder before, the coverage record
 * (and, on failure, the seed and how to repeat the run) after. Kept thin on purpose.
 */

/** HARNESS_TARGET=wire: one simulator per cucumber worker, started before its first scenario. */
const target = targetFromEnv(process.env.HARNESS_TARGET);
let wire: WireTarget | undefined;

BeforeAll(async function () {
  if (target === 'wire') wire = await WireTarget.start();
});

AfterAll(async function () {
  await wire?.close();
  wire = undefined;
});

Before(function (this: HarnessWorld, { pickle }) {
  // Coverage is the model run's: the same scenarios over the wire would count every check twice.
  const recorder = wire ? undefined : new CoverageRecorder('scenario', pickle.name, pickle.uri);
  recorder?.checks(pickle.tags.flatMap((t) => idsIn(t.name)));
  this.begin(pickle.name, recorder, wire);
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

// Defined last, so it runs before the hook above: on the wire, a scenario that passed ends with the simulator's world equal to the model's.
After(async function (this: HarnessWorld, { result }) {
  if (!this.wire || result?.status !== Status.PASSED) return;
  const difference = await this.wire.worldDifference(this.model);
  if (difference) throw new Error(`At the end of the scenario the simulator's world differs from the model's at ${difference}`);
});
