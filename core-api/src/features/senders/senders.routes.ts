import { z } from 'zod';
import { route } from '../../platform/http/routes.ts';
import { idParam } from '../common.schemas.ts';
import { managedUserDto, userDepartmentInput } from '../users/users.schemas.ts';
import {
  createDepartment,
  deleteDepartment,
  listDepartments,
  setUserDepartment,
  updateDepartment,
} from './departments.service.ts';
import {
  departmentDto,
  departmentInput,
  departmentList,
  departmentUpdate,
  mySenderAddressList,
  senderAddressDto,
  senderAddressInput,
  senderAddressList,
  senderAddressUpdate,
} from './senders.schemas.ts';
import {
  createSenderAddress,
  deleteSenderAddress,
  getSenderAddress,
  listSenderAddresses,
  mySenderAddresses,
  updateSenderAddress,
} from './senders.service.ts';

const byId = z.object({ id: idParam });
const tag = 'senders';

/**
 * Sending rights (R24): the addresses mail may be sent from and who may
 * use them, the departments (services) of the staff, each user's
 * department. Administrators manage; everyone reads what they may use.
 */
export const senderRoutes = [
  route({
    method: 'get',
    path: '/api/me/sender-addresses',
    summary:
      'Adresses d’expéditeur que l’utilisateur peut employer ' +
      '(celle par défaut de son service en tête)',
    tag,
    access: 'editor',
    response: mySenderAddressList,
    handler: (_input, ctx) => mySenderAddresses(ctx),
  }),
  route({
    method: 'get',
    path: '/api/sender-addresses',
    summary: 'Adresses d’expéditeur déclarées et leurs droits',
    tag,
    access: 'admin',
    response: senderAddressList,
    handler: (_input, ctx) => listSenderAddresses(ctx),
  }),
  route({
    method: 'post',
    path: '/api/sender-addresses',
    summary: 'Déclarer une adresse d’expéditeur et qui peut l’employer',
    tag,
    access: 'admin',
    body: senderAddressInput,
    response: senderAddressDto,
    status: 201,
    handler: ({ body }, ctx) => createSenderAddress(ctx, body),
  }),
  route({
    method: 'get',
    path: '/api/sender-addresses/:id',
    summary: 'Une adresse d’expéditeur et ses droits (ETag = version)',
    tag,
    access: 'admin',
    params: byId,
    response: senderAddressDto,
    handler: async ({ params }, ctx, _request, response) => {
      const address = await getSenderAddress(ctx, params.id);
      response.setHeader('ETag', `"${address.version}"`);

      return address;
    },
  }),
  route({
    method: 'put',
    path: '/api/sender-addresses/:id',
    summary:
      'Modifier une adresse d’expéditeur et ses droits (version ou If-Match)',
    tag,
    access: 'admin',
    params: byId,
    body: senderAddressUpdate,
    response: senderAddressDto,
    handler: ({ params, body }, ctx) =>
      updateSenderAddress(ctx, params.id, body),
  }),
  route({
    method: 'delete',
    path: '/api/sender-addresses/:id',
    summary: 'Supprimer une adresse d’expéditeur',
    tag,
    access: 'admin',
    params: byId,
    handler: ({ params }, ctx) => deleteSenderAddress(ctx, params.id),
  }),
  route({
    method: 'get',
    path: '/api/departments',
    summary: 'Services de l’organisation',
    tag,
    access: 'editor',
    response: departmentList,
    handler: (_input, ctx) => listDepartments(ctx),
  }),
  route({
    method: 'post',
    path: '/api/departments',
    summary: 'Créer un service',
    tag,
    access: 'admin',
    body: departmentInput,
    response: departmentDto,
    status: 201,
    handler: ({ body }, ctx) => createDepartment(ctx, body),
  }),
  route({
    method: 'put',
    path: '/api/departments/:id',
    summary: 'Renommer un service ou changer son code (version ou If-Match)',
    tag,
    access: 'admin',
    params: byId,
    body: departmentUpdate,
    response: departmentDto,
    handler: ({ params, body }, ctx) => updateDepartment(ctx, params.id, body),
  }),
  route({
    method: 'delete',
    path: '/api/departments/:id',
    summary: 'Supprimer un service sans utilisateurs',
    tag,
    access: 'admin',
    params: byId,
    handler: ({ params }, ctx) => deleteDepartment(ctx, params.id),
  }),
  route({
    method: 'put',
    path: '/api/users/:id/department',
    summary: 'Fixer le service d’un utilisateur (null : aucun)',
    tag: 'users',
    access: 'admin',
    params: byId,
    body: userDepartmentInput,
    response: managedUserDto,
    handler: ({ params, body }, ctx) =>
      setUserDepartment(ctx, params.id, body.departmentId),
  }),
];
