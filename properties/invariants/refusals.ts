import { worldDifference } from './differences';
import { define } from './step';
import { said } from './vocabulary';

/** Refusals: a refused or invalid command changes nothing. */

export const refusalsChangeNothing = define('ASM-06 ASM-08 a refused or invalid command changes nothing, except an auto-installation left Waiting for Approval', (step) => {
  const o = step.outcome;
  if (o.kind === 'accepted') return undefined;
  if (o.kind === 'refused' && o.transitions.length > 0) return undefined; // permittedMethods checks those
  const d = worldDifference(step.before, step.after);
  return d ? { message: `${step.command.type} was ${said(o)} but changed ${d}` } : undefined;
});
