import { ROLES } from '@accord/permissions/roles';
import { z } from 'zod';
import { bilingual } from './declarations';

const language = z.enum(['fr', 'ja', 'en']);
const token = z.string().min(1).max(200);
const role = z.enum(ROLES);

/** `POST /api/session` with an invite: joining makes a member. */
export const joinBody = z.object({ invite: token, name: z.string().trim().min(1, 'a name is required').max(80), language }).strict();
/** `POST /api/session` with the administrator token (A1). */
export const adminSignInBody = z.object({ adminToken: token, name: z.string().trim().min(1).max(80).optional(), language: language.optional() }).strict();
export const sessionBody = z.union([joinBody, adminSignInBody]);
export type SessionBody = z.infer<typeof sessionBody>;

/** `POST /api/invites/inspect`. */
export const inspectBody = z.object({ invite: token }).strict();
export type InspectBody = z.infer<typeof inspectBody>;

/** `201` to joining; the session cookie comes with it. */
export const joinedSession = z.object({
  token: z.string(),
  role,
  declarationId: z.string(),
  memberId: z.string(),
  name: z.string(),
  sections: z.array(z.string()),
});
export type JoinedSession = z.infer<typeof joinedSession>;

/** `201` to the administrator's sign-in. */
export const adminSession = z.object({ token: z.string(), role: z.literal('admin') });
export type AdminSession = z.infer<typeof adminSession>;

// A section title that does not read as bilingual is left out, not the whole invitation.
const sectionTitles = z
  .record(z.string(), z.unknown())
  .catch({})
  .transform((titles) =>
    Object.fromEntries(
      Object.entries(titles).flatMap(([id, title]) => {
        const parsed = bilingual.safeParse(title);
        return parsed.success ? [[id, parsed.data] as const] : [];
      }),
    ),
  );

/** What an invitation is for, shown before the invitee joins (`POST /api/invites/inspect`). */
export const inviteSummary = z.object({
  declarationId: z.string(),
  title: bilingual,
  role,
  sections: z.array(z.string()),
  /** The titles of `sections`, by id, as the declaration has them now. */
  sectionTitles,
  /** ISO time, or null for an invitation that does not expire. */
  expiresAt: z.string().nullable().catch(null),
});
export type InviteSummary = z.infer<typeof inviteSummary>;

/**
 * `GET /api/session`: who this browser is, asked before anything else so a visitor without a
 * session sees how to get in rather than a series of refusals. Always `200`.
 */
export const sessionState = z.object({
  /** Signed in as the administrator (the `accord_admin` cookie or a bearer token). */
  admin: z.boolean(),
  /** The declarations this browser holds a valid session for. */
  declarations: z.array(z.string()),
});
export type SessionState = z.infer<typeof sessionState>;
