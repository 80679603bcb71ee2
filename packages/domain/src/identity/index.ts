export * from './policy.ts';
export * from './roles.ts';
export * from './user.ts';
