export * from './booking.ts';
export * from './circles.ts';
export * from './coworking.ts';
export * from './events.ts';
export * from './fund.ts';
export * from './identity.ts';
export * from './network.ts';
