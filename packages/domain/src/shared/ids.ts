import { z } from 'zod';

export const uuid = z.uuid({ error: 'Identifiant invalide (UUID attendu).' });

export const idParam = z.object({ id: uuid });
