/** The model's public entry point: the statechart, the world, commands and outcomes. */
export { lifecycleMachine, type LifecycleEvent, type LifecycleEventType, type LifecycleState, type Origin, type PresentState } from './lifecycle.machine';
export {
  compileLifecycle, deriveTransitions, INITIAL_STATE, lifecycle, LIFECYCLE_STATES, PRESENT_STATES, transitionId, xstateStepper,
  type LifecycleStep, type LifecycleStepper, type TransitionDef,
} from './lifecycle.table';
export { apply, applyAll, createWorld, type Result, type WorldOptions } from './world';
export * from './commands';
export * from './outcomes';
export * from './types';
export { Log } from './log';
export { NonceWindow } from './nonces';
export { RULES, RULE_IDS, isRuleId, type RuleId } from './rules';
export { ASSUMPTIONS, ASSUMPTION_IDS, FACTS, FACT_IDS, type AssumptionId, type FactId } from './assumptions';
export { ENDPOINT_VERSIONS, compareEndpoints, endpointEra, isEndpointVersion, type EndpointEra, type EndpointVersion } from './endpoints';
export { DELIBERATE_FAULTS, DELIBERATE_FAULT_IDS, faultsFromEnv, isDeliberateFault, type DeliberateFault } from './faults';
export { PERMISSIONS, may, type UserAction } from './permissions';
export { parseCommand, CommandShapeError } from './parse';
export { findConfidential, redact, redactText, redactValue } from './redact';
export { APPLICATION_ID_PATTERN, normaliseApplicationId } from './random';
export { isPresent, stateIn } from './state';
export { idsIn } from './ids';
export type { Expectation, Trace } from './trace';
export { formatSimulationFile, parseSimulationFile, SimulationFileError, type SimulationFile } from './simulation';
export { describeIssues, fieldPath, JsonTextError, parseJsonText } from './json';
