import { z } from 'zod';
import { channel, noArgs } from './define.ts';
import { colleagueSchema, workstationFingerprintSchema } from '../domain/colleague.ts';
import { workstationCardSchema } from '../domain/reviewer.ts';
import { pathHandleSchema } from '../domain/path-grant.ts';

// A card is a few hundred bytes; the bound keeps a pasted novel out.
const cardText = z.string().min(1).max(4096);

export const colleagueChannels = {
  /** Checks a card (file contents or pasted text) and returns it, to compare its fingerprint first. */
  'colleagues:inspect': channel(z.strictObject({ card: cardText }), workstationCardSchema),
  /** Pins the colleague the card names; refused if the card does not check or is already pinned. */
  'colleagues:add': channel(z.strictObject({ card: cardText }), colleagueSchema),
  'colleagues:list': channel(noArgs, z.array(colleagueSchema)),
  /** Writes this workstation's signed card where the save dialog said (a packets:pick-out handle). */
  'colleagues:export-card': channel(
    z.strictObject({ out: pathHandleSchema }),
    z.object({ out: z.string(), bytes: z.number().int() }),
  ),
  'colleagues:remove': channel(
    z.strictObject({ fingerprint: workstationFingerprintSchema }),
    z.object({ removed: z.literal(true) }),
  ),
};
