export * from './event.ts';
export * from './event-kind.ts';
export * from './event-time.ts';
export * from './registration.ts';
export * from './waiting-list.ts';
