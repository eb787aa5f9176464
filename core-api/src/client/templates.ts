/**
 * The typed client of e-mail templates (issue #5): list, read, write,
 * preview and fill them for an e-mail's recipients, as the portal and the
 * Outlook add-in do. Browser-safe like the rest of the client.
 */
import type {
  EmailTemplateDto,
  EmailTemplateInput,
  EmailTemplateList,
  EmailTemplateListQuery,
  EmailTemplateUpdate,
  MergeFieldList,
  PreviewInput,
  RenderInput,
  RenderedTemplate,
  TemplatePreview,
} from '../features/templates/templates.schemas.ts';
import type { Call, Query } from './call.ts';

export * from '../features/templates/templates.schemas.ts';

/** The `emailTemplates` part of the client. */
export function emailTemplatesClient(call: Call) {
  const one = (id: number) => `/api/email-templates/${id}`;

  return {
    /** Shared templates and the caller's own; `q` filters by name. */
    list: (query: EmailTemplateListQuery = {}) =>
      call<EmailTemplateList>(
        'GET',
        '/api/email-templates',
        undefined,
        query as Query,
      ),
    get: (id: number) => call<EmailTemplateDto>('GET', one(id)),
    create: (input: EmailTemplateInput) =>
      call<EmailTemplateDto>('POST', '/api/email-templates', input),
    /** `version` is the one read: a colleague's save in between gets 409. */
    update: (id: number, input: EmailTemplateUpdate) =>
      call<EmailTemplateDto>('PUT', one(id), input),
    remove: (id: number) => call<void>('DELETE', one(id)),
    /** The merge fields a template may use, with labels and examples. */
    fields: () => call<MergeFieldList>('GET', '/api/email-templates/fields'),
    /** Fills a template for an e-mail's recipients (1 to 500 addresses). */
    render: (id: number, recipients: RenderInput['recipients']) =>
      call<RenderedTemplate>('POST', `${one(id)}/render`, { recipients }),
    /** Fills a draft for one contact, or with examples, as a save would check it. */
    preview: (input: PreviewInput) =>
      call<TemplatePreview>('POST', '/api/email-templates/preview', input),
  };
}
