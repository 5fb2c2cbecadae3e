// `npm run bench [-- name ...]`: runs bench/<name>.bench.ts one after another (all of them by
// default) and prints one JSON document on stdout; progress goes to stderr. A bench that throws is
// reported as { error } and the others still run. Last, the aims (bench/aims.ts): each value with
// its same-run baseline and "aim met / not met", in the JSON and one line each on stderr.
import { readdir } from 'node:fs/promises';
import { arch, availableParallelism, cpus, platform, totalmem } from 'node:os';
import { aimLines, judgeAims } from './aims.ts';

type Bench = () => Promise<Record<string, unknown>>;

const SUFFIX = '.bench.ts';
const here = new URL('./', import.meta.url);

async function benchNames(): Promise<string[]> {
  const files = await readdir(here);
  return files
    .filter((f) => f.endsWith(SUFFIX))
    .map((f) => f.slice(0, -SUFFIX.length))
    .sort();
}

function progress(line: string): void {
  process.stderr.write(`${line}\n`);
}

async function runOne(name: string): Promise<Record<string, unknown>> {
  const module = (await import(new URL(`${name}${SUFFIX}`, here).href)) as { default?: unknown };
  if (typeof module.default !== 'function') throw new Error('no default export to run');
  const bench = module.default as Bench;
  return bench();
}

async function main(): Promise<void> {
  const available = await benchNames();
  const asked = process.argv.slice(2);
  const unknown = asked.filter((name) => !available.includes(name));
  if (unknown.length > 0) {
    progress(`unknown bench: ${unknown.join(', ')} (have: ${available.join(', ')})`);
    process.exitCode = 2;
    return;
  }
  const names = asked.length > 0 ? asked : available;
  const startedAt = new Date().toISOString();
  const results: Record<string, unknown> = {};
  for (const name of names) {
    progress(`bench ${name}: running`);
    const start = performance.now();
    try {
      results[name] = await runOne(name);
    } catch (error) {
      results[name] = { error: error instanceof Error ? error.message : String(error) };
    }
    const seconds = Math.round((performance.now() - start) / 100) / 10;
    progress(
      `bench ${name}: ${'error' in (results[name] as object) ? 'failed' : 'done'} in ${seconds}s`,
    );
  }
  const machine = {
    node: process.version,
    platform: platform(),
    arch: arch(),
    cpus: availableParallelism(),
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
  };
  const aims = judgeAims(results, names);
  for (const line of aimLines(aims)) progress(line);
  process.stdout.write(`${JSON.stringify({ machine, startedAt, results, aims }, null, 2)}\n`);
}

await main();
