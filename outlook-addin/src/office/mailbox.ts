/**
 * The only module that touches Office.js: promise wrappers over the
 * callback APIs of the open item, and the requirement-set checks each
 * feature needs before it is offered. The components see `HostItem` only,
 * so their tests need no Office at all.
 */

/** An address of the e-mail with its display name. */
export type Mailbox = { address: string; name: string | null };

/** The message being read. */
export type ReadItem = {
  mode: 'read';
  internetMessageId: string;
  subject: string | null;
  /** ISO 8601. */
  sentAt: string;
  from: Mailbox;
  to: Mailbox[];
  cc: Mailbox[];
  /** The address of the mailbox the message is read in (not a contact). */
  owner: string | null;
  /** The body as plain text (signature parsing works on text). */
  body: () => Promise<string>;
};

/** The message being written. */
export type ComposeItem = {
  mode: 'compose';
  /** To, cc and bcc, without repeats. */
  recipients: () => Promise<Mailbox[]>;
  subject: () => Promise<string>;
  setSubject: (subject: string) => Promise<void>;
  /** Inserts HTML at the cursor; null when the host cannot (Mailbox 1.2). */
  insertHtml: ((html: string) => Promise<void>) | null;
  /** The From address; null when the host cannot tell it (Mailbox 1.7). */
  from: (() => Promise<Mailbox | null>) | null;
};

export type HostItem = ReadItem | ComposeItem;

/** A failed Office.js call, with the host's own code and message. */
export class OfficeCallError extends Error {
  readonly code: number | undefined;

  constructor(message: string, code?: number) {
    super(message);
    this.code = code;
  }
}

type Settle<T> = (callback: (result: Office.AsyncResult<T>) => void) => void;

/** Runs a callback API and settles with its value or its error. */
export function settle<T>(start: Settle<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    start((result) => {
      if (result.status === Office.AsyncResultStatus.Failed)
        reject(new OfficeCallError(result.error.message, result.error.code));
      else resolve(result.value);
    });
  });
}

const mailboxOf = (details: Office.EmailAddressDetails): Mailbox => ({
  address: details.emailAddress.trim().toLowerCase(),
  name: details.displayName?.trim() || null,
});

/** Whether the host implements a Mailbox requirement set. */
export function supportsMailbox(version: string): boolean {
  return Office.context.requirements.isSetSupported('Mailbox', version);
}

function readItem(item: Office.MessageRead): ReadItem {
  return {
    mode: 'read',
    internetMessageId: item.internetMessageId,
    subject: item.subject || null,
    sentAt: new Date(item.dateTimeCreated).toISOString(),
    from: mailboxOf(item.from),
    to: (item.to ?? []).map(mailboxOf),
    cc: (item.cc ?? []).map(mailboxOf),
    owner:
      Office.context.mailbox.userProfile?.emailAddress?.trim().toLowerCase() ||
      null,
    body: () =>
      settle<string>((done) =>
        item.body.getAsync(Office.CoercionType.Text, done),
      ),
  };
}

function composeItem(item: Office.MessageCompose): ComposeItem {
  const recipientsOf = (field: Office.Recipients) =>
    settle<Office.EmailAddressDetails[]>((done) => field.getAsync(done));

  return {
    mode: 'compose',
    recipients: async () => {
      const lists = await Promise.all(
        [item.to, item.cc, item.bcc].map(recipientsOf),
      );
      const seen = new Map<string, Mailbox>();
      for (const one of lists.flat().map(mailboxOf))
        if (one.address && !seen.has(one.address)) seen.set(one.address, one);

      return [...seen.values()];
    },
    subject: () => settle<string>((done) => item.subject.getAsync(done)),
    setSubject: (subject) =>
      settle<void>((done) => item.subject.setAsync(subject, done)),
    insertHtml: supportsMailbox('1.2')
      ? (html) =>
          settle<void>((done) =>
            item.body.setSelectedDataAsync(
              html,
              { coercionType: Office.CoercionType.Html },
              done,
            ),
          )
      : null,
    from: supportsMailbox('1.7')
      ? async () => {
          const details = await settle<Office.EmailAddressDetails>((done) =>
            item.from.getAsync(done),
          );
          return details ? mailboxOf(details) : null;
        }
      : null,
  };
}

/**
 * The item open in Outlook, read or being written, or null (no item: the
 * pane pinned on an empty folder). Compose items expose their subject as an
 * object with `getAsync`; read items as a string.
 */
export function currentItem(): HostItem | null {
  const item = Office.context.mailbox?.item;
  if (!item) return null;
  const subject = (item as { subject?: unknown }).subject;
  if (typeof subject === 'object' && subject !== null && 'getAsync' in subject)
    return composeItem(item as Office.MessageCompose);

  return readItem(item as Office.MessageRead);
}

/** Outlook's display language (`fr-FR`), to choose the pane's. */
export function displayLanguage(): string | undefined {
  return Office.context.displayLanguage;
}

/** Whether Outlook shows a dark theme (its body background is dark). */
export function prefersDark(): boolean {
  const background = Office.context.officeTheme?.bodyBackgroundColor;
  const match = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(
    background ?? '',
  );
  if (!match) return false;
  const [r, g, b] = [1, 2, 3].map((i) => parseInt(match[i] ?? '0', 16));

  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b! < 128;
}
