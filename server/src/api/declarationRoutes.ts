import { getMeta, readBilingual } from '@accord/model/declarationLayout';
import { readDeclaration } from '@accord/model/readDeclaration';
import {
  createDeclarationBody,
  type CreatedDeclaration,
  type DeclarationList,
} from '@accord/protocol/rest/declarations';
import { type Context, Hono } from 'hono';
import type { AccessService } from '../access/AccessService';
import { authenticateRequest } from '../access/authenticateRequest';
import { callerScope } from '../access/callerScope';
import { foreignOriginRefusal } from '../access/foreignOrigin';
import type { AccordEnv } from '../http/AccordEnv';
import type { Store } from '../storage/Store';
import { storeNewDeclaration } from '../storage/storeNewDeclaration';
import type { DocumentHub } from '../sync/DocumentHub';
import type { Logger } from '../Logger';
import { apiError } from '../http/apiError';
import { isDeclarationId, newDeclarationId } from './declarationId';
import { readJsonBody } from './readJsonBody';

/**
 * `/api/declarations…`: list (what the caller may open), create (administrators), read as plain
 * JSON (members, after `requireMember`).
 */
export function declarationRoutes(store: Store, hub: DocumentHub, access: AccessService, log: Logger): Hono<AccordEnv> {
  const api = new Hono<AccordEnv>();

  const scopeOf = (c: Context) => callerScope(access, c);

  api.get('/', async (c) => {
    const scope = await scopeOf(c);
    if (!scope) return apiError(c, 401, 'unauthorized', 'open Accord through your invitation link, or send Authorization: Bearer <token>');
    const records = (await store.listDeclarations()).filter((record) => scope === 'all' || scope.has(record.id));
    // A declaration being edited has a live title newer than the stored one.
    const declarations = await Promise.all(
      records.map(async (record) => ({ ...record, title: (await liveTitle(hub, record.id)) ?? record.title })),
    );
    // `admin` tells the home page whether to offer creating a declaration; the POST checks again.
    return c.json({ declarations, admin: scope === 'all' } satisfies DeclarationList);
  });

  api.post('/', async (c) => {
    const authenticated = await authenticateRequest(access, c, null);
    if (authenticated?.principal.role !== 'admin') return apiError(c, 403, 'forbidden', 'only an administrator creates declarations');
    const refusal = foreignOriginRefusal(c, authenticated.fromCookie);
    if (refusal) {
      // No declaration's audit log to write to yet: the server log keeps it (A16).
      log.warn('cross-site request refused', { origin: refusal.origin, path: c.req.path, actor: authenticated.principal.name });
      return refusal.response;
    }
    const body = await readJsonBody(c, createDeclarationBody);
    if (!body.ok) return body.response;
    const id = newDeclarationId();
    await storeNewDeclaration(store, id, { title: body.value.title });
    log.info('declaration created', { declaration: id });
    return c.json({ id } satisfies CreatedDeclaration, 201);
  });

  api.get('/:id', async (c) => {
    const id = c.req.param('id');
    if (!isDeclarationId(id)) return apiError(c, 404, 'not_found', `no declaration with id "${id}"`);
    const json = await hub.read(id, readDeclaration);
    if (json === null) return apiError(c, 404, 'not_found', `no declaration with id "${id}"`);
    return c.json(json);
  });

  return api;
}

async function liveTitle(hub: DocumentHub, id: string) {
  if (!hub.isLoaded(id)) return null;
  try {
    return await hub.read(id, (doc) => readBilingual(getMeta(doc).get('title')));
  } catch {
    return null; // a declaration that fails to load is listed with its stored title
  }
}
