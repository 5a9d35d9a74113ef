import { LANGS } from '@accord/model/declarationLayout';
import { z } from 'zod';
import { author } from './comments';
import { listed } from './listed';

export const SUGGESTION_STATUSES = ['open', 'accepted', 'rejected', 'withdrawn'] as const;
export type SuggestionStatus = (typeof SUGGESTION_STATUSES)[number];

/**
 * `POST /api/declarations/:id/suggestions` (C6): new wording for one segment in one language.
 * `baseText` is the passage as the author saw it: the server refuses a suggestion on a text that
 * already changed, and an acceptance once the text no longer is this (C8).
 */
export const newSuggestionBody = z
  .object({
    sectionId: z.string().min(1).max(100),
    sid: z.string().min(1).max(100),
    language: z.enum(LANGS),
    baseText: z.string().max(20_000),
    text: z.string().max(20_000),
    comment: z.string().trim().max(2000).optional(),
  })
  .strict()
  .refine((b) => b.baseText !== b.text, { message: 'the suggestion changes nothing', path: ['text'] })
  .refine((b) => !/[\u0000-\u0008\u000b-\u001f]/.test(b.text), { message: 'control characters are not text', path: ['text'] });
export type NewSuggestionBody = z.infer<typeof newSuggestionBody>;

/** `POST …/suggestions/:suggestionId/reject`: a committee may say why. */
export const rejectSuggestionBody = z.object({ reason: z.string().trim().max(2000).optional() }).strict();
export type RejectSuggestionBody = z.infer<typeof rejectSuggestionBody>;

export const suggestion = z.object({
  id: z.string(),
  sectionId: z.string(),
  sid: z.string(),
  language: z.enum(LANGS),
  baseText: z.string(),
  text: z.string(),
  comment: z.string(),
  author,
  createdAt: z.string(),
  status: z.enum(SUGGESTION_STATUSES),
  /** Who accepted, rejected or withdrew it, when, and why (a rejection's reason); `null` while open. */
  decided: z.object({ by: z.string(), role: z.string(), at: z.string(), reason: z.string() }).nullable(),
});
export type Suggestion = z.infer<typeof suggestion>;

/** `GET …/suggestions`: oldest first, and whether observers may suggest in this declaration (C6). */
export const suggestionList = z.object({ suggestions: listed(suggestion), observersMaySuggest: z.boolean() });
export type SuggestionList = z.infer<typeof suggestionList>;
