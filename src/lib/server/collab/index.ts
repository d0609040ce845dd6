export { createCollabServer, parseDocName, DEFAULT_LIMITS } from './server';
export type { CollabServer, CollabServerOptions, Limits } from './server';
export type { DocStorage, StoredDoc } from './storage';
export { MemoryStorage } from './storage';
export { SqliteStorage } from './sqlite-storage';
export type { Access, Authorize, Decision, Grant } from './types';
