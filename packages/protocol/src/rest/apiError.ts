import { z } from 'zod';

/** Every API error has this JSON shape, so clients show `message` and branch on `code`. */
export const apiErrorBody = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
export type ApiErrorBody = z.infer<typeof apiErrorBody>;
