export * from './fund.ts';
