export * from './availability.ts';
export * from './booking.ts';
export * from './booking-status.ts';
export * from './instant.ts';
export * from './interval.ts';
export * from './price.ts';
export * from './resource.ts';
export * from './tariff.ts';
