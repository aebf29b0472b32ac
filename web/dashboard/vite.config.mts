import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * Built by `npm run build:web` (and by `npm start` / `npm test` when the sources are newer than
 * the build) into web/dashboard/dist, which the API serves at `/`. Hashed files go under
 * /static/ so they cannot be confused with the API's /api/v1/assets, and get a year-long cache.
 */
export default defineConfig({
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    assetsDir: 'static',
    emptyOutDir: true,
    target: 'es2022',
    reportCompressedSize: true,
  },
  server: {
    // `npx vite web/dashboard` during development: the API of `npm start` answers the calls.
    proxy: { '/api': 'http://127.0.0.1:8080', '/files': 'http://127.0.0.1:8080' },
  },
});
