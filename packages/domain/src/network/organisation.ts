import { z } from 'zod';
import { uuid } from '../shared/ids.ts';

export const organisation = z
  .object({ id: uuid, slug: z.string(), name: z.string() })
  .meta({ id: 'Organisation' });
export type Organisation = z.infer<typeof organisation>;
