// The server's suites in one process over one in-memory PGlite (support.mjs, sharedServer):
// every endpoint (api), wrong tokens (auth), versions, idempotency and transitions (writes),
// the optional fixture endpoints (fixtures), the package's RestBackend over HTTP. The CLI has its own file (cli.test.mjs).
import { after } from 'node:test';
import { closeSharedServer } from './support.mjs';
import './api.suite.mjs';
import './auth.suite.mjs';
import './writes.suite.mjs';
import './fixtures.suite.mjs';
import './rest-backend.suite.mjs';
import './totals.suite.mjs';
import './batch.suite.mjs';

after(closeSharedServer);
