export * from './basic-needs.ts';
export * from './ids.ts';
export * from './pagination.ts';
export * from './problem.ts';
export * from './search.ts';
export * from './siret.ts';
