export * from './filters.ts';
export * from './periods.ts';
export * from './report.ts';
