import { parseArgs } from 'node:util';
import { CoverageRecorder } from '../io/recorder';
import { ENDPOINT_VERSIONS } from '../model';
import { servicePath, wsdlPath } from './namespaces';
import { startSimulator, type Simulator } from './server';

/**
 * `npm run serve`: a NetSuite-compatible simulator on 127.0.0.1. Prints its URL, each
 * account's ID and where the credentials are; then one line per refused request. Ctrl-C or
 * SIGTERM closes it and writes what clients exercised to the coverage data (npm run report).
 */

const HELP = `Usage: npm run serve -- [options]

  --port N        port to listen on (default 0: a free port)
  --host HOST     address to bind (default 127.0.0.1)
  --world FILE    start from a simulation file (the format npm run simulate reads)
  --seed N        seed of an empty starting world (default 1; a --world file has its own)
  --audit FILE    append every answered request to FILE as JSON lines (secrets redacted)
  --audit-limit N how many entries GET /__harness/audit keeps, newest last (default 10000;
                  the --audit file keeps every one)
  --help          this text

Secrets (consumer keys and secrets, token IDs and secrets, passwords) are served only by
GET <url>/__harness/credentials; nothing printed or logged shows them.`;

export function parseCli(argv: readonly string[]) {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      port: { type: 'string' }, host: { type: 'string' }, world: { type: 'string' }, seed: { type: 'string' }, audit: { type: 'string' }, 'audit-limit': { type: 'string' }, help: { type: 'boolean' },
    },
    strict: true,
  });
  const int = (name: string, v: string | undefined, min: number, max: number): number | undefined => {
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isInteger(n) || n < min || n > max) throw new Error(`--${name}: Invalid value "${v}": should be an integer from ${min} to ${max}`);
    return n;
  };
  return {
    help: values.help === true,
    port: int('port', values.port, 0, 65535),
    seed: int('seed', values.seed, -(2 ** 31), 2 ** 31 - 1),
    host: values.host,
    world: values.world,
    audit: values.audit,
    auditLimit: int('audit-limit', values['audit-limit'], 1, 10_000_000),
  };
}

export function banner(sim: Simulator): string {
  const newest = ENDPOINT_VERSIONS[ENDPOINT_VERSIONS.length - 1];
  const accounts = sim.accounts.length === 0
    ? ['  (none yet: POST model commands to /__harness/commands)']
    : sim.accounts.map((a) => `  ${a.accountId.padEnd(14)} ${a.name} (${a.kind})`);
  return [
    `NetSuite simulator listening on ${sim.url}`,
    'Accounts:',
    ...accounts,
    `Credentials for clients: GET ${sim.url}/__harness/credentials`,
    `SOAP:      POST ${sim.url}${servicePath(newest)}   (WSDL ${sim.url}${wsdlPath(newest)}; every endpoint from 2014_2)`,
    `RESTlets:  ${sim.url}/app/site/hosting/restlet.nl?script=N&deploy=M   Issue Token: ${sim.url}/rest/issuetoken?consumerKey=...`,
    `Audit:     GET ${sim.url}/__harness/audit   World: GET ${sim.url}/__harness/world   Reset: POST ${sim.url}/__harness/reset`,
    'Refused requests are printed below. Ctrl-C stops.',
  ].join('\n');
}

async function main(): Promise<void> {
  let args: ReturnType<typeof parseCli>;
  try {
    args = parseCli(process.argv.slice(2));
  } catch (e) {
    console.error(`${e instanceof Error ? e.message : String(e)}\n\n${HELP}`);
    process.exit(2);
  }
  if (args.help) {
    console.log(HELP);
    return;
  }
  const recorder = new CoverageRecorder('scenario', 'wire: requests answered by npm run serve');
  const sim = await startSimulator({
    ...(args.port !== undefined ? { port: args.port } : {}),
    ...(args.seed !== undefined ? { seed: args.seed } : {}),
    ...(args.host !== undefined ? { host: args.host } : {}),
    ...(args.world !== undefined ? { world: args.world } : {}),
    ...(args.audit !== undefined ? { audit: args.audit } : {}),
    ...(args.auditLimit !== undefined ? { auditLimit: args.auditLimit } : {}),
    recorder,
    onRefusal: (line) => console.log(line),
  });
  console.log(banner(sim));
  let closing = false;
  const stop = (signal: string) => {
    if (closing) return;
    closing = true;
    void sim.close().then(() => {
      recorder.finish('passed');
      console.log(`Stopped (${signal}).`);
      process.exit(0);
    });
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  });
}
