import type { Plugin, Rollup } from 'vite';

type OutputBundle = Rollup.OutputBundle;
type OutputChunk = Rollup.OutputChunk;

/**
 * Adds to index.html a few lines that, on a declaration's address (`/d/<id>`) only, ask for the
 * editor's chunks at once, beside the entry script: otherwise they would be requested only once the
 * entry has arrived and run, one more round trip on conference wifi. `crossOrigin` as on Vite's own
 * module script, or the browser would not reuse the preloaded response. The home, join and sign-in
 * pages fetch none of it (src/routing/pageModules.ts splits the pages).
 */
export function routePreload(): Plugin {
  return {
    name: 'accord-route-preload',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        if (!context.bundle) return html;
        const editor = Object.values(context.bundle).find(
          // By the modules it holds, not its facade: Rollup leaves `facadeModuleId` null on a chunk
          // that other chunks import back (the lazy side panels do).
          (file): file is OutputChunk => file.type === 'chunk' && file.isDynamicEntry && file.moduleIds.some((id) => id.endsWith('/editor/EditorPage.tsx')),
        );
        if (!editor) throw new Error('routePreload: no chunk for editor/EditorPage.tsx in the bundle');
        const files = [editor.fileName, ...staticImports(context.bundle, editor)].map((name) => `/${name}`);
        const script = `<script>if(/^\\/d\\/[^/]+\\/?$/.test(location.pathname))for(const h of ${JSON.stringify(files)}){const l=document.createElement('link');l.rel='modulepreload';l.crossOrigin='';l.href=h;document.head.append(l)}</script>`;
        return html.replace('</head>', `  ${script}\n  </head>`);
      },
    },
  };
}

/** Every chunk `chunk` imports statically, directly or not, except the entry (already in the page). */
function staticImports(bundle: OutputBundle, chunk: OutputChunk, seen = new Set<string>()): string[] {
  for (const name of chunk.imports) {
    const imported = bundle[name];
    if (seen.has(name) || !imported || imported.type !== 'chunk' || imported.isEntry) continue;
    seen.add(name);
    staticImports(bundle, imported, seen);
  }
  return [...seen];
}
