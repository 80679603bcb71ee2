export * from './interval.ts';
export * from './price.ts';
export * from './resource.ts';
export * from './tariff.ts';
