export * from './centre.ts';
export * from './closure.ts';
export * from './opening-hours.ts';
export * from './opening-status.ts';
export * from './organisation.ts';
export * from './partner.ts';
export * from './time-zone.ts';
