import { z } from 'zod';
import { channel } from './define.ts';
import { caseIdSchema } from '../domain/ids.ts';
import { searchHitSchema } from '../domain/written.ts';

export const searchChannels = {
  /**
   * Every word of a case: file names (every acquisition's), text layers, e-mail headers, notes,
   * tags and hash prefixes. Words are folded (case, Arabic/Persian letter forms, diacritics); each
   * hit is one line, every query word in the same item.
   */
  'search:query': channel(
    z.strictObject({
      caseId: caseIdSchema,
      query: z.string().min(1).max(200),
      limit: z.number().int().min(1).max(1000).default(200),
    }),
    z.object({ hits: z.array(searchHitSchema) }),
  ),
};
