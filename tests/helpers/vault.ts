import { CustodyCore } from '../../electron/core/core.ts';
import { tempDir } from './temp.ts';

export const PASSPHRASE = 'correct horse battery staple';

/** A fresh vault in a temp folder, created and unlocked. */
export async function freshCore(): Promise<{
  core: CustodyCore;
  dir: string;
  cleanup: () => Promise<void>;
}> {
  const t = await tempDir();
  const core = new CustodyCore(t.path);
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
