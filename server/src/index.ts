/** The reference server's entry points (server/README.md). */
export { createServer } from './server.js';
export type { InvoiceServer, ListeningAddress, ServerOptions } from './server.js';
export { openDatabase, sqlState } from './db/database.js';
export type { Database, DatabaseOptions, Queryable, QueryResult } from './db/database.js';
export { migrate, readMigrations } from './db/migrate.js';
export { README_CUSTOMER, RESELLERS, resellerOf, seed } from './db/seed.js';
export type { SeedOptions, SeedResult } from './db/seed.js';
export { createTokens } from './tokens.js';
export type { IssueRequest, Principal, TokenOptions, TokenService } from './tokens.js';
/** The store's reads, for tools and tests that query without HTTP (same scopes as the API). */
export { getInvoice, listInvoices, searchCustomers } from './store/read.js';
