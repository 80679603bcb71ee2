export * from './custom-field.ts';
export * from './custom-values.ts';
export * from './definition-change.ts';
