/** Layer rules (STYLE.md "Dependency rule") and a ban on import cycles. Run by `npm run lint`. */
module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', comment: 'Import cycles make layers meaningless.', from: {}, to: { circular: true } },
    { name: 'domain-is-pure', severity: 'error', from: { path: '^src/domain' }, to: { path: '^src/(fhir|db|server|web)' } },
    { name: 'fhir-only-domain', severity: 'error', from: { path: '^src/fhir' }, to: { path: '^src/(db|server|web)' } },
    { name: 'db-not-server-or-web', severity: 'error', from: { path: '^src/db' }, to: { path: '^src/(server|web)' } },
    { name: 'server-not-web', severity: 'error', from: { path: '^src/server' }, to: { path: '^src/web' } },
    { name: 'web-over-http-only', severity: 'error', from: { path: '^src/web' }, to: { path: '^src/(db|server)' } },
    {
      name: 'domain-no-io',
      severity: 'error',
      comment: 'The clinical core does no I/O: no fs, net, http, child_process, database drivers.',
      from: { path: '^src/domain' },
      to: { path: '^(fs|net|http|https|child_process|pg|@electric-sql|drizzle-orm|fastify)', dependencyTypes: ['core', 'npm'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    exclude: { path: '(^dist|^data|\\.test\\.ts$)' },
  },
};
