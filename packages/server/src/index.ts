export { buildApp } from './app.ts';
export { loadConfig, type Config } from './config.ts';
export { openDatabase, type DatabaseHandle } from './db/dialect.ts';
export { migrateToLatest } from './db/migrate.ts';
export { startServer } from './server.ts';
export { seedDemo, DEMO_PASSWORD } from './demo/seed.ts';
