import type { Channel, ExportFormat } from 'core-api/client';
import type { MessageKey } from '../../i18n/messages.ts';

/** One format of the export dialog: its name, what it is for, its channel. */
export type FormatChoice = {
  format: ExportFormat;
  label: MessageKey;
  hint: MessageKey;
  /**
   * The channel whose opt-outs it leaves out unless told otherwise, as the
   * API does: email for Outlook and vCards, post for mail merge, none for
   * Excel and the printable page.
   */
  channel: Channel | 'none';
  /** Letters and labels accept a Word template with merge fields. */
  template?: boolean;
};

/** The formats, in the order the dialog offers them. */
export const formatChoices: FormatChoice[] = [
  {
    format: 'xlsx',
    label: 'export.format.xlsx',
    hint: 'export.format.xlsx.hint',
    channel: 'none',
  },
  {
    format: 'outlook-csv',
    label: 'export.format.outlook-csv',
    hint: 'export.format.outlook-csv.hint',
    channel: 'email',
  },
  {
    format: 'vcard3',
    label: 'export.format.vcard3',
    hint: 'export.format.vcard3.hint',
    channel: 'email',
  },
  {
    format: 'vcard4',
    label: 'export.format.vcard4',
    hint: 'export.format.vcard4.hint',
    channel: 'email',
  },
  {
    format: 'html',
    label: 'export.format.html',
    hint: 'export.format.html.hint',
    channel: 'none',
  },
  {
    format: 'word-csv',
    label: 'export.format.word-csv',
    hint: 'export.format.word-csv.hint',
    channel: 'post',
  },
  {
    format: 'docx-letters',
    label: 'export.format.docx-letters',
    hint: 'export.format.docx-letters.hint',
    channel: 'post',
    template: true,
  },
  {
    format: 'docx-labels',
    label: 'export.format.docx-labels',
    hint: 'export.format.docx-labels.hint',
    channel: 'post',
    template: true,
  },
];

/** The choice of `format` (the dialog only offers known formats). */
export function choiceOf(format: ExportFormat): FormatChoice {
  return (
    formatChoices.find((choice) => choice.format === format) ??
    (formatChoices[0] as FormatChoice)
  );
}

/** The channels the dialog offers, « none » first. */
export const channelChoices: Array<Channel | 'none'> = [
  'none',
  'email',
  'sms',
  'post',
  'phone',
  'fax',
];
