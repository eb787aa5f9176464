import { z } from 'zod';
import { route } from '../../platform/http/routes.ts';
import { idParam } from '../common.schemas.ts';
import { userActiveInput } from './user-status.schemas.ts';
import { setUserActive } from './user-status.service.ts';
import { managedUserDto } from './users.schemas.ts';

export const userStatusRoutes = [
  route({
    method: 'put',
    path: '/api/users/:id/active',
    summary:
      'Désactiver ou réactiver un compte (jamais le sien ni le dernier administrateur)',
    tag: 'users',
    access: 'admin',
    params: z.object({ id: idParam }),
    body: userActiveInput,
    response: managedUserDto,
    handler: ({ params, body }, ctx) =>
      setUserActive(ctx, params.id, body.active),
  }),
];
