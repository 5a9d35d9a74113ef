import { contentDisposition, exportFilename } from '@accord/export/exportFilename';
import { describe, expect, it } from 'vitest';
import { exportUrl, filenameOf } from '../src/export/exportApi';

describe('export menu helpers', () => {
  it('reads back the exact file name the server sends (RFC 5987), the ASCII one when that is all', () => {
    const meta = {
      title: { fr: '', ja: '' },
      edition: 9,
      hostCity: { fr: 'Aix-en-Provence', ja: 'エクス' },
      nextHostCity: { fr: '', ja: '' },
      startDate: '2026-11-16',
      endDate: '',
    };
    const name = exportFilename(meta, 'bilingual', 'docx', true);
    expect(filenameOf(contentDisposition('attachment', name))).toBe('Déclaration-d’Aix-en-Provence-2026-bilingual.docx');
    expect(filenameOf('attachment; filename="plain.pdf"')).toBe('plain.pdf');
    expect(filenameOf("attachment; filename=\"x.pdf\"; filename*=UTF-8''%E0%A4%A")).toBe('x.pdf');
    expect(filenameOf(null)).toBeNull();
  });

  it('builds only addresses the API accepts', () => {
    expect(exportUrl('d1', { format: 'pdf', lang: 'ja', version: 'current' })).toBe('/api/declarations/d1/export?format=pdf&lang=ja&version=current');
    expect(() => exportUrl('d1', { format: 'pdf', lang: 'ja', version: '../x' })).toThrow();
  });
});
