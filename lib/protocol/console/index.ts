// The console contract: every /api/console request and answer as zod schemas, and the types inferred
// from them. Pure zod, imported by route handlers, domain code (its view types) and the browser.
export * from './shared';
export * from './agents';
export * from './conversations';
export * from './bot';
export * from './activities';
export * from './offers';
export * from './supervisor';
export * from './reports';
export * from './admin';
export * from './bots';
export * from './calendar';
export * from './events';
export * from './contacts';
export * from './labels';
export * from './endpoints';
export * from './audit';
export * from './customers';
