import { z } from 'zod';

/** Why the vault locked: the reviewer, idle time, the OS (sleep, lock screen), or quitting. */
export const lockReasons = ['user', 'idle', 'system', 'shutdown'] as const;
export const lockReasonSchema = z.enum(lockReasons);
export type LockReason = z.infer<typeof lockReasonSchema>;

/** What `vault:check` found: the database's integrity check and every blob authenticated. */
export const vaultCheckSchema = z.object({
  healthy: z.boolean(),
  database: z.object({ healthy: z.boolean(), problems: z.array(z.string()) }),
  blobs: z.object({
    checked: z.number().int().nonnegative(),
    damaged: z.array(
      z.object({
        blobId: z.string(),
        itemId: z.string().nullable(),
        caseId: z.string().nullable(),
        fileName: z.string().nullable(),
        reason: z.string(),
      }),
    ),
  }),
});
export type VaultCheck = z.infer<typeof vaultCheckSchema>;
