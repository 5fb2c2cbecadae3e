import { z } from 'zod';
import { channel } from './define.ts';
import { caseIdSchema } from '../domain/ids.ts';

export const ingestChannels = {
  'ingest:start': channel(
    z.strictObject({
      caseId: caseIdSchema,
      paths: z.array(z.string().min(1).max(4096)).min(1).max(10_000),
    }),
    z.object({ ingestId: z.string() }),
  ),
  /** Opens the platform's file picker (files and folders); an empty list when cancelled. */
  'ingest:pick': channel(z.strictObject({}), z.object({ paths: z.array(z.string()) })),
  'ingest:cancel': channel(
    z.strictObject({ ingestId: z.string().uuid() }),
    z.object({ cancelled: z.boolean() }),
  ),
};
