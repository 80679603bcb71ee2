export * from './event.ts';
export * from './event-kind.ts';
export * from './registration.ts';
export * from './waiting-list.ts';
export * from './event-time.ts';
