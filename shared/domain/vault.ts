import { z } from 'zod';

/** Why the vault locked: the reviewer, idle time, the OS (sleep, lock screen), or quitting. */
export const lockReasons = ['user', 'idle', 'system', 'shutdown'] as const;
export const lockReasonSchema = z.enum(lockReasons);
export type LockReason = z.infer<typeof lockReasonSchema>;
