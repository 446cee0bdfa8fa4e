import type { Command, CommandOf } from '../../model';
import { worldDifference } from './differences';
import { define } from './step';
import { createdAndHeld, isPresent } from './vocabulary';

/** Views: what the list, record pages, execution logs and the operations search show. */

const VIEW_COMMANDS = new Set<Command['type']>(['viewIntegrations', 'viewRecord', 'viewExecutionLog', 'searchOperations']);

export const views = define(
  'REC-03 REC-04 PERM-01 PERM-02 LOG-01 views change nothing and show what the account holds: the list its held records, a record page the shared fields with this account\'s State and Note, an execution log only that record\'s requests here, the operations search every request with its Integration to those who may see it',
  (step) => {
    const cmd = step.command;
    if (!VIEW_COMMANDS.has(cmd.type)) return undefined;
    const o = step.outcome;
    const d = worldDifference(step.before, step.after);
    if (d) return { message: `${cmd.type} in "${'account' in cmd ? cmd.account : ''}" changed ${d}` };
    if (o.kind !== 'accepted' || !o.view) return undefined;
    const account = step.before.accounts[(cmd as CommandOf<'viewRecord'>).account];
    const view = o.view;
    switch (view.type) {
      case 'integrationList': {
        const held = Object.entries(account.installations).filter(([, i]) => isPresent(i.state));
        if (held.length !== view.entries.length) return { message: `the Integrations list of "${account.name}" shows ${view.entries.length} records; it holds ${held.length}` };
        for (const e of view.entries) {
          const inst = account.installations[e.record];
          if (!inst || inst.state !== e.state || step.before.records[e.record].name !== e.name) return { message: `the Integrations list of "${account.name}" shows "${e.record}" as ${e.state}` };
          if (e.owned !== createdAndHeld(step.before, account.name, e.record)) return { message: `the Integrations list of "${account.name}" misstates who owns "${e.record}"` };
        }
        return undefined;
      }
      case 'record': {
        const r = step.before.records[view.record];
        const inst = account.installations[view.record];
        if (view.name !== r.name || view.description !== r.description || view.authentication.userCredentials !== r.authentication.userCredentials
          || view.authentication.tokenBased !== r.authentication.tokenBased) return { message: `the page of "${view.record}" in "${account.name}" shows common fields other than the record's (REC-04)` };
        if (view.state !== inst.state || view.note !== inst.note) return { message: `the page of "${view.record}" in "${account.name}" shows another account's State or Note` };
        if (view.record !== (cmd as CommandOf<'viewRecord'>).record) return { message: `the page of "${(cmd as CommandOf<'viewRecord'>).record}" in "${account.name}" shows "${view.record}"` };
        if (view.owned !== createdAndHeld(step.before, account.name, view.record)) return { message: `the page of "${view.record}" in "${account.name}" misstates who owns it` };
        return undefined;
      }
      case 'executionLog': {
        const log = account.installations[view.record].log;
        if (view.entries.length !== log.length || view.entries.some((e, i) => e.seq !== log.at(i)?.seq)) return { message: `the execution log of "${view.record}" in "${account.name}" is not its own requests` };
        return undefined;
      }
      case 'operationsSearch': {
        if (view.entries.length !== account.usageLog.length) return { message: `the operations search of "${account.name}" shows ${view.entries.length} of ${account.usageLog.length} requests` };
        // The Integration column names the record that tracked each request, for those who may see it (PERM-02).
        for (const [i, e] of view.entries.entries()) {
          const logged = account.usageLog.at(i);
          const tracked = logged?.trackedBy === 'default' ? 'Default Web Services Integrations' : step.before.records[logged?.trackedBy ?? '']?.name;
          if (e.seq !== logged?.seq || e.integration !== (view.integrationField ? tracked : undefined)) {
            return { message: `the operations search of "${account.name}" shows request ${e.seq} with Integration ${e.integration ?? '(hidden)'}` };
          }
        }
        return undefined;
      }
    }
  },
  ['viewIntegrations', 'viewRecord', 'viewExecutionLog', 'searchOperations'],
);
