import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The web app (clinician workspace and patient portal) lives in src/web and is built into dist/web,
 * which the server serves. In development, API, FHIR, CDS Hooks and health calls go to the server on :3000.
 */
const apiTarget = 'http://127.0.0.1:3000';

export default defineConfig({
  root: 'src/web',
  plugins: [react()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
  },
  server: {
    proxy: {
      '/api': { target: apiTarget },
      '/fhir': { target: apiTarget },
      '/cds-services': { target: apiTarget },
      '/health': { target: apiTarget },
    },
  },
});
