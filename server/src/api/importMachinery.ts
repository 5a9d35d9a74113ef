import type { buildIntoPreview as BuildIntoPreview } from '@accord/import/buildIntoPreview';
import type { buildPreview as BuildPreview } from '@accord/import/buildPreview';
import type { parseSource as ParseSource } from '@accord/import/parseSource';
import type { previewIntoWrites as PreviewIntoWrites } from '@accord/import/previewIntoWrites';
import type { previewSections as PreviewSections } from '@accord/import/previewSections';

/** What the import routes compute with: the parsers, the aligner and the preview's writers. */
export interface ImportMachinery {
  parseSource: typeof ParseSource;
  buildPreview: typeof BuildPreview;
  previewSections: typeof PreviewSections;
  buildIntoPreview: typeof BuildIntoPreview;
  previewIntoWrites: typeof PreviewIntoWrites;
}

let machinery: Promise<ImportMachinery> | null = null;

/**
 * The import machinery (mammoth, JSZip, micromark, the aligner), loaded on the first import, not
 * at every start: it would add a second to the server's start for routes used a few times a year.
 */
export function loadImportMachinery(): Promise<ImportMachinery> {
  machinery ??= Promise.all([
    import('@accord/import/parseSource'),
    import('@accord/import/buildPreview'),
    import('@accord/import/previewSections'),
    import('@accord/import/buildIntoPreview'),
    import('@accord/import/previewIntoWrites'),
  ]).then(([a, b, c, d, e]) => ({
    parseSource: a.parseSource,
    buildPreview: b.buildPreview,
    previewSections: c.previewSections,
    buildIntoPreview: d.buildIntoPreview,
    previewIntoWrites: e.previewIntoWrites,
  }));
  return machinery;
}
