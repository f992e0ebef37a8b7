// Labels: administrators define them (name, colour), reps put them on conversations.
import { z } from 'zod';

export const labelViewSchema = z.object({ id: z.string(), name: z.string(), colour: z.string() });

export const newLabelBody = z
  .object({
    name: z.string().trim().min(1).max(40),
    /** `#rrggbb`. */
    colour: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'A colour is #rrggbb.').transform((colour) => colour.toLowerCase()),
  })
  .strict();

export type LabelView = z.infer<typeof labelViewSchema>;
export type NewLabelInput = z.input<typeof newLabelBody>;
