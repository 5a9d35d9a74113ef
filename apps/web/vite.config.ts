import { defineConfig } from 'vite';
import { precompressAssets, shellManifest } from './build/precompressAssets';
import { routePreload } from './build/routePreload';

/** The Accord server (`pnpm start`) listens here; the dev server forwards API and sync to it. */
const ACCORD_SERVER = 'http://localhost:8080';

export default defineConfig({
  // Vite's built-in esbuild JSX transform: the app needs no React-specific Vite plugin.
  esbuild: { jsx: 'automatic' },
  resolve: {
    // One copy of each of these, or Yjs types and ProseMirror plugin keys stop matching across
    // packages (Yjs warns "Yjs was already imported" and `instanceof` checks fail).
    dedupe: ['yjs', 'y-protocols', 'lib0', '@tiptap/pm', '@tiptap/core', '@tiptap/y-tiptap', 'react', 'react-dom'],
  },
  server: {
    proxy: {
      '/api': ACCORD_SERVER,
      '/collab': { target: ACCORD_SERVER, ws: true },
    },
  },
  plugins: [routePreload(), shellManifest(), precompressAssets()],
  build: {
    target: 'es2022',
    // No source maps in the build: the 5 MB map was public and no visitor needs it (docs/deployment.md).
    sourcemap: false,
  },
});
