import { sectionEntries } from '@accord/model/declarationLayout';
import {
  type CreatedInvite,
  type InviteList,
  inviteBody,
  type MemberList,
  type MemberRow,
  memberRoleBody,
  type Membership,
} from '@accord/protocol/rest/members';
import type { AuditList } from '@accord/protocol/rest/audit';
import type { Role } from '@accord/permissions/roles';
import { type Context, Hono } from 'hono';
import type { AccessService } from '../access/AccessService';
import { forbidUnless } from '../access/requireMember';
import type { AccordEnv } from '../http/AccordEnv';
import type { DocumentHub } from '../sync/DocumentHub';
import { apiError } from '../http/apiError';
import { readJsonBody } from './readJsonBody';

/**
 * `/api/declarations/:id/{me,invites,members,audit}` (after `requireMember`): who am I, and the
 * administrator's management of people (A2, A3) and reading of the audit log (W8).
 */
export function memberRoutes(access: AccessService, hub: DocumentHub): Hono<AccordEnv> {
  const api = new Hono<AccordEnv>();
  const adminOnly = ['admin'] as const;

  api.get('/:id/me', (c) => {
    const { memberId, name, role, sections, language } = c.get('principal');
    return c.json({ memberId, name, role, sections: [...sections], language } satisfies Membership);
  });

  api.post('/:id/invites', async (c) => {
    const denied = forbidUnless(c, adminOnly);
    if (denied) return denied;
    const id = c.req.param('id');
    const body = await readJsonBody(c, inviteBody);
    if (!body.ok) return body.response;
    const sections = [...new Set(body.value.sections ?? [])];
    const refused = await refuseSections(c, id, body.value.role, sections);
    if (refused) return refused;
    const { invite, token } = await access.createInvite(id, {
      role: body.value.role,
      sections,
      expiresInHours: body.value.expiresInHours ?? null,
      label: body.value.label || null,
      maxUses: body.value.maxUses ?? 1,
    });
    await access.audit(id, c.get('principal'), 'invite', {
      detail: { inviteId: invite.id, role: invite.role, sections: invite.sections, maxUses: invite.maxUses, label: invite.label },
    });
    // A fragment, not a query: browsers never send it, so the token stays out of every server log.
    const url = `${new URL(c.req.url).origin}/join#${token}`;
    return c.json(
      { inviteId: invite.id, token, url, expiresAt: invite.expiresAt, maxUses: invite.maxUses, label: invite.label } satisfies CreatedInvite,
      201,
    );
  });

  api.get('/:id/invites', async (c) => {
    const denied = forbidUnless(c, adminOnly);
    if (denied) return denied;
    return c.json({ invites: await access.listInvites(c.req.param('id')) } satisfies InviteList);
  });

  api.delete('/:id/invites/:inviteId', async (c) => {
    const denied = forbidUnless(c, adminOnly);
    if (denied) return denied;
    const { id, inviteId } = c.req.param();
    if (!(await access.revokeInvite(id, inviteId))) return apiError(c, 404, 'not_found', `no invite "${inviteId}" in this declaration`);
    await access.audit(id, c.get('principal'), 'invite-revoked', { detail: { inviteId } });
    return c.body(null, 204);
  });

  api.get('/:id/members', async (c) => {
    const denied = forbidUnless(c, adminOnly);
    if (denied) return denied;
    const members = await access.listMembers(c.req.param('id'));
    return c.json({
      members: members.map(({ id, name, role, sections, language, joinedAt, revokedAt, inviteId }) => ({
        id,
        name,
        role,
        sections,
        language,
        joinedAt,
        revokedAt,
        inviteId,
      })),
    } satisfies MemberList);
  });

  api.delete('/:id/members/:memberId', async (c) => {
    const denied = forbidUnless(c, adminOnly);
    if (denied) return denied;
    const { id, memberId } = c.req.param();
    if (!(await access.revokeMember(id, memberId))) return apiError(c, 404, 'not_found', `no member "${memberId}" in this declaration`);
    await access.audit(id, c.get('principal'), 'member-revoked', { detail: { memberId } });
    return c.body(null, 204);
  });

  // A new role in place (A3): no revocation, no new invite; the member keeps her session.
  api.patch('/:id/members/:memberId', async (c) => {
    const denied = forbidUnless(c, adminOnly);
    if (denied) return denied;
    const { id, memberId } = c.req.param();
    const body = await readJsonBody(c, memberRoleBody);
    if (!body.ok) return body.response;
    const { role } = body.value;
    const sections = [...new Set(body.value.sections ?? [])];
    const refused = await refuseSections(c, id, role, sections);
    if (refused) return refused;
    const before = await access.changeRole(id, memberId, role, sections);
    if (!before) return apiError(c, 404, 'not_found', `no member "${memberId}" with access to this declaration`);
    await access.audit(id, c.get('principal'), 'member-role-changed', {
      detail: { memberId, name: before.name, from: { role: before.role, sections: before.sections }, to: { role, sections } },
    });
    const { name, language, joinedAt, inviteId } = before;
    return c.json({ id: memberId, name, role, sections, language, joinedAt, revokedAt: null, inviteId } satisfies MemberRow);
  });

  api.get('/:id/audit', async (c) => {
    const denied = forbidUnless(c, adminOnly);
    if (denied) return denied;
    return c.json({ entries: await access.listAudit(c.req.param('id')) } satisfies AuditList);
  });

  return api;

  /**
   * Why `sections` cannot go with `role` in declaration `id` (a 4xx answer), or null: a rapporteur
   * owns at least one section, each of this declaration; no other role owns any. For invites and
   * role changes alike.
   */
  async function refuseSections(c: Context<AccordEnv>, id: string, role: Role, sections: string[]): Promise<Response | null> {
    const known = await hub.read(id, (doc) => sectionEntries(doc).map((s) => s.id));
    if (!known) return apiError(c, 404, 'not_found', `no declaration with id "${id}"`);
    if (role === 'rapporteur') {
      if (sections.length === 0) return apiError(c, 400, 'invalid_body', 'sections: a rapporteur owns at least one section');
      const unknown = sections.filter((s) => !known.includes(s));
      if (unknown.length > 0) return apiError(c, 400, 'invalid_body', `sections: no section ${unknown.join(', ')} in this declaration`);
    } else if (sections.length > 0) {
      return apiError(c, 400, 'invalid_body', 'sections: only a rapporteur owns sections');
    }
    return null;
  }
}
