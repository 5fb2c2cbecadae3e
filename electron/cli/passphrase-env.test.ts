// The passphrase given in CUSTODY_PASSPHRASE stops with the custody process: spawn the real
// binary and inspect the real children's environments (Linux /proc; Chromium through a wrapper).
import { describe, it, expect, afterEach } from 'vitest';
import { chmod, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import sharp from 'sharp';
import { tempDir } from '../../tests/helpers/temp.ts';
import { runCustody } from '../../tests/helpers/cli.ts';
import { collect, exited, spawnCustody, waitForOutput } from '../../tests/helpers/processes.ts';
import { chromiumPath } from '../core/packets/render-pdf.ts';

const SECRET = `env-passphrase-${randomBytes(8).toString('hex')}`;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function vaultWithCase() {
  const t = await tempDir();
  cleanups.push(t.cleanup);
  const env = { CUSTODY_PASSPHRASE: SECRET };
  const base = ['--vault', join(t.path, 'vault'), '--json'];
  expect((await runCustody(['init', ...base], env)).code).toBe(0);
  const c = await runCustody(['case', 'create', '--title', 'Env', '--kind', 'other', ...base], env);
  return { root: t.path, env, base, caseId: (c.json as { id: string }).id };
}

/** Direct children of `pid`, from every thread's children list. */
async function childrenOf(pid: number): Promise<number[]> {
  const out: number[] = [];
  for (const task of await readdir(`/proc/${pid}/task`)) {
    const text = await readFile(`/proc/${pid}/task/${task}/children`, 'utf8');
    out.push(...text.split(' ').filter(Boolean).map(Number));
  }
  return out;
}

describe.skipIf(process.platform !== 'linux')('the passphrase in the environment', () => {
  it("never reaches a decode worker's environment", async () => {
    const { root, env, base, caseId } = await vaultWithCase();
    const evidence = join(root, 'evidence');
    await mkdir(evidence);
    for (let i = 0; i < 60; i++) {
      await sharp(randomBytes(32 * 32 * 3), { raw: { width: 32, height: 32, channels: 3 } })
        .png()
        .toFile(join(evidence, `img-${i}.png`));
    }
    const ingest = spawnCustody(['ingest', '--case', caseId, evidence, ...base], env);
    collect(ingest, 'stdout');
    // A file is done, so the pool's workers have been started and are kept until the end.
    await waitForOutput(ingest, 'stderr', /\[[1-9]\d*\/\d+\]/);
    const workers = await childrenOf(ingest.pid ?? 0);
    const environs = await Promise.all(
      workers.map((pid) => readFile(`/proc/${pid}/environ`, 'utf8')),
    );
    expect(await exited(ingest)).toBe(0);
    expect(workers.length).toBeGreaterThan(0);
    for (const e of environs) {
      // A worker of ours, whose environment we can read (the test's own VITEST got through).
      expect(e).toContain('VITEST=');
      expect(e).not.toContain('CUSTODY_PASSPHRASE');
      expect(e).not.toContain(SECRET);
    }
  });

  it("never reaches Chromium's environment when the report PDF is made", async () => {
    const { root, env, base, caseId } = await vaultWithCase();
    const dump = join(root, 'chromium-env.txt');
    const wrapper = join(root, 'chromium-wrapper.sh');
    await writeFile(wrapper, `#!/bin/sh\nenv > '${dump}'\nexec '${chromiumPath()}' "$@"\n`);
    await chmod(wrapper, 0o700);
    const image = join(root, 'one.png');
    await sharp({ create: { width: 40, height: 30, channels: 3, background: '#369' } })
      .png()
      .toFile(image);
    expect((await runCustody(['ingest', '--case', caseId, image, ...base], env)).code).toBe(0);
    const out = join(root, 'packet.zip');
    const run = await runCustody(['packet', 'build', '--case', caseId, '--out', out, ...base], {
      ...env,
      CUSTODY_CHROMIUM: wrapper,
    });
    expect(run.code, run.stderr).toBe(0);
    const seen = await readFile(dump, 'utf8');
    expect(seen).toContain(`CUSTODY_CHROMIUM=${wrapper}`);
    expect(seen).not.toContain('CUSTODY_PASSPHRASE');
    expect(seen).not.toContain(SECRET);
  });
});
