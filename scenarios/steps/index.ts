import type { StepArea } from '../library';
import { accountSteps } from './accounts';
import { distributionSteps } from './distribution';
import { fieldSteps } from './fields';
import { outcomeSteps } from './outcomes';
import { recordSteps } from './records';
import { requestSteps } from './requests';
import { stateSteps } from './state';
import { viewSteps } from './views';

/** The whole step library, in catalogue order. */
export const STEP_AREAS: readonly StepArea[] = [accountSteps, recordSteps, distributionSteps, requestSteps, viewSteps, outcomeSteps, stateSteps, fieldSteps];
