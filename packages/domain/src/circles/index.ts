export * from './case.ts';
export * from './case-stage.ts';
export * from './retention.ts';
export * from './session.ts';
export * from './small-cells.ts';
