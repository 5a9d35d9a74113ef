import type { DeclarationJson } from '@accord/model/readDeclaration';
import { z } from 'zod';
import { listed } from './listed';

/** A bilingual text as the server sends it (titles of declarations and sections). */
export const bilingual = z.object({ fr: z.string(), ja: z.string() });

const bilingualTitle = z.object({
  fr: z.string().trim().min(1, 'the French title is required').max(300),
  ja: z.string().trim().min(1, 'the Japanese title is required').max(300),
});

/** `POST /api/declarations` (administrators). */
export const createDeclarationBody = z.object({ title: bilingualTitle }).strict();
export type CreateDeclarationBody = z.infer<typeof createDeclarationBody>;

/** `201` to `POST /api/declarations`. */
export const createdDeclaration = z.object({ id: z.string() });
export type CreatedDeclaration = z.infer<typeof createdDeclaration>;

export const declarationSummary = z.object({
  id: z.string(),
  title: bilingual,
  /** ISO timestamps, as the server stores them. */
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type DeclarationSummary = z.infer<typeof declarationSummary>;

/** `GET /api/declarations`: what the caller may open, and whether it is the administrator. */
export const declarationList = z.object({
  declarations: listed(declarationSummary),
  // Offers creating a declaration; anything but `true` offers nothing (the POST checks again).
  admin: z.boolean().catch(false),
});
export type DeclarationList = z.infer<typeof declarationList>;

// Only the outline is checked: the shape is @accord/model's own type, written by the same code on
// both sides, and the outline is enough to fail clearly on a proxy's error page.
const declarationOutline = z.looseObject({ meta: z.looseObject({ title: z.looseObject({}) }), sections: z.array(z.unknown()) });

/** `GET /api/declarations/:id` and a version's content: `readDeclaration`'s plain JSON. */
export const declarationJson = z.custom<DeclarationJson>((value) => declarationOutline.safeParse(value).success);
