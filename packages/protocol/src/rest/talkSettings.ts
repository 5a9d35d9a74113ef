import { z } from 'zod';

/** `PUT /api/declarations/:id/talk-settings` (administrator, C6): whether observers may suggest. */
export const talkSettingsBody = z.object({ observersMaySuggest: z.boolean() }).strict();
export type TalkSettingsBody = z.infer<typeof talkSettingsBody>;

export const talkSettings = z.object({ observersMaySuggest: z.boolean() });
export type TalkSettings = z.infer<typeof talkSettings>;
