import type {
  EmailTemplateList,
  MySenderAddress,
  MySenderAddressList,
  RelaisClient,
  RenderedTemplate,
} from 'core-api/client';

/** One template as compose mode lists it. */
export type TemplateSummary = EmailTemplateList['items'][number];
export type SenderAddress = MySenderAddress;
export type Recipient = { email: string; name?: string };

/**
 * What compose mode asks of the API, narrowed from the typed client so the
 * pane's tests can answer just these three calls.
 */
export type ComposeApi = {
  templates: () => Promise<EmailTemplateList>;
  render: (id: number, recipients: Recipient[]) => Promise<RenderedTemplate>;
  senders: () => Promise<MySenderAddressList>;
};

/** Compose mode's part of the typed client. */
export function composeApiOf(client: RelaisClient): ComposeApi {
  return {
    templates: () => client.emailTemplates.list(),
    render: (id, recipients) => client.emailTemplates.render(id, recipients),
    senders: () => client.senderAddresses.mine(),
  };
}
