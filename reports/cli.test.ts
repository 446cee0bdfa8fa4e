import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main, parseArgs, UsageError } from './cli';
import { parseExplorerText } from './explorer';
import { esc } from './html';
import { parseThresholds, readThresholds } from './threshold-check';

/** The report's command line, its configuration file and its small pure helpers. */

function sink(): { stream: NodeJS.WritableStream; text: () => string } {
  let text = '';
  return { stream: { write: (s: string) => ((text += s), true) } as unknown as NodeJS.WritableStream, text: () => text };
}

describe('npm run report options', () => {
  it('takes repeatable --raw (one per CI shard), --out, --check and --max-path-length', () => {
    const o = parseArgs(['--raw', 'a', '--raw=b', '--out', 'o', '--check', '--max-path-length', '2']);
    expect(o.report.rawDirectories).toEqual(['a', 'b']);
    expect(o.report.outDir).toBe('o');
    expect(o.report.maxPathLength).toBe(2);
    expect(o.check).toBe(true);
    expect(parseArgs([]).report.rawDirectories).toEqual([join('reports', 'out', 'raw')]);
  });

  it.each([
    [['--shard', '1'], /unknown option "--shard": should be one of --raw, --out, --max-path-length, --thresholds, --explorer, --check, --no-explorer/],
    [['extra'], /unknown argument "extra"/],
    [['--raw'], /--raw needs a value/],
    [['--raw', '--check'], /--raw needs a value/],
    [['--max-path-length', 'three'], /--max-path-length: Invalid value "three": should be a whole number from 1 to 4/],
    [['--max-path-length', '7'], /--max-path-length: Invalid value "7": should be a whole number from 1 to 4/],
    [['--check=yes'], /--check takes no value/],
    [['--out', 'a', '--out', 'b'], /--out given twice/],
    [['--no-explorer', '--explorer', 'x.json'], /contradict/],
  ])('%j is refused with a message saying what to write', (args, message) => {
    expect(() => parseArgs(args)).toThrow(UsageError);
    expect(() => parseArgs(args)).toThrow(message);
  });

  it('a bad option exits 2 with the message and the usage, before reading anything', async () => {
    const err = sink();
    expect(await main(['--max-path-length', '0'], sink().stream, err.stream)).toBe(2);
    expect(err.text()).toMatch(/^report: --max-path-length: Invalid value "0"/);
    expect(err.text()).toMatch(/usage: npm run report --/);
    const out = sink();
    expect(await main(['--help'], out.stream, sink().stream)).toBe(0);
    expect(out.text()).toMatch(/--raw DIR {14}raw coverage directory, repeatable/);
  });

  it('a bad thresholds file exits 2 naming the file and the field', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'thresholds-'));
    const file = join(dir, 'thresholds.json');
    writeFileSync(file, JSON.stringify({ maxPathLength: 2, minimum: { states: 100, transitions: 'all' } }));
    const err = sink();
    expect(await main(['--thresholds', file, '--raw', dir, '--out', dir], sink().stream, err.stream)).toBe(2);
    expect(err.text()).toContain(`${file}: minimum.transitions: Invalid value "all": should be a percentage from 0 to 100`);
  });
});

describe('explorer output next to the report', () => {
  it('is read when current, skipped with a warning when stale, and refused when named explicitly', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'explorer-'));
    const raw = join(dir, 'raw');
    mkdirSync(raw);
    mkdirSync(join(dir, 'explorer'));
    writeFileSync(join(dir, 'explorer', 'current.json'), JSON.stringify({ configuration: 'tiny', reachableTransitions: ['absent --CREATE--> enabled'] }));
    writeFileSync(join(dir, 'explorer', 'stale.json'), JSON.stringify({ configuration: 'old', reachableTransitions: ['absent --TELEPORT--> enabled'] }));
    const err = sink();
    expect(await main(['--raw', raw, '--out', dir, '--max-path-length', '1'], sink().stream, err.stream)).toBe(0);
    expect(err.text()).toMatch(/explorer output skipped: .*stale\.json.*"absent --TELEPORT--> enabled" is not a transition of the statechart/);
    const json = JSON.parse(readFileSync(join(dir, 'coverage.json'), 'utf8')) as { relativeTo: { explorerConfigurations: string[] } };
    expect(json.relativeTo.explorerConfigurations).toEqual(['tiny']);
    const explicit = sink();
    expect(await main(['--raw', raw, '--out', dir, '--explorer', join(dir, 'explorer', 'stale.json')], sink().stream, explicit.stream)).toBe(2);
    expect(explicit.text()).toMatch(/TELEPORT/);
  });
});

describe('thresholds file', () => {
  it('needs a minimum for every kind and knows no other kind', () => {
    const base = { states: 100, transitions: 100, transitionPairs: 50, paths: 20, rules: 100, assumptions: 100 };
    expect(parseThresholds(JSON.stringify({ maxPathLength: 3, minimum: base }), 't.json').minimum.paths).toBe(20);
    expect(() => parseThresholds(JSON.stringify({ maxPathLength: 3, minimum: { ...base, pairs: 3 } }), 't.json')).toThrow(/minimum\.pairs: unknown coverage kind/);
    expect(() => parseThresholds(JSON.stringify({ maxPathLength: 9, minimum: base }), 't.json')).toThrow(/maxPathLength: Invalid value 9: should be a whole number from 1 to 4/);
    expect(() => parseThresholds('{', 't.json')).toThrow(/t\.json: not valid JSON/);
  });

  it('the project file parses', () => {
    expect(readThresholds().maxPathLength).toBeGreaterThanOrEqual(1);
  });
});

describe('explorer output', () => {
  const known = new Set(['absent --CREATE--> enabled']);
  it('accepts one configuration or several, ignoring extra fields', () => {
    const one = parseExplorerText(JSON.stringify({ configuration: 'default', complete: true, reachableTransitions: ['absent --CREATE--> enabled'] }), 'e.json', known);
    expect(one).toEqual([{ configuration: 'default', reachableTransitions: ['absent --CREATE--> enabled'] }]);
    expect(parseExplorerText(JSON.stringify([{ configuration: 'a', reachableTransitions: [] }, { configuration: 'b', reachableTransitions: [] }]), 'e.json', known)).toHaveLength(2);
  });
  it('refuses unknown transitions and bad shapes, naming the file', () => {
    expect(() => parseExplorerText(JSON.stringify({ configuration: 'x', reachableTransitions: ['nope'] }), 'e.json', known)).toThrow(/e\.json: \(top level\)\.reachableTransitions: "nope" is not a transition of the statechart/);
    expect(() => parseExplorerText(JSON.stringify({ reachableTransitions: [] }), 'e.json', known)).toThrow(/configuration: Invalid value/);
  });
});

describe('HTML escaping', () => {
  it('escapes every character that could break out of text or an attribute', () => {
    expect(esc(`<script>"x" & 'y'</script>`)).toBe('&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;');
  });
});
