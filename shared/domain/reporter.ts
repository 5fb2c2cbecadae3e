import { z } from 'zod';

/**
 * The reporting organisation, as the CyberTipline's `reporter` element names it: who reports, whom
 * law enforcement contacts, and the terms and legal pages that apply. Kept in the vault, once.
 */
export const reporterProfileSchema = z.strictObject({
  organisation: z.string().trim().min(1, 'the reporter profile needs an organisation').max(300),
  contactName: z.string().trim().min(1, 'the reporter profile needs a contact person').max(300),
  email: z.email().max(320),
  phone: z.string().trim().max(50).optional(),
  termsOfServiceUrl: z.url().max(2083).optional(),
  legalUrl: z.url().max(2083).optional(),
});
export type ReporterProfile = z.infer<typeof reporterProfileSchema>;
