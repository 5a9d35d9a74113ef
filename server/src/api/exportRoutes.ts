import { contentDisposition } from '@accord/export/exportFilename';
import { mayReadComments } from '@accord/permissions/talkRights';
import { exportQuery } from '@accord/protocol/rest/export';
import { Hono } from 'hono';
import type { ExportService } from '../export/ExportService';
import type { AccordEnv } from '../http/AccordEnv';
import { apiError } from '../http/apiError';
import { isDeclarationId } from './declarationId';

/**
 * `GET /api/declarations/:id/export`: the declaration as DOCX, PDF or its print view (HTML), in
 * French, Japanese or both, for every member (all roles read, X1). The print view is served with
 * a policy that lets it run nothing and load nothing: it is the members' text, shown as a page.
 * `comments=1` adds the comment threads (X7), for a member who may read them (C2).
 */
export function exportRoutes(exports: ExportService): Hono<AccordEnv> {
  const api = new Hono<AccordEnv>();

  api.get('/:id/export', async (c) => {
    const id = c.req.param('id');
    if (!isDeclarationId(id)) return apiError(c, 404, 'not_found', `no declaration with id "${id}"`);
    const parsed = exportQuery.safeParse(c.req.query());
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'query';
      return apiError(c, 400, 'invalid_query', `${where}: ${issue?.message ?? 'invalid'} (format=docx|pdf|html, lang=fr|ja|bilingual, version=<id>|current|adopted, comments=0|1)`);
    }
    const { format, lang, version } = parsed.data;
    const withComments = parsed.data.comments === '1';
    const { role } = c.get('principal');
    if (withComments && !mayReadComments(role)) return apiError(c, 403, 'forbidden', `the ${role} role may not read the comments: export without them`);
    const read = await exports.read(id, version, withComments);
    if (!read.ok) {
      switch (read.problem) {
        case 'unknown-declaration':
          return apiError(c, 404, 'not_found', `no declaration with id "${id}"`);
        case 'unknown-version':
          return apiError(c, 404, 'not_found', `no version with id "${version}" in this declaration`);
        case 'not-adopted':
          return apiError(c, 409, 'not_adopted', 'the declaration has no adopted text yet: export the current text or a version');
      }
    }
    const rendered = await exports.render(read.source, format, lang);
    if (!rendered.ok) {
      return apiError(c, 503, 'pdf_unavailable', `${rendered.reason}. The print view (format=html) prints from your browser's own Print instead.`);
    }
    c.header('Content-Type', rendered.contentType);
    c.header('Content-Disposition', contentDisposition(format === 'html' ? 'inline' : 'attachment', rendered.filename));
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Cache-Control', 'private, no-store');
    c.header('X-Accord-Hash', read.source.content.hash);
    if (format === 'html') c.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'; base-uri 'none'; form-action 'none'");
    return c.body(typeof rendered.bytes === 'string' ? rendered.bytes : (rendered.bytes as Uint8Array<ArrayBuffer>));
  });

  return api;
}
