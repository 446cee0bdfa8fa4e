/**
 * The layer order, declared once and checked by `npm run layers` (part of `npm test`).
 * Bottom to top; a module may import its own layer and the layers below it, never above:
 *
 *   model      the statechart, the world, rule IDs and traces: pure, no I/O
 *   io         file edges shared by everything above: the coverage recorder, the all-or-nothing writer
 *   planner    breadth-first search for the shortest command sequences (pure, over the model)
 *   wire       the simulator: HTTP codecs around the model
 *   scenarios  the cucumber World, steps, the Gherkin printer
 *   properties fast-check arbitraries, invariants, the decision table
 *   explorer   exhaustive exploration (uses the invariants and the Gherkin printer)
 *   reports    coverage merging and rendering (the Gherkin printer is passed in)
 *   commands   command lines: scripts/ and every <folder>/cli.ts, free to wire the layers together
 *
 * Tests, test helpers and benches (*.test.ts, *.mutation.ts, bench.ts, testing/ folders) sit
 * above everything. No cycles anywhere.
 */
const LAYERS = ['model', 'io', 'planner', 'wire', 'scenarios', 'properties', 'explorer', 'reports'];
const COMMANDS = '^(scripts/|[a-z]+/cli\\.ts$)';
const NODE_IO = '(node:)?(fs|fs/promises|path|http|https|net|child_process|process|os|crypto|worker_threads|readline)';
const TESTS = '(\\.test\\.ts$|\\.mutation\\.ts$|/bench\\.ts$|/testing/)';

const upward = LAYERS.map((layer, i) => ({
  name: `no-upward-from-${layer}`,
  comment: `${layer}/ sits below ${LAYERS.slice(i + 1).join(', ')} and the command lines: import downward only (see .dependency-cruiser.cjs)`,
  severity: 'error',
  from: { path: `^${layer}/`, pathNot: [COMMANDS, TESTS] },
  to: { path: [`^(${LAYERS.slice(i + 1).join('|') || 'none'})/`, COMMANDS, TESTS].filter(Boolean) },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'A file cycle hides which module is the lower one; break it by moving the shared part down.',
      severity: 'error',
      from: { pathNot: TESTS },
      to: { circular: true },
    },
    {
      name: 'model-is-pure',
      comment: 'model/ is pure: no file system, network, process or clock modules.',
      severity: 'error',
      from: { path: '^model/', pathNot: TESTS },
      to: { dependencyTypes: ['core'], path: `^${NODE_IO}$` },
    },
    {
      name: 'model-through-its-index',
      comment: 'Import the model through model/index.ts, its one public entry point.',
      severity: 'error',
      from: { pathNot: ['^model/', TESTS] },
      to: { path: '^model/', pathNot: '^model/index\\.ts$' },
    },
    ...upward,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    includeOnly: ['^(model|io|planner|wire|scenarios|properties|explorer|reports|scripts)/', `^${NODE_IO}$`],
    exclude: { path: '(^node_modules|^reports/out|^scenarios/fixtures)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.js', '.json'] },
  },
};
