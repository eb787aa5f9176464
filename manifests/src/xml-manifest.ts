import type { Environment } from './environment.ts';
import { languageTags, texts, type Texts } from './texts.ts';
import { mailboxMinVersion, shortNameOf } from './unified-manifest.ts';
import { urlsOf } from './urls.ts';
import { el, serializeXml, type XmlElement } from './xml.ts';

export const namespaces = {
  officeApp: 'http://schemas.microsoft.com/office/appforoffice/1.1',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
  basicTypes: 'http://schemas.microsoft.com/office/officeappbasictypes/1.0',
  overrides: 'http://schemas.microsoft.com/office/mailappversionoverrides',
  overrides11:
    'http://schemas.microsoft.com/office/mailappversionoverrides/1.1',
} as const;

/**
 * Scopes single sign-on asks consent for: the user's identity, and
 * `User.Read` for the on-behalf-of exchange the API makes to Microsoft Graph.
 */
export const ssoScopes = ['openid', 'profile', 'User.Read'] as const;

const en = languageTags.en.xml;

/** A string resource with its English override. */
function localized(id: string, pick: (t: Texts) => string): XmlElement {
  return el(
    'bt:String',
    { id, DefaultValue: pick(texts.fr) },
    el('bt:Override', { Locale: en, Value: pick(texts.en) }),
  );
}

function button(surface: 'Read' | 'Compose'): XmlElement {
  const read = surface === 'Read';
  const action = el(
    'Action',
    { 'xsi:type': 'ShowTaskpane' },
    el('SourceLocation', { resid: 'Taskpane.Url' }),
    ...(read ? [el('SupportsPinning', {}, 'true')] : []),
  );
  return el(
    'ExtensionPoint',
    { 'xsi:type': `Message${surface}CommandSurface` },
    el(
      'OfficeTab',
      { id: 'TabDefault' },
      el(
        'Group',
        { id: read ? 'groupeLecture' : 'groupeRedaction' },
        el('Label', { resid: 'Group.Label' }),
        el(
          'Control',
          {
            'xsi:type': 'Button',
            id: read ? 'boutonLecture' : 'boutonRedaction',
          },
          el('Label', { resid: `${surface}.Label` }),
          el(
            'Supertip',
            {},
            el('Title', { resid: `${surface}.Label` }),
            el('Description', { resid: `${surface}.Tooltip` }),
          ),
          el(
            'Icon',
            {},
            ...[16, 32, 80].map((size) =>
              el('bt:Image', { size: String(size), resid: `Icon.${size}` }),
            ),
          ),
          action,
        ),
      ),
    ),
  );
}

/**
 * The XML add-in manifest for Outlook clients that do not read the unified
 * manifest: a MailApp with the 1.1 command surfaces (read and compose), the
 * same task pane, single sign-on through `WebApplicationInfo`, French by
 * default with English overrides.
 */
export function buildXmlManifest(environment: Environment): string {
  const urls = urlsOf(environment);
  const fr = texts.fr;
  const english = texts.en;
  const defaultAndEnglish = (name: string, french: string, other: string) =>
    el(
      name,
      { DefaultValue: french },
      el('Override', { Locale: en, Value: other }),
    );

  const root = el(
    'OfficeApp',
    {
      xmlns: namespaces.officeApp,
      'xmlns:xsi': namespaces.xsi,
      'xmlns:bt': namespaces.basicTypes,
      'xmlns:mailappor': `${namespaces.overrides}/1.0`,
      'xsi:type': 'MailApp',
    },
    el('Id', {}, environment.appId),
    el('Version', {}, `${environment.version}.0`),
    el('ProviderName', {}, environment.developer.name),
    el('DefaultLocale', {}, languageTags.fr.xml),
    defaultAndEnglish(
      'DisplayName',
      shortNameOf(environment, 'fr'),
      shortNameOf(environment, 'en'),
    ),
    defaultAndEnglish(
      'Description',
      fr.shortDescription,
      english.shortDescription,
    ),
    el('IconUrl', { DefaultValue: urls.addinIcon(64) }),
    el('HighResolutionIconUrl', { DefaultValue: urls.addinIcon(128) }),
    el('SupportUrl', { DefaultValue: environment.developer.websiteUrl }),
    el('AppDomains', {}, el('AppDomain', {}, urls.origin)),
    el('Hosts', {}, el('Host', { Name: 'Mailbox' })),
    el(
      'Requirements',
      {},
      el('Sets', {}, el('Set', { Name: 'Mailbox', MinVersion: '1.1' })),
    ),
    el(
      'FormSettings',
      {},
      el(
        'Form',
        { 'xsi:type': 'ItemRead' },
        el(
          'DesktopSettings',
          {},
          el('SourceLocation', { DefaultValue: urls.taskPane }),
          el('RequestedHeight', {}, '250'),
        ),
      ),
      el(
        'Form',
        { 'xsi:type': 'ItemEdit' },
        el(
          'DesktopSettings',
          {},
          el('SourceLocation', { DefaultValue: urls.taskPane }),
        ),
      ),
    ),
    el('Permissions', {}, 'ReadWriteItem'),
    el(
      'Rule',
      { 'xsi:type': 'RuleCollection', Mode: 'Or' },
      el('Rule', {
        'xsi:type': 'ItemIs',
        ItemType: 'Message',
        FormType: 'Read',
      }),
      el('Rule', {
        'xsi:type': 'ItemIs',
        ItemType: 'Message',
        FormType: 'Edit',
      }),
    ),
    el('DisableEntityHighlighting', {}, 'false'),
    el(
      'VersionOverrides',
      { xmlns: namespaces.overrides, 'xsi:type': 'VersionOverridesV1_0' },
      el(
        'VersionOverrides',
        { xmlns: namespaces.overrides11, 'xsi:type': 'VersionOverridesV1_1' },
        el(
          'Requirements',
          {},
          el(
            'bt:Sets',
            { DefaultMinVersion: mailboxMinVersion },
            el('bt:Set', { Name: 'Mailbox' }),
          ),
        ),
        el(
          'Hosts',
          {},
          el(
            'Host',
            { 'xsi:type': 'MailHost' },
            el('DesktopFormFactor', {}, button('Read'), button('Compose')),
          ),
        ),
        el(
          'Resources',
          {},
          el(
            'bt:Images',
            {},
            ...[16, 32, 80].map((size) =>
              el('bt:Image', {
                id: `Icon.${size}`,
                DefaultValue: urls.addinIcon(size),
              }),
            ),
          ),
          el(
            'bt:Urls',
            {},
            el('bt:Url', { id: 'Taskpane.Url', DefaultValue: urls.taskPane }),
          ),
          el(
            'bt:ShortStrings',
            {},
            localized('Group.Label', (t) => t.groupLabel),
            localized('Read.Label', (t) => t.readButton),
            localized('Compose.Label', (t) => t.composeButton),
          ),
          el(
            'bt:LongStrings',
            {},
            localized('Read.Tooltip', (t) => t.readTip),
            localized('Compose.Tooltip', (t) => t.composeTip),
          ),
        ),
        el(
          'WebApplicationInfo',
          {},
          el('Id', {}, environment.apiClientId),
          el('Resource', {}, urls.apiResource),
          el('Scopes', {}, ...ssoScopes.map((scope) => el('Scope', {}, scope))),
        ),
      ),
    ),
  );
  return serializeXml(root);
}
