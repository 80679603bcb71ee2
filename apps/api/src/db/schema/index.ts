export * from './booking.ts';
export * from './identity.ts';
export * from './network.ts';
