/**
 * npm run bench: every performance figure of the project, measured in one run on this
 * machine and printed with ratios. Tests never time anything; this script does.
 */
import { runPropertyBench } from '../properties/bench';
import { runExplorerBench } from '../explorer/bench';
import { runWireBench } from '../wire/bench';
import { helpOrRefuse } from '../io/args';

const USAGE = `usage: npm run bench
  Prints every performance figure of the project with its ratios, measured in one run: checked
  commands per second against bare ones, the explorer states per second against the
  xstate-driven baseline, and the wire simulator's requests per second and server CPU per
  request (autocannon, 50 connections, three rounds taking turns with a bare fastify server),
  after 1,000 and after 100,000 accepted requests, its p99 latency paced at 2,000 requests a
  second (loadtest, three rounds taking turns with the bare server), and its resident memory.
  Takes about four minutes; tests never time anything.`;



async function main(): Promise<void> {
  const early = helpOrRefuse('bench', USAGE, process.argv.slice(2));
  if (early !== undefined) {
    process.exitCode = early;
    return;
  }
  console.log(`bench: node ${process.version}, ${process.platform}/${process.arch}\n`);
  await runPropertyBench();
  console.log('');
  await runExplorerBench();
  console.log('');
  await runWireBench();
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
