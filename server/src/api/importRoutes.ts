import { z } from 'zod';
import { committeeSide } from '@accord/permissions/roles';
import {
  type ImportedDeclaration,
  type ImportPreviewBody,
  importPreviewBody,
  importSourcesBody,
} from '@accord/protocol/rest/import';
import { type Context, Hono } from 'hono';
import type { AccessService } from '../access/AccessService';
import { presentedTokens, sessionCookies, sessionCookieName } from '../access/credentials';
import { foreignOriginRefusal } from '../access/foreignOrigin';
import type { Principal } from '../access/Principal';
import type { AccordEnv } from '../http/AccordEnv';
import { apiError } from '../http/apiError';
import type { Logger } from '../Logger';
import type { Store } from '../storage/Store';
import { storeImportedDeclaration } from '../storage/storeImportedDeclaration';
import { newDeclarationId } from './declarationId';
import { loadImportMachinery as loadMachinery } from './importMachinery';
import { parseImportSources } from './parseImportSources';
import { readJsonBody, validateBody } from './readJsonBody';
import { setSessionCookie } from './sessionRoutes';

/**
 * `POST /api/declarations/import` (docs/import.md, rules I1–I4): the texts to import answer a
 * preview and store nothing; `?commit=1`, or a body that is a (reviewed) preview, creates the
 * declaration. Committee members (of any declaration) and administrators only.
 */
export function importRoutes(store: Store, access: AccessService, log: Logger): Hono<AccordEnv> {
  const api = new Hono<AccordEnv>();

  api.post('/', async (c) => {
    const importer = await findImporter(access, c);
    if (importer === null) return apiError(c, 401, 'unauthorized', 'open Accord through your invitation link, or send Authorization: Bearer <token>');
    if (importer === 'not-committee') return apiError(c, 403, 'forbidden', 'only a committee member or an administrator imports a declaration');
    const refusal = foreignOriginRefusal(c, importer.fromCookie);
    if (refusal) {
      log.warn('cross-site request refused', { origin: refusal.origin, path: c.req.path, actor: importer.principal.name });
      return refusal.response;
    }
    // Parsed before it is validated: its shape says which of two bodies it is.
    const body = await readJsonBody(c, z.unknown());
    if (!body.ok) return body.response;
    const raw = body.value;
    // I2: a body with `sections` is a reviewed preview, to create as it is.
    if (typeof raw === 'object' && raw !== null && 'sections' in raw) {
      const preview = validateBody(c, importPreviewBody, raw);
      if (!preview.ok) return preview.response;
      return create(c, preview.value, importer.principal);
    }
    const sources = validateBody(c, importSourcesBody, raw);
    if (!sources.ok) return sources.response;
    const read = await parseImportSources(c, sources.value);
    if (!read.ok) return read.response;
    const { buildPreview } = await loadMachinery();
    const preview = buildPreview(read.parsed);
    if (c.req.query('commit') !== '1') return c.json(preview);
    const checked = validateBody(c, importPreviewBody, preview);
    if (!checked.ok) return checked.response;
    return create(c, checked.value, importer.principal);
  });

  /** I4: one write; a committee member becomes a member of the new declaration with the same role. */
  const create = async (c: Context, preview: ImportPreviewBody, principal: Principal) => {
    const { previewSections } = await loadMachinery();
    const id = newDeclarationId();
    await storeImportedDeclaration(store, id, { meta: preview.meta, sections: previewSections(preview.sections) }, principal.name);
    log.info('declaration imported', { declaration: id, sections: preview.sections.length, by: principal.name });
    if (principal.role === 'admin') return c.json({ id } satisfies ImportedDeclaration, 201);
    const { token: invite } = await access.createInvite(id, { role: principal.role, sections: [], expiresInHours: 1, maxUses: 1, label: 'import' });
    const joined = await access.join(invite, principal.name, principal.language);
    if (!joined.ok) throw new Error(`import: the importer could not join the declaration it created (${joined.problem})`);
    setSessionCookie(c, sessionCookieName(id), joined.token);
    return c.json({ id, token: joined.token } satisfies ImportedDeclaration, 201);
  };

  return api;
}

/**
 * I1: who may import — the administrator, or a committee member of any declaration (their
 * session, by Bearer or by its cookie). `null`: no valid credential; `'not-committee'`: a valid
 * one of another role.
 */
async function findImporter(access: AccessService, c: Context): Promise<{ principal: Principal; fromCookie: boolean } | 'not-committee' | null> {
  const { explicit, ambient } = presentedTokens(c, null);
  const candidates = [
    ...explicit.map((token) => ({ token, fromCookie: false })),
    ...ambient.map((token) => ({ token, fromCookie: true })),
    ...[...sessionCookies(c).values()].map((token) => ({ token, fromCookie: true })),
  ];
  let seen = false;
  for (const { token, fromCookie } of candidates) {
    const found = await access.authenticateAnywhere(token);
    if (!found) continue;
    seen = true;
    if (found.principal.role === 'admin' || committeeSide(found.principal.role) !== null) return { principal: found.principal, fromCookie };
  }
  return seen ? 'not-committee' : null;
}
