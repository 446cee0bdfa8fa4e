import type { Command } from '../../model';

/** A command in a few words for a failure message: its type, account and what it names (no secrets: commands carry none). */
export function describeCommand(command: Command): string {
  if (command.type === 'request') {
    const r = command.request;
    return `${r.channel === 'soap' ? `the SOAP ${r.operation} on ${r.endpoint}` : `the RESTlet ${r.method} call`} in "${r.account}" with ${r.auth.kind === 'tba' ? 'token-based authentication' : r.auth.kind}`;
  }
  if (command.type === 'login') return `the ${command.operation} on ${command.endpoint} in "${command.account}" with ${command.auth.kind === 'tba' ? 'token-based authentication' : command.auth.kind}`;
  return `${command.type}${'account' in command ? ` in "${command.account}"` : ''}`;
}
