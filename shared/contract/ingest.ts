import { z } from 'zod';
import { channel } from './define.ts';
import { caseIdSchema } from '../domain/ids.ts';
import { pathGrantSchema, pathHandleSchema } from '../domain/path-grant.ts';

export const ingestChannels = {
  /** Ingests files chosen with ingest:pick or dropped on the window, named by their handles. */
  'ingest:start': channel(
    z.strictObject({
      caseId: caseIdSchema,
      files: z.array(pathHandleSchema).min(1).max(10_000),
    }),
    z.object({ ingestId: z.string() }),
  ),
  /** Opens the platform's file picker (files and folders); an empty list when cancelled. */
  'ingest:pick': channel(z.strictObject({}), z.object({ files: z.array(pathGrantSchema) })),
  'ingest:cancel': channel(
    z.strictObject({ ingestId: z.string().uuid() }),
    z.object({ cancelled: z.boolean() }),
  ),
};
