import { apply, createWorld, describeInvalid, formatSimulationFile, normaliseApplicationId, redactText, type ApplicationIdRef, type Auth, type Command, type CommandOf, type Expectation, type RecordChanges, type Trace, type World } from '../model';
import { authToPhrase, printAuthPhrase, quote, type AppIdPhrase } from './auth-phrase';
import { EDIT_FIELD, printMethods, printWord, ROLE, STATE, TEXT_FIELD, type EditField } from './vocabulary';

/**
 * Prints a trace (commands from an empty world plus expectations) as a Gherkin feature that
 * uses only the step library's phrases, one step per command, and as a simulation file.
 *
 *   const text = traceToGherkin({ title: 'Blocked record', tags: ['STATE-01'], seed: 7, faults: [],
 *     commands: [...], expectations: [{ type: 'outcome', kind: 'refused', rule: 'STATE-01' }] });
 *   writeFileSync('blocked.feature', text);   // npx cucumber-js -p adhoc blocked.feature
 *
 * The printer replays the trace through the model (it is pure) for two reasons: a literal
 * Application ID is printed as what it is (a record's ID, an unknown one, a malformed one),
 * never as its digits; and a command the model rejects as malformed (an unknown name, say)
 * cannot be a step, so it is printed as a comment, which changes nothing since such a
 * command leaves the world as it was.
 */

/** One command as the printer sees it after replay. */
interface Printed {
  readonly command: Command;
  /** The step text without keyword (may continue with data-table lines), or undefined for a comment. */
  readonly step?: string;
  readonly comment?: string;
  /** The model refused it: it can only be an attempt (When), never a set-up step. */
  readonly refused?: boolean;
}

const INDENT = '    ';

function actor(account: string, user: string | undefined): string {
  return user === undefined ? quote(account) : `${quote(user)} in ${quote(account)}`;
}

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}

/** A data-table cell: Gherkin unescapes \\, \| and \n inside cells. */
function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\n/g, '\\n');
}

function table(rows: readonly (readonly [string, string])[]): string {
  const width = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `\n${INDENT}  | ${k.padEnd(width)} | ${cell(v)} |`).join('');
}

/** Text that can sit inside a quoted step argument on one line. */
function inlineSafe(text: string): boolean {
  return !/[\n\r\\]/.test(text);
}

/** What a literal Application ID is in this world. */
function literalKind(world: World, literal: string): AppIdPhrase {
  const id = normaliseApplicationId(literal);
  if (id === undefined) return { malformed: true };
  const record = Object.values(world.records).find((r) => r.applicationId === id);
  return record ? { of: record.ref } : { unknown: true };
}

function authText(world: World, auth: Auth, receivedAt?: number): string {
  return printAuthPhrase(authToPhrase(auth, (lit) => literalKind(world, lit), receivedAt));
}

function hasMalformedLiteral(world: World, auth: Auth): boolean {
  if (auth.kind !== 'passport' && auth.kind !== 'tba') return false;
  const ref = auth.applicationId;
  return ref !== undefined && 'literal' in ref && 'malformed' in literalKind(world, ref.literal);
}

function authOf(command: Command): Auth | undefined {
  if (command.type === 'login') return command.auth;
  if (command.type === 'request') return command.request.auth;
  return undefined;
}

const FIELD_ORDER: readonly EditField[] = ['name', 'description', 'authentication', 'state', 'note', 'applicationId', 'consumerKey', 'consumerSecret'];

/**
 * Values typed into the never-editable confidential fields are always refused (REC-02, REC-05)
 * whatever they are, so one that looks like an Application ID or secret is printed redacted.
 */
const CONFIDENTIAL_FIELDS = ['applicationId', 'consumerKey', 'consumerSecret'] as const satisfies readonly EditField[];

function changeValue(changes: RecordChanges, field: EditField): string | undefined {
  if (field === 'authentication') return changes.authentication && printMethods(changes.authentication);
  if (field === 'state') return changes.state && printWord(STATE, changes.state);
  const value = changes[field];
  return value !== undefined && (CONFIDENTIAL_FIELDS as readonly EditField[]).includes(field) ? redactText(value) : value;
}

function editStep(cmd: CommandOf<'editRecord'>): string {
  const who = actor(cmd.account, cmd.user);
  const rec = quote(cmd.record);
  const fields = FIELD_ORDER.filter((f) => cmd.changes[f] !== undefined);
  if (fields.length === 1) {
    const [f] = fields;
    if (f === 'state' && cmd.changes.state) return `${who} sets the State of ${rec} to ${printWord(STATE, cmd.changes.state)}`;
    if (f === 'authentication' && cmd.changes.authentication) return `${who} sets the Authentication of ${rec} to ${printMethods(cmd.changes.authentication)}`;
    const value = changeValue(cmd.changes, f);
    if (f !== 'state' && f !== 'authentication' && value !== undefined && inlineSafe(value)) return `${who} sets the ${printWord(TEXT_FIELD, f)} of ${rec} to ${quote(value)}`;
  }
  const rows = fields.map((f) => [printWord(EDIT_FIELD, f), changeValue(cmd.changes, f) ?? ''] as const);
  return `${who} edits the integration record ${rec}:${table(rows)}`;
}

function createStep(cmd: CommandOf<'createRecord'>): string {
  const base = `${actor(cmd.account, cmd.user)} creates the integration record ${quote(cmd.record)} permitting ${printMethods(cmd.authentication)}`;
  const rows: (readonly [string, string])[] = [];
  if (cmd.name !== undefined) rows.push(['Name', cmd.name]);
  if (cmd.description !== undefined) rows.push(['Description', cmd.description]);
  if (cmd.state !== undefined) rows.push(['State', printWord(STATE, cmd.state)]);
  return rows.length === 0 ? base : `${base} with:${table(rows)}`;
}

function names(list: readonly string[]): string {
  const q = list.map(quote);
  return q.length <= 1 ? q.join('') : `${q.slice(0, -1).join(', ')} and ${q[q.length - 1]}`;
}

/** The step text (without keyword) for one command, in the world it runs in. */
function commandToStep(world: World, cmd: Command): string {
  switch (cmd.type) {
    case 'addAccount':
      return `a ${cmd.kind} account ${quote(cmd.account)}`;
    case 'addSandbox':
      return `a sandbox ${quote(cmd.account)} of ${quote(cmd.production)}`;
    case 'addUser':
      return cmd.email === undefined
        ? `${quote(cmd.account)} has a user ${quote(cmd.user)} whose role is ${printWord(ROLE, cmd.role)}`
        : `${quote(cmd.account)} has a user ${quote(cmd.user)} with e-mail ${quote(cmd.email)} whose role is ${printWord(ROLE, cmd.role)}`;
    case 'createRecord':
      return createStep(cmd);
    case 'editRecord':
      return editStep(cmd);
    case 'regenerateCredentials':
      return `${actor(cmd.account, cmd.user)} regenerates the consumer key and secret of ${quote(cmd.record)}`;
    case 'createBundle':
      return `${quote(cmd.account)} creates the bundle ${quote(cmd.bundle)} containing ${names(cmd.records)}`;
    case 'installBundle':
      return `${quote(cmd.account)} installs the bundle ${quote(cmd.bundle)}`;
    case 'uninstallBundle':
      return `${quote(cmd.account)} uninstalls the bundle ${quote(cmd.bundle)}`;
    case 'createAccessToken':
      return `${actor(cmd.account, cmd.user)} creates the access token ${quote(cmd.token)} for ${quote(cmd.record)}`;
    case 'issueToken':
      return `the application ${quote(cmd.record)} calls the Issue Token endpoint for ${actor(cmd.account, cmd.user)}, receiving the token ${quote(cmd.token)}`;
    case 'setPreference':
      return cmd.preference === 'requireApproval'
        ? `Require Approval is ${cmd.value ? 'checked' : 'unchecked'} in ${quote(cmd.account)}`
        : `the Token-Based Authentication feature is ${cmd.value ? 'enabled' : 'disabled'} in ${quote(cmd.account)}`;
    case 'setDefaultRecordState':
      return `the Default Web Services Integrations record is ${printWord(STATE, cmd.state)} in ${quote(cmd.account)}`;
    case 'refreshSandbox':
      return `the sandbox ${quote(cmd.account)} is refreshed`;
    case 'viewIntegrations':
      return `${actor(cmd.account, cmd.user)} opens the Integrations list`;
    case 'viewRecord':
      return `${actor(cmd.account, cmd.user)} views the integration record ${quote(cmd.record)}`;
    case 'viewExecutionLog':
      return `${actor(cmd.account, cmd.user)} opens the execution log of ${quote(cmd.record)}`;
    case 'searchOperations':
      return `${actor(cmd.account, cmd.user)} searches the SOAP web services operations`;
    case 'login':
      return `${quote(cmd.account)} receives ${article(cmd.operation)} ${cmd.operation} request on endpoint ${cmd.endpoint} for the session ${quote(cmd.session)} with ${authText(world, cmd.auth)}`;
    case 'logout':
      return `${quote(cmd.account)} receives a logout request on endpoint ${cmd.endpoint} for the session ${quote(cmd.session)}`;
    case 'request': {
      const r = cmd.request;
      return r.channel === 'soap'
        ? `${quote(r.account)} receives ${article(r.operation)} ${r.operation} request on endpoint ${r.endpoint} with ${authText(world, r.auth, r.receivedAt)}`
        : `${quote(r.account)} receives a RESTlet ${r.method} call with ${authText(world, r.auth, r.receivedAt)}`;
    }
  }
}

/** Replays the trace: each command with its step, or a comment when the model rejects it as malformed. */
function replay(trace: Trace): Printed[] {
  let world = createWorld({ seed: trace.seed, faults: trace.faults });
  return trace.commands.map((command, i) => {
    const before = world;
    const { world: next, outcome } = apply(world, command);
    world = next;
    const auth = authOf(command);
    // Only a malformed Application ID is malformed on purpose, and its step expects that answer.
    const onPurpose = auth !== undefined && hasMalformedLiteral(before, auth) && outcome.kind === 'invalid' && outcome.at.includes('applicationId');
    if (outcome.kind === 'invalid' && !onPurpose) {
      return { command, comment: `# commands[${i}] is not a step: the model rejects it as malformed (${redactText(describeInvalid(outcome))})` };
    }
    return { command, step: commandToStep(before, command), refused: outcome.kind !== 'accepted' };
  });
}

export function expectationToStep(e: Expectation): string[] {
  switch (e.type) {
    case 'outcome':
      if (e.kind === 'accepted') return ['it is accepted'];
      return [e.rule ? `it is refused by ${e.rule}` : 'it is refused', ...(e.message !== undefined ? [`it is refused with ${quote(e.message)}`] : [])];
    case 'state':
      return [`the integration record ${quote(e.record)} is ${printWord(STATE, e.state)} in ${quote(e.account)}`];
  }
}

function oneLine(text: string, fallback: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t === '' ? fallback : t;
}

function tagLine(tags: readonly string[]): string {
  const clean = [...new Set(tags.map((t) => t.replace(/^@/, '').replace(/\s+/g, '-')).filter((t) => t !== ''))];
  return clean.map((t) => `@${t}`).join(' ');
}

/**
 * The Scenario block alone (indented for a Feature), so several traces can share one feature
 * file. Steps: the seed, then one per command, then the expectations. Commands are set-up steps
 * (And after the seed's Given) up to the first one the model refuses or the last one, which is
 * the When; the rest follow it as And: set-up steps must be accepted, attempts may be refused.
 */
function traceToScenario(trace: Trace): string {
  const printed = replay(trace);
  const last = printed.map((p) => p.step !== undefined).lastIndexOf(true);
  const firstRefused = printed.findIndex((p) => p.step !== undefined && p.refused);
  const when = firstRefused >= 0 && firstRefused < last ? firstRefused : last;
  const lines: string[] = [];
  const tags = tagLine(trace.tags);
  if (tags) lines.push(`  ${tags}`);
  lines.push(`  Scenario: ${oneLine(trace.title, 'Trace')}`);
  lines.push(`${INDENT}Given the scenario seed is ${trace.seed}`);
  printed.forEach((p, i) => {
    if (p.step === undefined) lines.push(`${INDENT}${p.comment ?? ''}`);
    else lines.push(`${INDENT}${i === when ? 'When' : 'And'} ${p.step}`);
  });
  trace.expectations.flatMap(expectationToStep).forEach((s, i) => lines.push(`${INDENT}${i === 0 ? 'Then' : 'And'} ${s}`));
  return `${lines.join('\n')}\n`;
}

/** A complete feature file for one trace. */
export function traceToGherkin(trace: Trace): string {
  const header = [`# Printed by scenarios/gherkin.ts from a trace (seed ${trace.seed}).`];
  if (trace.faults.length > 0) {
    header.push(`# Found with deliberate faults: run with HARNESS_FAULT=${trace.faults.join(',')} to reproduce, e.g.`);
    header.push(`#   HARNESS_FAULT=${trace.faults.join(',')} npx cucumber-js -p adhoc THIS_FILE.feature`);
  }
  return `${header.join('\n')}\nFeature: ${oneLine(trace.title, 'Trace')}\n\n${traceToScenario(trace)}`;
}

/**
 * Literal Application IDs that are a record's ID become references to it, and values typed into
 * confidential fields are redacted (they are refused whatever they are), so no ID is written out.
 */
function withoutRecordIds(world: World, cmd: Command): Command {
  const fix = (ref: ApplicationIdRef | undefined): ApplicationIdRef | undefined => {
    if (ref === undefined || !('literal' in ref)) return ref;
    const kind = literalKind(world, ref.literal);
    return 'of' in kind ? { of: kind.of } : ref;
  };
  const fixAuth = (auth: Auth): Auth => {
    if (auth.kind !== 'passport' && auth.kind !== 'tba') return auth;
    const applicationId = fix(auth.applicationId);
    return applicationId === undefined ? auth : { ...auth, applicationId };
  };
  if (cmd.type === 'editRecord') {
    const changes = { ...cmd.changes };
    for (const f of CONFIDENTIAL_FIELDS) {
      const v = changes[f];
      if (v !== undefined) changes[f] = redactText(v);
    }
    return { ...cmd, changes };
  }
  if (cmd.type === 'login') return { ...cmd, auth: fixAuth(cmd.auth) };
  if (cmd.type === 'request') return { ...cmd, request: { ...cmd.request, auth: fixAuth(cmd.request.auth) } };
  return cmd;
}

/** The trace as a simulate file (`npm run simulate -- FILE.json`). */
export function traceToSimulation(trace: Trace): string {
  let world = createWorld({ seed: trace.seed, faults: trace.faults });
  const commands = trace.commands.map((cmd) => {
    const safe = withoutRecordIds(world, cmd);
    world = apply(world, cmd).world;
    return safe;
  });
  return formatSimulationFile({ seed: trace.seed, faults: trace.faults, commands, origin: `trace: ${oneLine(trace.title, 'Trace')}` });
}
