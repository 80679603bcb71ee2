export * from './check-in.ts';
export * from './pass.ts';
