/**
 * The fixed words of a contact's details: kinds of phone, labels of an email
 * or address, social networks. Plain lists, free of zod, so that the column
 * keys of an import can reach the browser without the schemas behind them.
 */

/** What a phone number is for. */
export const phoneKinds = ['mobile', 'office', 'home', 'fax', 'other'] as const;

/** Whose an email address (or a postal address) is: work, home, other. */
export const emailLabels = ['work', 'home', 'other'] as const;

/** The networks a social account can belong to. */
export const socialNetworks = [
  'twitter',
  'linkedin',
  'facebook',
  'instagram',
  'mastodon',
  'bluesky',
  'youtube',
  'tiktok',
  'other',
] as const;
