export * from './assignment.ts';
export * from './garden.ts';
export * from './harvest.ts';
export * from './waiting-list.ts';
