import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './precompress';

const root = path.dirname(fileURLToPath(import.meta.url));

/** The agent console: built to console/dist, served by the Meridian server at / (server/src/console). */
export default defineConfig({
  root,
  base: '/',
  plugins: [react(), precompress()],
  build: {
    outDir: path.join(root, 'dist'),
    emptyOutDir: true,
    assetsDir: 'assets',
    // Separate files only: the server's CSP allows no inline script or data: module.
    assetsInlineLimit: 0,
    target: 'es2022',
    sourcemap: true,
  },
  // `npx vite --config console/vite.config.ts` for development against a running server.
  server: {
    proxy: { '/api': { target: 'http://127.0.0.1:3000', ws: true } },
  },
});
