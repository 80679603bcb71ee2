import { contextRouter } from '../http/router.ts';

/** Placeholder: filled in by the fund work (issue 6). */
export const donorsRoutes = contextRouter();
