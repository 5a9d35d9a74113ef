import { z } from 'zod';
import type { Lang } from '@accord/model/declarationLayout';
import { readOutlines } from '@accord/model/readOutline';
import { writeImportedLanguage } from '@accord/model/writeImportedLanguage';
import { FROZEN_REASON } from '@accord/permissions/mayWrite';
import { writesAnything, writesEverything } from '@accord/permissions/roles';
import {
  type ImportedLanguage,
  type ImportIntoPreviewBody,
  importIntoPreviewBody,
  importIntoSourcesBody,
} from '@accord/protocol/rest/import';
import { readAdoption } from '@accord/workflow/workflowMap';
import { type Context, Hono } from 'hono';
import type { AccessService } from '../access/AccessService';
import type { Principal } from '../access/Principal';
import type { AccordEnv } from '../http/AccordEnv';
import { apiError } from '../http/apiError';
import type { Logger } from '../Logger';
import type { DocumentHub } from '../sync/DocumentHub';
import { loadImportMachinery } from './importMachinery';
import { parseImportSources } from './parseImportSources';
import { readJsonBody, validateBody } from './readJsonBody';


/**
 * `POST /api/declarations/:id/import` (docs/import.md, I5–I8): the text of one language, added to
 * a declaration that has the other. Its texts answer a preview aligned with the declaration's
 * segments and store nothing; `?commit=1`, or a body that is a (reviewed) preview, writes it as
 * one server change through the room, where the caller may write every part of it (I7).
 */
export function importIntoRoutes(hub: DocumentHub, access: AccessService, log: Logger): Hono<AccordEnv> {
  const api = new Hono<AccordEnv>();

  api.post('/:id/import', async (c) => {
    const id = c.req.param('id');
    const principal = c.get('principal');
    if (!writesAnything(principal.role)) return apiError(c, 403, 'forbidden', `the ${principal.role} role reads the declaration but does not write it`);
    // Parsed before it is validated: its shape says which of two bodies it is.
    const body = await readJsonBody(c, z.unknown());
    if (!body.ok) return body.response;
    const raw = body.value;
    // I5: a body with `sections` is a reviewed preview, to write as it is.
    if (typeof raw === 'object' && raw !== null && 'sections' in raw) {
      const preview = validateBody(c, importIntoPreviewBody, raw);
      if (!preview.ok) return preview.response;
      return write(c, id, preview.value, principal);
    }
    const sources = validateBody(c, importIntoSourcesBody, raw);
    if (!sources.ok) return sources.response;
    const read = await parseImportSources(c, sources.value);
    if (!read.ok) return read.response;
    const language: Lang = sources.value.fr ? 'fr' : 'ja';
    const existing = await hub.read(id, (doc) => (readAdoption(doc) !== null ? 'frozen' : readOutlines(doc)));
    if (existing === null) return apiError(c, 404, 'not_found', `no declaration with id "${id}"`);
    if (existing === 'frozen') return apiError(c, 409, 'frozen', FROZEN_REASON);
    const { buildIntoPreview } = await loadImportMachinery();
    const preview = buildIntoPreview(existing, language, read.parsed[language]!);
    if (c.req.query('commit') !== '1') return c.json(preview);
    const checked = validateBody(c, importIntoPreviewBody, preview);
    if (!checked.ok) return checked.response;
    return write(c, id, checked.value, principal);
  });

  /** I6–I8: one server change, checked as the room checks a client's update; audited. */
  const write = async (c: Context, id: string, preview: ImportIntoPreviewBody, principal: Principal) => {
    const { previewIntoWrites } = await loadImportMachinery();
    let plan = previewIntoWrites(preview);
    // Section titles live in the section list, the title and cities in the metadata: a role
    // that may not write those (a rapporteur) leaves them as they are, rather than have the
    // whole import refused for a title.
    // (Past the writesAnything check: only the roles that write everything write those.)
    if (!writesEverything(principal.role)) plan = { ...plan, sections: plan.sections.map((s) => (s.id === null ? s : { ...s, title: '' })), meta: [] };
    const language = preview.language;
    const changed = await hub.changeAs(id, principal, (doc) => {
      if (readAdoption(doc) !== null) return 'frozen' as const;
      return writeImportedLanguage(doc, language, plan, principal.name);
    });
    if (changed === null) return apiError(c, 404, 'not_found', `no declaration with id "${id}"`);
    const touched = preview.sections.flatMap((s) => (s.id ? [s.id] : []));
    // A 403 is written to the audit log where every one is (`auditForbidden`); a 409 here.
    if (!changed.ok && changed.tooLarge) return apiError(c, 413, 'document_too_large', `nothing was written: ${changed.reason}`);
    if (!changed.ok) return apiError(c, 403, 'forbidden', `the import was refused, nothing was written: ${changed.reason}`);
    if (changed.value === 'frozen') {
      await access.audit(id, principal, 'import-refused', { detail: { language, reason: FROZEN_REASON } });
      return apiError(c, 409, 'frozen', FROZEN_REASON);
    }
    const result = changed.value;
    await access.audit(id, principal, 'import-language', {
      detail: { language, sections: touched, written: result.written, addedSegments: result.addedSegments, addedSections: result.addedSections, kept: result.kept },
    });
    log.info('language imported into a declaration', { declaration: id, language, written: result.written, kept: result.kept.length, by: principal.name });
    return c.json({ id, language, ...result } satisfies ImportedLanguage);
  };

  return api;
}
