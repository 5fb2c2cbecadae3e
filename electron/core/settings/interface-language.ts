// The last interface language chosen, kept in a plain file beside vault.json so the lock and
// first-run screens can speak it before any key exists. It says which language the reviewer reads,
// nothing about the evidence; the vault's own (encrypted) settings stay the authority once unlocked.
// Format: docs/formats/vault.md ("interface.json").
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { settingsSchema, type LanguageChoice } from '../../../shared/domain/settings.ts';

export const INTERFACE_FILE = 'interface.json';

const fileSchema = z.object({ language: settingsSchema.shape.language });

/** null when never chosen, or when the file is unreadable: the OS's language is then used. */
export async function readInterfaceLanguage(dir: string): Promise<LanguageChoice | null> {
  let text: string;
  try {
    text = await readFile(join(dir, INTERFACE_FILE), 'utf8');
  } catch {
    return null;
  }
  try {
    const parsed = fileSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data.language : null;
  } catch {
    return null;
  }
}

/** Written whole and renamed into place, so a crash leaves the old choice or the new one. */
export async function writeInterfaceLanguage(dir: string, language: LanguageChoice): Promise<void> {
  const tmp = join(dir, `${INTERFACE_FILE}.tmp`);
  await writeFile(tmp, `${JSON.stringify({ language })}\n`, { mode: 0o600 });
  await rename(tmp, join(dir, INTERFACE_FILE));
}
