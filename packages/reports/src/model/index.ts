export * from './dashboard.ts';
export * from './filters.ts';
export * from './periods.ts';
export * from './presets.ts';
export * from './report.ts';
