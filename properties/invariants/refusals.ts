import { worldDifference } from './differences';
import { define } from './step';
import { isPresent, said, stateIn } from './vocabulary';

/** Refusals: a refused or invalid command changes nothing. */

export const refusalsChangeNothing = define('ASM-06 ASM-08 a refused or invalid command changes nothing, except an auto-installation left Waiting for Approval', (step) => {
  const o = step.outcome;
  if (o.kind === 'accepted') return undefined;
  if (o.kind === 'refused' && o.transitions.length > 0) return undefined; // permittedMethods checks those
  const d = worldDifference(step.before, step.after);
  return d ? { message: `${step.command.type} was ${said(o)} but changed ${d}` } : undefined;
});

const RECORD_COMMANDS = new Set<string>(['viewRecord', 'viewExecutionLog', 'editRecord', 'regenerateCredentials', 'createAccessToken']);

/** A record the account does not hold does not exist there, as NetSuite says of any record it cannot find. */
export const notHeldHere = define(
  'OWN-01 ASM-14 a record the account does not hold does not exist there: its page, log, edits, credentials and tokens are refused with RCRD_DSNT_EXIST, and only those',
  (step) => {
    const cmd = step.command;
    const o = step.outcome;
    if (!RECORD_COMMANDS.has(cmd.type) || o.kind === 'invalid' || !('record' in cmd)) return undefined;
    const held = isPresent(stateIn(step.before, cmd.account, cmd.record));
    const notFound = o.kind === 'refused' && o.fault.code === 'RCRD_DSNT_EXIST';
    const what = `${cmd.type} of "${cmd.record}" in "${cmd.account}"`;
    if (held && notFound) return { message: `${what}, which holds it, was refused as a record that does not exist` };
    if (!held && o.kind === 'accepted') return { message: `${what}, which does not hold it, was accepted` };
    if (!held && o.kind === 'refused' && (o.rule === 'OWN-01' || o.rule === 'ASM-14') && !notFound) return { message: `${what}, which does not hold it, was ${said(o)}; expected RCRD_DSNT_EXIST` };
    // A page or log may be refused only for permission before the record is looked up.
    const view = cmd.type === 'viewRecord' || cmd.type === 'viewExecutionLog';
    if (view && !held && o.kind === 'refused' && o.fault.code !== 'INSUFFICIENT_PERMISSION' && o.rule !== 'OWN-01') return { message: `${what}, which does not hold it, was ${said(o)}; expected a refusal by OWN-01` };
    return undefined;
  },
  ['viewRecord', 'viewExecutionLog', 'editRecord', 'regenerateCredentials', 'createAccessToken'],
);
