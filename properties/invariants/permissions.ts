import { DEFAULT_USER } from '../../model';
import { define } from './step';
import { ACCEPTED, GRANTS, refusedBy, roleOf, said } from './vocabulary';

/** Permissions: what each role may do. */

export const permissions = define(
  'PERM-01 PERM-02 ASM-11 every user action is allowed exactly when the user\'s permissions allow it: the list page needs Integration Applications (List), record pages and changes need Integration Application (Full), which also shows the Integration field',
  (step) => {
    const cmd = step.command;
    const o = step.outcome;
    if (o.kind === 'invalid') return undefined;
    let needs: 'list' | 'full' | undefined;
    switch (cmd.type) {
      case 'viewIntegrations': needs = 'list'; break;
      case 'viewRecord': case 'viewExecutionLog': case 'createRecord': case 'editRecord': case 'regenerateCredentials': needs = 'full'; break;
      case 'searchOperations': break;
      default: return undefined;
    }
    const role = roleOf(step.before, cmd.account, cmd.user);
    if (!role) return undefined;
    const what = `${cmd.type} by ${cmd.user ?? DEFAULT_USER} (${role}) in "${cmd.account}"`;
    if (needs) {
      const allowed = GRANTS[role][needs];
      const denied = o.kind === 'refused' && o.fault.code === 'INSUFFICIENT_PERMISSION';
      const rule = needs === 'list' ? 'PERM-01' : 'PERM-02';
      if (!allowed && (!denied || o.rule !== rule)) return { message: `${what} was ${said(o)}; expected a refusal by ${rule}`, expectations: [refusedBy(rule)] };
      if (allowed && denied) return { message: `${what} was refused for permission` };
      return undefined;
    }
    if (o.kind !== 'accepted' || o.view?.type !== 'operationsSearch') return { message: `${what} was ${said(o)}; every role may search operations`, expectations: [ACCEPTED] };
    return o.view.integrationField === GRANTS[role].full ? undefined : { message: `${what} ${o.view.integrationField ? 'shows' : 'hides'} the Integration field` };
  },
  ['viewIntegrations', 'viewRecord', 'viewExecutionLog', 'searchOperations', 'createRecord', 'editRecord', 'regenerateCredentials'],
);
