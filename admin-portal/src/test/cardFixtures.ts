import type { AuditEventDto, ContactDto } from 'core-api/client';
import { fail, ok, type FakeAnswer, type FakeRoute } from './fakeApi.ts';
import { buildFullContact, buildUser } from './fixtures.ts';

/** A live contact (not deleted, not deactivated) with every attribute set. */
export function buildLiveContact(overrides: Partial<ContactDto> = {}) {
  return buildFullContact({
    deletedAt: null,
    deactivatedAt: null,
    ...overrides,
  });
}

/** An audit event of the trail, as `GET …/audit` lists them. */
export function buildAuditEvent(
  overrides: Partial<AuditEventDto> = {},
): AuditEventDto {
  return {
    id: 1,
    occurredAt: '2026-12-01T09:00:00Z',
    actorId: 8,
    actorLabel: 'Paul Martin',
    action: 'update',
    entityType: 'contact',
    entityId: '42',
    parentId: null,
    summary: null,
    before: null,
    after: null,
    requestId: null,
    ...overrides,
  };
}

/** A page of audit events. */
export function auditPage(items: AuditEventDto[]): FakeAnswer {
  return ok({ items, total: items.length, page: 1, pageSize: 200 });
}

/** What a contact card reads besides the contact: lists, history, audit. */
export function contactCardRoutes(id = 42): Record<string, FakeRoute> {
  return {
    [`GET /api/contacts/${id}/lists`]: () => ok({ items: [] }),
    [`GET /api/contacts/${id}/interactions`]: () =>
      ok({ items: [], total: 0, page: 1, pageSize: 50 }),
    [`GET /api/contacts/${id}/audit`]: () => auditPage([]),
  };
}

/** A session of the given role, for the card's delete and restore. */
export function sessionOf(role: 'admin' | 'editor') {
  return {
    user: buildUser({ role }),
    signOut: () => undefined,
    expire: () => undefined,
  };
}

/** The API's refusal of bad fields, each message `fr / en`. */
export function refusedFields(
  fields: Array<{ path: string; message: string }>,
) {
  return fail(
    400,
    'VALIDATION_FAILED',
    'Certains champs sont invalides.',
    fields,
  );
}

/** The API's refusal of a stale version. */
export function staleVersion(current: number) {
  return fail(
    409,
    'VERSION_CONFLICT',
    'Cette fiche a été modifiée entre-temps par quelqu’un d’autre. Rechargez-la.',
    [
      {
        path: 'version',
        message: `version actuelle / current version: ${current}`,
      },
    ],
  );
}

/** The text an input is described by: its hint and its field's message. */
export function describedText(input: HTMLElement): string {
  return (input.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');
}
