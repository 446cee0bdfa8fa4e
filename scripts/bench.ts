/**
 * npm run bench: every performance figure of the project, measured in one run on this
 * machine and printed with ratios. Tests never time anything; this script does.
 */
import { runPropertyBench } from '../properties/bench';
import { runExplorerBench } from '../explorer/bench';

async function main(): Promise<void> {
  console.log(`bench: node ${process.version}, ${process.platform}/${process.arch}\n`);
  await runPropertyBench();
  console.log('');
  await runExplorerBench();
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
