import { z } from 'zod';
import { route } from '../../platform/http/routes.ts';
import { newUserInput } from './new-user.schemas.ts';
import { managedUserDto, managedUserList } from './users.schemas.ts';
import { createUser, listUsers } from './users.service.ts';

export const usersRoutes = [
  route({
    method: 'get',
    path: '/api/users',
    summary: 'Comptes utilisateurs (administrateurs)',
    tag: 'users',
    access: 'admin',
    response: managedUserList,
    handler: async (_input, ctx) => ({ items: await listUsers(ctx) }),
  }),
  route({
    method: 'post',
    path: '/api/users',
    summary: 'Créer un compte (mot de passe à usage unique si absent)',
    tag: 'users',
    access: 'admin',
    body: newUserInput,
    response: z.object({
      user: managedUserDto,
      oneTimePassword: z.string().optional(),
    }),
    status: 201,
    handler: ({ body }, ctx) => createUser(ctx, body),
  }),
];
