/**
 * The typed client of sending rights (R24): the addresses the caller may
 * send from, and their administration with the departments (services) of
 * the staff. Browser-safe like the rest of the client.
 */
import type {
  DepartmentDto,
  DepartmentInput,
  DepartmentList,
  DepartmentUpdate,
  MySenderAddressList,
  SenderAddressDto,
  SenderAddressInput,
  SenderAddressList,
  SenderAddressUpdate,
} from '../features/senders/senders.schemas.ts';
import type { Call } from './call.ts';

export * from '../features/senders/senders.schemas.ts';
export * from '../features/users/users.schemas.ts';

/** The `senderAddresses` part of the client. */
export function senderAddressesClient(call: Call) {
  const one = (id: number) => `/api/sender-addresses/${id}`;

  return {
    /** The active addresses the caller may send from, their default first. */
    mine: () => call<MySenderAddressList>('GET', '/api/me/sender-addresses'),
    /** Every declared address with its rights (administrators). */
    list: () => call<SenderAddressList>('GET', '/api/sender-addresses'),
    get: (id: number) => call<SenderAddressDto>('GET', one(id)),
    create: (input: SenderAddressInput) =>
      call<SenderAddressDto>('POST', '/api/sender-addresses', input),
    update: (id: number, input: SenderAddressUpdate) =>
      call<SenderAddressDto>('PUT', one(id), input),
    remove: (id: number) => call<void>('DELETE', one(id)),
  };
}

/** The `departments` part of the client. */
export function departmentsClient(call: Call) {
  const one = (id: number) => `/api/departments/${id}`;

  return {
    list: () => call<DepartmentList>('GET', '/api/departments'),
    create: (input: DepartmentInput) =>
      call<DepartmentDto>('POST', '/api/departments', input),
    update: (id: number, input: DepartmentUpdate) =>
      call<DepartmentDto>('PUT', one(id), input),
    /** Refused (409) while users belong to it. */
    remove: (id: number) => call<void>('DELETE', one(id)),
  };
}
