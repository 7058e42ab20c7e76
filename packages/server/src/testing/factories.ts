// Test factories: each makes the fewest rows a test needs, with generated names and the
// caller's overrides, and returns what it made (see docs/conventions.md, Tests).
export * from './factories/org.ts';
export * from './factories/plans.ts';
export * from './factories/reporting.ts';
