import { z } from 'zod';

/** Billing-file deliveries (read from the system policy). */
export const IntakePolicySchema = z.object({
  /** A ZIP delivery (billing file with its order file): at most this many entries and bytes unpacked in all. */
  deliveryZip: z.object({
    maxEntries: z.number().int().min(2),
    maxUncompressedBytes: z.number().int().min(1024),
  }),
});

export type IntakePolicy = z.infer<typeof IntakePolicySchema>;

export const DEFAULT_INTAKE_POLICY: IntakePolicy = {
  // A delivery is two files; a few more leave room for a packer's folder entries and notes.
  deliveryZip: { maxEntries: 10, maxUncompressedBytes: 200 * 1024 * 1024 },
};
