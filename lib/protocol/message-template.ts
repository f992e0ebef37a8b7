import { z } from 'zod';

/** A template a rep sends (WhatsApp outside its window): which one, and its body parameters in order. */
export const templateMessageSchema = z.object({
  name: z.string().trim().min(1).max(512),
  language: z.string().trim().min(1).max(20),
  parameters: z.array(z.string().trim().min(1).max(1024)).max(20).default([]),
});
