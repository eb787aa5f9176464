import { z } from 'zod';

/** An account to deactivate (`false`) or reactivate (`true`). */
export const userActiveInput = z.object({
  active: z.boolean({
    message: 'vrai ou faux attendu / true or false expected',
  }),
});

export type UserActiveInput = z.input<typeof userActiveInput>;
