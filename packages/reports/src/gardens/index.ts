export * from './gardens.ts';
