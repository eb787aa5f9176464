import type { Environment } from './environment.ts';
import { languageTags, texts, type Locale } from './texts.ts';
import { urlsOf } from './urls.ts';

/**
 * Version of the Microsoft 365 app manifest written. Its schema is bundled by
 * `@microsoft/app-manifest`, so tests check against it offline; Outlook reads
 * add-ins from this manifest since 1.17.
 */
export const manifestVersion = '1.24';

const schemaBase = `https://developer.microsoft.com/json-schemas/teams/v${manifestVersion}`;
export const manifestSchemaUrl = `${schemaBase}/MicrosoftTeams.schema.json`;
export const localizationSchemaUrl = `${schemaBase}/MicrosoftTeams.Localization.schema.json`;

/**
 * Oldest Mailbox requirement set the task pane relies on: reading the body
 * (1.3), the item's recipients and `displayDialogAsync` for the sign-in
 * fallback are all there by 1.5, which every supported Outlook has.
 */
export const mailboxMinVersion = '1.5';

/** File names inside the Teams package, all at its root. */
export const packageFiles = {
  manifest: 'manifest.json',
  color: 'color.png',
  outline: 'outline.png',
  localization: (locale: Locale) => `${locale}.json`,
} as const;

const runtimeId = 'voletRelais';

/**
 * The activity Relais posts to a list owner's Teams feed (core-api,
 * `features/lists/teams-notifier.ts`, sends it under this type).
 */
export const changeRequestedActivity = 'changeRequested';
const actionIds = {
  mailRead: 'afficherVoletLecture',
  mailCompose: 'afficherVoletRedaction',
} as const;
const ribbonIconSizes = [16, 32, 80] as const;

/** Short name with the environment's suffix, e.g. `Relais (test)`. */
export function shortNameOf(environment: Environment, locale: Locale) {
  return `${texts[locale].shortName}${environment.nameSuffix}`;
}

function ribbon(environment: Environment, context: 'mailRead' | 'mailCompose') {
  const t = texts.fr;
  const urls = urlsOf(environment);
  const icons = ribbonIconSizes.map((size) => ({
    size,
    url: urls.addinIcon(size),
  }));
  const read = context === 'mailRead';
  const suffix = read ? 'Lecture' : 'Redaction';
  return {
    requirements: {
      capabilities: [{ name: 'Mailbox', minVersion: mailboxMinVersion }],
    },
    contexts: [context],
    tabs: [
      {
        builtInTabId: 'TabDefault',
        groups: [
          {
            id: `groupe${suffix}`,
            label: t.groupLabel,
            icons,
            controls: [
              {
                id: `bouton${suffix}`,
                type: 'button',
                label: read ? t.readButton : t.composeButton,
                icons,
                supertip: {
                  title: read ? t.readButton : t.composeButton,
                  description: read ? t.readTip : t.composeTip,
                },
                actionId: actionIds[context],
              },
            ],
          },
        ],
      },
    ],
  };
}

/**
 * The unified manifest: one Microsoft 365 app carrying the Outlook add-in
 * (task pane on read and compose) and the Teams tabs (a channel tab bound to
 * a list, a personal tab of lists). French strings are the default ones;
 * English comes from the localisation file.
 */
export function buildUnifiedManifest(environment: Environment) {
  const t = texts.fr;
  const urls = urlsOf(environment);
  return {
    $schema: manifestSchemaUrl,
    manifestVersion,
    version: environment.version,
    id: environment.appId,
    localizationInfo: {
      defaultLanguageTag: languageTags.fr.json,
      defaultLanguageFile: packageFiles.localization('fr'),
      additionalLanguages: [
        {
          languageTag: languageTags.en.json,
          file: packageFiles.localization('en'),
        },
      ],
    },
    developer: { ...environment.developer },
    name: { short: shortNameOf(environment, 'fr'), full: t.fullName },
    description: { short: t.shortDescription, full: t.fullDescription },
    icons: { color: packageFiles.color, outline: packageFiles.outline },
    accentColor: environment.accentColor.toUpperCase(),
    configurableTabs: [
      {
        configurationUrl: urls.tabConfiguration,
        canUpdateConfiguration: true,
        scopes: ['team'],
        context: ['channelTab'],
      },
    ],
    staticTabs: [
      {
        entityId: 'mesListes',
        name: t.personalTab,
        contentUrl: urls.personalTab,
        websiteUrl: environment.baseUrl,
        scopes: ['personal'],
      },
    ],
    validDomains: [urls.host],
    webApplicationInfo: {
      id: environment.apiClientId,
      resource: urls.apiResource,
    },
    // Sent through Graph by the API's registration (webApplicationInfo.id),
    // which needs the TeamsActivity.Send application permission.
    activities: {
      activityTypes: [
        {
          type: changeRequestedActivity,
          description: t.activityDescription,
          templateText: t.activityTemplate,
        },
      ],
    },
    authorization: {
      permissions: {
        resourceSpecific: [
          { name: 'MailboxItem.ReadWrite.User', type: 'Delegated' },
        ],
      },
    },
    extensions: [
      {
        requirements: {
          scopes: ['mail'],
          capabilities: [{ name: 'Mailbox', minVersion: mailboxMinVersion }],
        },
        runtimes: [
          {
            requirements: {
              capabilities: [
                { name: 'Mailbox', minVersion: mailboxMinVersion },
              ],
            },
            id: runtimeId,
            type: 'general',
            code: { page: urls.taskPane },
            lifetime: 'short',
            // Outlook pins a task pane only on a message being read.
            actions: [
              {
                id: actionIds.mailRead,
                type: 'openPage',
                displayName: t.actionName,
                pinnable: true,
              },
              {
                id: actionIds.mailCompose,
                type: 'openPage',
                displayName: t.actionName,
                pinnable: false,
              },
            ],
          },
        ],
        ribbons: [
          ribbon(environment, 'mailRead'),
          ribbon(environment, 'mailCompose'),
        ],
      },
    ],
  };
}

export type UnifiedManifest = ReturnType<typeof buildUnifiedManifest>;

/**
 * A localisation file: the translatable strings of the manifest, keyed as the
 * Teams localisation schema names them. The default language file repeats
 * the manifest's own strings, as Microsoft 365 expects.
 */
export function buildLocalization(environment: Environment, locale: Locale) {
  const t = texts[locale];
  const tab = 'extensions[0].ribbons[0].tabs[0].groups[0]';
  const strings: Record<string, string> = {
    $schema: localizationSchemaUrl,
    'name.short': shortNameOf(environment, locale),
    'name.full': t.fullName,
    'description.short': t.shortDescription,
    'description.full': t.fullDescription,
    'staticTabs[0].name': t.personalTab,
    'activities.activityTypes[0].description': t.activityDescription,
    'activities.activityTypes[0].templateText': t.activityTemplate,
    'extensions[0].runtimes[0].actions[0].displayName': t.actionName,
    'extensions[0].runtimes[0].actions[1].displayName': t.actionName,
  };
  [0, 1].forEach((index) => {
    const group = tab.replace('ribbons[0]', `ribbons[${index}]`);
    const read = index === 0;
    const label = read ? t.readButton : t.composeButton;
    strings[`${group}.label`] = t.groupLabel;
    strings[`${group}.controls[0].label`] = label;
    strings[`${group}.controls[0].supertip.title`] = label;
    strings[`${group}.controls[0].supertip.description`] = read
      ? t.readTip
      : t.composeTip;
  });
  return strings;
}
