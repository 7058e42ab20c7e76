import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/** The sign-in form's own small script (src/auth/signInForm.ts) is an entry of its own, put
 *  first in the page, so the form works before the application's script has arrived. */
function signInScriptFirst(): Plugin {
  return {
    name: 'sign-in-script-first',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        const chunk = Object.values(context.bundle ?? {}).find(
          (c) => c.type === 'chunk' && c.isEntry && c.name === 'signIn',
        );
        if (!chunk) throw new Error('sign-in script missing from the build');
        // The app's own entry is marked: signed out, the server sends it as a preload only
        // (fetched and compiled, not run) and the sign-in script runs it on signing in.
        return html.replace(
          '<script type="module"',
          `<script type="module" crossorigin src="/${chunk.fileName}"></script>\n    <script type="module" data-app-entry`,
        );
      },
    },
  };
}

export default defineConfig({
  plugins: [react(), signInScriptFirst()],
  // The manifest (dist/.vite/manifest.json) tells bench/bundle.ts which chunks each screen needs.
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    manifest: true,
    rollupOptions: {
      input: {
        index: resolve(import.meta.dirname, 'index.html'),
        signIn: resolve(import.meta.dirname, 'src/auth/signInForm.ts'),
      },
      output: {
        // Few, larger chunks: on a phone line every file costs a round trip of its own (150 ms
        // on 3G), so Mantine's components travel together instead of one file each.
        manualChunks: (id: string) => (/[\\/]@mantine[\\/]/.test(id) ? 'mantine' : undefined),
      },
    },
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
