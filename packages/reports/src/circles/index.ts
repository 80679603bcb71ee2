export * from './circles.ts';
