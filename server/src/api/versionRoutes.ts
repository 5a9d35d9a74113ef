import { diffDeclarations } from '@accord/diff/diffDeclarations';
import { readDeclaration } from '@accord/model/readDeclaration';
import {
  type RestoredVersion,
  restoreVersionBody,
  type SavedVersion,
  saveVersionBody,
  type VersionContent,
  type VersionList,
} from '@accord/protocol/rest/versions';
import { type Context, Hono } from 'hono';
import type { AccessService } from '../access/AccessService';
import { forbidUnless } from '../access/requireMember';
import type { AccordEnv } from '../http/AccordEnv';
import type { DocumentHub } from '../sync/DocumentHub';
import type { VersionService } from '../versions/VersionService';
import { apiError } from '../http/apiError';
import { isDeclarationId } from './declarationId';
import { readJsonBody } from './readJsonBody';

const VERSION_ID = /^v[A-Za-z0-9_-]{1,40}$/;

/**
 * `/api/declarations/:id/versions…` and `/api/declarations/:id/diff`: named versions, reading and
 * restoring them, and aligned FR/JA diffs between two versions or a version and the live text.
 */
export function versionRoutes(versions: VersionService, hub: DocumentHub, access: AccessService): Hono<AccordEnv> {
  const api = new Hono<AccordEnv>();
  // Those who write the whole text keep and restore its versions; everyone reads them.
  const writers = ['admin', 'committee-fr', 'committee-ja'] as const;
  const unknownDeclaration = (c: Context, id: string) => apiError(c, 404, 'not_found', `no declaration with id "${id}"`);
  const unknownVersion = (c: Context, id: string) => apiError(c, 404, 'not_found', `no version with id "${id}" in this declaration`);

  api.get('/:id/versions', async (c) => {
    const id = c.req.param('id');
    if (!isDeclarationId(id) || !(await hub.read(id, () => true))) return unknownDeclaration(c, id);
    return c.json({ versions: await versions.list(id) } satisfies VersionList);
  });

  api.post('/:id/versions', async (c) => {
    const id = c.req.param('id');
    if (!isDeclarationId(id)) return unknownDeclaration(c, id);
    const denied = forbidUnless(c, writers);
    if (denied) return denied;
    const body = await readJsonBody(c, saveVersionBody);
    if (!body.ok) return body.response;
    const principal = c.get('principal');
    const saved = await versions.save(id, { kind: 'named', label: body.value.label, author: body.value.author ?? principal.name });
    if (!saved) return unknownDeclaration(c, id);
    await access.audit(id, principal, 'version-saved', { hash: saved.hash, detail: { versionId: saved.id, label: saved.label } });
    return c.json({ id: saved.id, hash: saved.hash } satisfies SavedVersion, 201);
  });

  api.get('/:id/versions/:versionId', async (c) => {
    const { id, versionId } = c.req.param();
    if (!isDeclarationId(id)) return unknownDeclaration(c, id);
    if (!VERSION_ID.test(versionId)) return unknownVersion(c, versionId);
    const version = await versions.readVersion(id, versionId);
    if (!version) return unknownVersion(c, versionId);
    return c.json({ version: version.record, declaration: version.json } satisfies VersionContent);
  });

  api.post('/:id/versions/:versionId/restore', async (c) => {
    const { id, versionId } = c.req.param();
    if (!isDeclarationId(id)) return unknownDeclaration(c, id);
    const denied = forbidUnless(c, writers);
    if (denied) return denied;
    const body = await readJsonBody(c, restoreVersionBody);
    if (!body.ok) return body.response;
    if (!VERSION_ID.test(versionId)) return unknownVersion(c, versionId);
    const principal = c.get('principal');
    const restored = await versions.restore(id, versionId, body.value.author ?? principal.name);
    if (!restored) return unknownVersion(c, versionId);
    if (restored === 'frozen') return apiError(c, 409, 'frozen', 'the declaration is adopted; an administrator must reopen it first');
    await access.audit(id, principal, 'version-restored', { hash: restored.checkpoint.hash, detail: { versionId, checkpointId: restored.checkpoint.id } });
    return c.json({ restoredFrom: versionId, checkpoint: { id: restored.checkpoint.id, hash: restored.checkpoint.hash } } satisfies RestoredVersion);
  });

  api.get('/:id/diff', async (c) => {
    const id = c.req.param('id');
    if (!isDeclarationId(id)) return unknownDeclaration(c, id);
    const from = c.req.query('from');
    const to = c.req.query('to') ?? 'current';
    if (!from) return apiError(c, 400, 'invalid_query', 'from: a version id is required');
    const read = async (ref: string) => {
      if (ref === 'current') return hub.read(id, readDeclaration);
      if (!VERSION_ID.test(ref)) return null;
      return (await versions.readVersion(id, ref))?.json ?? null;
    };
    const [before, after] = await Promise.all([read(from), read(to)]);
    if (!before) return from === 'current' ? unknownDeclaration(c, id) : unknownVersion(c, from);
    if (!after) return to === 'current' ? unknownDeclaration(c, id) : unknownVersion(c, to);
    return c.json(diffDeclarations(before, after));
  });

  return api;
}
