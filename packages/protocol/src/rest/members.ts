import { ROLES } from '@accord/permissions/roles';
import { z } from 'zod';
import { listed } from './listed';

/**
 * Most people one reusable invite may admit (A17): a whole delegation or a hall's observers, not an
 * open door. Beyond that, the administrator makes several.
 */
export const MAX_INVITE_USES = 500;

const role = z.enum(ROLES);
const sectionIds = z.array(z.string());
const count = z.number().int().min(0);

/** `POST /api/declarations/:id/invites` (administrators). */
export const inviteBody = z
  .object({
    role,
    sections: z.array(z.string().min(1).max(64)).max(100).optional(),
    expiresInHours: z.number().positive().max(24 * 366).optional(),
    /** "For whom": a note for the administrator, never shown to the invitee. */
    label: z.string().trim().max(120).optional(),
    /** One person unless said otherwise (A17). */
    maxUses: z.number().int().min(1).max(MAX_INVITE_USES).optional(),
  })
  .strict();
export type InviteBody = z.infer<typeof inviteBody>;

/**
 * `PATCH /api/declarations/:id/members/:memberId` (administrators): another role for a member, and
 * for a rapporteur the sections she owns (A3) — the same rules as an invite's.
 */
export const memberRoleBody = z
  .object({
    role,
    sections: z.array(z.string().min(1).max(64)).max(100).optional(),
  })
  .strict();
export type MemberRoleBody = z.infer<typeof memberRoleBody>;

/** `201` to `POST …/invites`: the token and its link are shown once. */
export const createdInvite = z.object({
  inviteId: z.string(),
  token: z.string(),
  /** The address to send the invitee: `/join#<token>`. */
  url: z.string(),
  expiresAt: z.string().nullable(),
  maxUses: z.number(),
  label: z.string().nullable(),
});
export type CreatedInvite = z.infer<typeof createdInvite>;

/**
 * Who this browser is in one declaration (`GET /api/declarations/:id/me`), also as a device keeps
 * it: the role and sections decide what the page offers, the rest has a harmless default.
 */
export const membership = z.object({
  /** Null for the administrator token used directly, which has no member record. */
  memberId: z.string().nullable().catch(null),
  name: z.string().catch(''),
  role,
  sections: sectionIds,
  language: z.string().catch(''),
});
export type Membership = z.infer<typeof membership>;

export const memberRow = z.object({
  id: z.string(),
  name: z.string(),
  role,
  sections: sectionIds,
  language: z.string(),
  joinedAt: z.string(),
  revokedAt: z.string().nullable().default(null),
  /** The invitation they joined through (A17); `null` for members made before invites were recorded. */
  inviteId: z.string().nullable().catch(null),
});
export type MemberRow = z.infer<typeof memberRow>;

/** `GET …/members` (administrators). */
export const memberList = z.object({ members: listed(memberRow) });
export type MemberList = z.infer<typeof memberList>;

export const inviteRow = z.object({
  id: z.string(),
  role,
  sections: sectionIds,
  createdAt: z.string(),
  expiresAt: z.string().nullable().default(null),
  revokedAt: z.string().nullable().default(null),
  /** "For whom", as the administrator noted it. */
  label: z.string().nullable().default(null),
  /** People who may join through it (A17) and how many did, and who. */
  maxUses: count,
  uses: count,
  usedBy: z.array(z.object({ memberId: z.string(), name: z.string() })),
});
export type InviteRow = z.infer<typeof inviteRow>;

/** `GET …/invites` (administrators). */
export const inviteList = z.object({ invites: listed(inviteRow) });
export type InviteList = z.infer<typeof inviteList>;
