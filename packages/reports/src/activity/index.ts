export * from './activity.ts';
export * from './bookable.ts';
