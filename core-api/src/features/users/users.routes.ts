import { z } from 'zod';
import { route } from '../../platform/http/routes.ts';
import { roles } from '../auth/auth.schemas.ts';
import { managedUserDto, managedUserList } from './users.schemas.ts';
import { createUser, listUsers } from './users.service.ts';

export const newUserInput = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(
      z.email({ message: 'adresse e-mail invalide / invalid email address' }),
    ),
  displayName: z.string().trim().min(1).max(200),
  role: z.enum(roles),
  password: z
    .string()
    .min(12, { message: '12 caractères au moins / at least 12 characters' })
    .max(500)
    .optional(),
  /** The department (service) the user works in. */
  departmentId: z.number().int().positive().max(2_147_483_647).nullish(),
});

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
