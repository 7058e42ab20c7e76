export * from './text/vietnamese.ts';
export * from './text/units.ts';
export * from './plan/planDraft.ts';
