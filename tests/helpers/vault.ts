import { CustodyCore, type CoreOptions } from '../../electron/core/core.ts';
import { readSettings } from '../../electron/core/settings/settings.service.ts';
import { nextRevealStep, revealRank, type RevealStep } from '../../shared/domain/item.ts';
import { tempDir } from './temp.ts';

export const PASSPHRASE = 'correct horse battery staple';

/** A fresh vault in a temp folder, created and unlocked. */
export async function freshCore(options?: CoreOptions): Promise<{
  core: CustodyCore;
  dir: string;
  cleanup: () => Promise<void>;
}> {
  const t = await tempDir();
  const core = new CustodyCore(t.path, options);
  await core.create(PASSPHRASE);
  return {
    core,
    dir: t.path,
    cleanup: async () => {
      await core.close();
      await t.cleanup();
    },
  };
}

/** Climbs the reveal ladder one rung at a time, as the reviewer does, up to `step`. */
export function unveilTo(core: CustodyCore, itemId: string, step: RevealStep, reason?: string) {
  const { greyStep } = readSettings(core.vault());
  let at =
    core.reveal.current()?.itemId === itemId ? (core.reveal.current()?.step ?? 'veiled') : 'veiled';
  let granted = { itemId, step: at, until: null as number | null };
  while (revealRank(at) < revealRank(step)) {
    const next = nextRevealStep(at, greyStep);
    if (!next) break;
    granted = core.reveal.set(itemId, next, at === 'veiled' ? reason : undefined);
    at = next;
  }
  return granted;
}
