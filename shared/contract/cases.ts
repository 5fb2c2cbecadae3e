import { z } from 'zod';
import { channel, noArgs } from './define.ts';
import { caseSchema, caseFieldsSchema, caseUpdateSchema } from '../domain/case.ts';
import { caseIdSchema } from '../domain/ids.ts';

const byId = z.strictObject({ id: caseIdSchema });

export const caseChannels = {
  'cases:list': channel(noArgs, z.array(caseSchema)),
  'cases:create': channel(caseFieldsSchema.strict(), caseSchema),
  'cases:get': channel(byId, caseSchema),
  'cases:update': channel(caseUpdateSchema.strict(), caseSchema),
  'cases:close': channel(byId, caseSchema),
  'cases:reopen': channel(byId, caseSchema),
  'cases:destroy': channel(byId, z.object({ destroyed: z.literal(true) })),
};
