import { z } from 'zod';

/**
 * A file the reviewer chose in one of main's dialogs or dropped on the window, as the renderer may
 * name it back: a random handle minted in the core (electron/core/paths/path-handles.ts), used once.
 * Requests carry handles, never paths.
 */
export const pathHandleSchema = z.string().regex(/^[A-Za-z0-9_-]{24}$/, 'not a file handle');

export const pathGrantSchema = z.object({
  handle: pathHandleSchema,
  /** The file's name, to show. */
  name: z.string(),
  /** Where it is, to show; never accepted back. */
  path: z.string(),
});
export type PathGrant = z.infer<typeof pathGrantSchema>;

/** What the preload sends main for a drop: the dropped files' absolute paths (electron/main/drops.ts). */
export const droppedPathsSchema = z
  .array(
    z
      .string()
      .min(1)
      .max(4096)
      .regex(/^(\/|[A-Za-z]:[\\/]|\\\\)/, 'not an absolute path'),
  )
  .min(1)
  .max(10_000);
