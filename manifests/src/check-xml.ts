import { isLoopback } from './environment.ts';
import { parseXml, type XmlElement } from './xml.ts';

/**
 * The namespaces Outlook expects, written out here rather than taken from the
 * generator so that a wrong one there is caught.
 */
const namespaces = {
  officeApp: 'http://schemas.microsoft.com/office/appforoffice/1.1',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
  basicTypes: 'http://schemas.microsoft.com/office/officeappbasictypes/1.0',
  overrides: 'http://schemas.microsoft.com/office/mailappversionoverrides',
  overrides11:
    'http://schemas.microsoft.com/office/mailappversionoverrides/1.1',
} as const;

/**
 * Checks an Outlook XML add-in manifest element by element, offline:
 * Microsoft's own validator for this format is an online service. What is
 * checked is what Outlook refuses a manifest for: the elements the MailApp
 * schema requires, in its order; ids; https addresses; string lengths;
 * resources that every `resid` points to; locales. Returns the problems
 * found, each with the path of the element, empty when none.
 */
export function checkXmlManifest(text: string): string[] {
  const problems: string[] = [];
  let root: XmlElement;
  try {
    root = parseXml(text);
  } catch (error) {
    return [`XML illisible / unreadable XML: ${(error as Error).message}`];
  }
  if (root.name !== 'OfficeApp')
    return [
      `racine <${root.name}> au lieu de <OfficeApp> / wrong root element`,
    ];
  checkElement(root, officeApp, 'OfficeApp', problems);
  if (problems.length === 0) crossChecks(root, problems);
  return problems;
}

type Rule = (value: string) => string | null;

/** What one element must look like; children are a sequence in this order. */
type Spec = {
  name: string;
  optional?: boolean;
  repeat?: boolean;
  attributes?: Record<string, Rule>;
  text?: Rule;
  children?: Spec[];
};

const guid: Rule = (v) =>
  /^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$/i.test(v)
    ? null
    : 'GUID attendu / GUID expected';
const version: Rule = (v) =>
  /^\d{1,5}(\.\d{1,5}){3}$/.test(v)
    ? null
    : 'version a.b.c.d attendue / a.b.c.d expected';
const locale: Rule = (v) =>
  /^[a-z]{2,3}-[A-Z]{2}$/.test(v)
    ? null
    : 'langue ll-CC attendue / ll-CC locale expected';
const minVersion: Rule = (v) =>
  /^1\.\d{1,2}$/.test(v) ? null : 'version 1.n attendue / 1.n expected';
const is =
  (...allowed: string[]): Rule =>
  (v) =>
    allowed.includes(v) ? null : `${allowed.join(' | ')} attendu / expected`;
const length =
  (max: number): Rule =>
  (v) =>
    v.length === 0
      ? 'vide / empty'
      : v.length > max
        ? `${v.length} caractères, ${max} au plus / ${v.length} characters, at most ${max}`
        : null;
const webAddress: Rule = (v) => {
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    return 'adresse invalide / invalid address';
  }
  if (v.length > 2048) return 'adresse trop longue / address too long';
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && isLoopback(url)) return null;
  return 'https:// attendu / https:// expected';
};
const integerBetween =
  (min: number, max: number): Rule =>
  (v) =>
    /^\d+$/.test(v) && Number(v) >= min && Number(v) <= max
      ? null
      : `entier de ${min} à ${max} attendu / integer ${min}-${max} expected`;
const resourceId: Rule = (v) =>
  /^[A-Za-z0-9._-]{1,32}$/.test(v)
    ? null
    : 'identifiant de 32 caractères au plus / id of at most 32 characters';
const controlId: Rule = (v) =>
  /^[A-Za-z0-9._-]{1,125}$/.test(v)
    ? null
    : 'identifiant de 125 caractères au plus / id of at most 125 characters';

/** A DefaultValue string with its per-locale overrides. */
const localizedText = (
  name: string,
  max: number,
  overrideName = 'Override',
): Spec => ({
  name,
  attributes: { DefaultValue: length(max) },
  children: [
    {
      name: overrideName,
      optional: true,
      repeat: true,
      attributes: { Locale: locale, Value: length(max) },
    },
  ],
});

const resourceString = (max: number): Spec => ({
  ...localizedText('bt:String', max, 'bt:Override'),
  repeat: true,
  attributes: { id: resourceId, DefaultValue: length(max) },
});

const commandSurface: Spec = {
  name: 'ExtensionPoint',
  repeat: true,
  attributes: {
    'xsi:type': is('MessageReadCommandSurface', 'MessageComposeCommandSurface'),
  },
  children: [
    {
      name: 'OfficeTab',
      attributes: { id: is('TabDefault') },
      children: [
        {
          name: 'Group',
          repeat: true,
          attributes: { id: controlId },
          children: [
            { name: 'Label', attributes: { resid: resourceId } },
            {
              name: 'Control',
              repeat: true,
              attributes: { 'xsi:type': is('Button'), id: controlId },
              children: [
                { name: 'Label', attributes: { resid: resourceId } },
                {
                  name: 'Supertip',
                  children: [
                    { name: 'Title', attributes: { resid: resourceId } },
                    { name: 'Description', attributes: { resid: resourceId } },
                  ],
                },
                {
                  name: 'Icon',
                  children: [
                    {
                      name: 'bt:Image',
                      repeat: true,
                      attributes: {
                        size: is('16', '32', '80'),
                        resid: resourceId,
                      },
                    },
                  ],
                },
                {
                  name: 'Action',
                  attributes: { 'xsi:type': is('ShowTaskpane') },
                  children: [
                    {
                      name: 'SourceLocation',
                      attributes: { resid: resourceId },
                    },
                    {
                      name: 'SupportsPinning',
                      optional: true,
                      text: is('true', 'false'),
                    },
                  ],
                },
              ],
            },
          ],
        },
      ],
    },
  ],
};

const versionOverrides11: Spec = {
  name: 'VersionOverrides',
  attributes: {
    xmlns: is(namespaces.overrides11),
    'xsi:type': is('VersionOverridesV1_1'),
  },
  children: [
    {
      name: 'Requirements',
      children: [
        {
          name: 'bt:Sets',
          attributes: { DefaultMinVersion: minVersion },
          children: [
            {
              name: 'bt:Set',
              repeat: true,
              attributes: { Name: is('Mailbox') },
            },
          ],
        },
      ],
    },
    {
      name: 'Hosts',
      children: [
        {
          name: 'Host',
          attributes: { 'xsi:type': is('MailHost') },
          children: [{ name: 'DesktopFormFactor', children: [commandSurface] }],
        },
      ],
    },
    {
      name: 'Resources',
      children: [
        {
          name: 'bt:Images',
          children: [
            {
              name: 'bt:Image',
              repeat: true,
              attributes: { id: resourceId, DefaultValue: webAddress },
            },
          ],
        },
        {
          name: 'bt:Urls',
          children: [
            {
              name: 'bt:Url',
              repeat: true,
              attributes: { id: resourceId, DefaultValue: webAddress },
            },
          ],
        },
        { name: 'bt:ShortStrings', children: [resourceString(125)] },
        { name: 'bt:LongStrings', children: [resourceString(250)] },
      ],
    },
    {
      name: 'WebApplicationInfo',
      children: [
        { name: 'Id', text: guid },
        { name: 'Resource', text: length(2048) },
        {
          name: 'Scopes',
          children: [{ name: 'Scope', repeat: true, text: length(256) }],
        },
      ],
    },
  ],
};

const officeApp: Spec = {
  name: 'OfficeApp',
  attributes: {
    xmlns: is(namespaces.officeApp),
    'xmlns:xsi': is(namespaces.xsi),
    'xmlns:bt': is(namespaces.basicTypes),
    'xsi:type': is('MailApp'),
  },
  children: [
    { name: 'Id', text: guid },
    { name: 'Version', text: version },
    { name: 'ProviderName', text: length(250) },
    { name: 'DefaultLocale', text: locale },
    localizedText('DisplayName', 125),
    localizedText('Description', 250),
    { name: 'IconUrl', attributes: { DefaultValue: webAddress } },
    { name: 'HighResolutionIconUrl', attributes: { DefaultValue: webAddress } },
    { name: 'SupportUrl', attributes: { DefaultValue: webAddress } },
    {
      name: 'AppDomains',
      optional: true,
      children: [{ name: 'AppDomain', repeat: true, text: webAddress }],
    },
    {
      name: 'Hosts',
      children: [{ name: 'Host', attributes: { Name: is('Mailbox') } }],
    },
    {
      name: 'Requirements',
      children: [
        {
          name: 'Sets',
          children: [
            {
              name: 'Set',
              repeat: true,
              attributes: { Name: is('Mailbox'), MinVersion: minVersion },
            },
          ],
        },
      ],
    },
    {
      name: 'FormSettings',
      children: [
        {
          name: 'Form',
          repeat: true,
          attributes: { 'xsi:type': is('ItemRead', 'ItemEdit') },
          children: [
            {
              name: 'DesktopSettings',
              children: [
                {
                  name: 'SourceLocation',
                  attributes: { DefaultValue: webAddress },
                },
                {
                  name: 'RequestedHeight',
                  optional: true,
                  text: integerBetween(32, 450),
                },
              ],
            },
          ],
        },
      ],
    },
    {
      name: 'Permissions',
      text: is('Restricted', 'ReadItem', 'ReadWriteItem', 'ReadWriteMailbox'),
    },
    {
      name: 'Rule',
      attributes: { 'xsi:type': is('RuleCollection'), Mode: is('Or', 'And') },
      children: [
        {
          name: 'Rule',
          repeat: true,
          attributes: {
            'xsi:type': is('ItemIs'),
            ItemType: is('Message', 'Appointment'),
            FormType: is('Read', 'Edit', 'ReadOrEdit'),
          },
        },
      ],
    },
    {
      name: 'DisableEntityHighlighting',
      optional: true,
      text: is('true', 'false'),
    },
    {
      name: 'VersionOverrides',
      attributes: {
        xmlns: is(namespaces.overrides),
        'xsi:type': is('VersionOverridesV1_0'),
      },
      children: [versionOverrides11],
    },
  ],
};

function checkElement(
  element: XmlElement,
  spec: Spec,
  path: string,
  problems: string[],
) {
  for (const [name, rule] of Object.entries(spec.attributes ?? {})) {
    const value = element.attributes[name];
    if (value === undefined) {
      problems.push(`${path}@${name}: manquant / missing`);
      continue;
    }
    const problem = rule(value);
    if (problem) problems.push(`${path}@${name}: ${problem}`);
  }
  if (spec.text) {
    const problem = spec.text(element.text);
    if (problem) problems.push(`${path}: ${problem}`);
  } else if (element.text !== '') {
    problems.push(`${path}: texte inattendu / unexpected text`);
  }

  // Children follow the spec's sequence; one out of place is named once,
  // without making every later element look missing.
  const children = element.children;
  const names = (spec.children ?? []).map((child) => child.name);
  const seen = new Map<string, number>();
  const skipped: string[] = [];
  const misplaced = new Set<string>();
  let position = 0;
  for (const child of children) {
    const at = names.indexOf(child.name);
    if (at === -1) {
      problems.push(`${path}: <${child.name}> inattendu / unexpected`);
      continue;
    }
    if (
      at < position ||
      (at === position && seen.has(child.name) && !spec.children![at]!.repeat)
    ) {
      problems.push(
        `${path}: <${child.name}> mal placé ou en double / out of order or repeated`,
      );
      misplaced.add(child.name);
      continue;
    }
    for (; position < at; position++) missing(spec.children![position]!);
    const count = (seen.get(child.name) ?? 0) + 1;
    seen.set(child.name, count);
    checkElement(
      child,
      spec.children![at]!,
      `${path}/${child.name}[${count}]`,
      problems,
    );
  }
  for (; position < names.length; position++)
    missing(spec.children![position]!);
  for (const name of skipped)
    if (!seen.has(name) && !misplaced.has(name))
      problems.push(`${path}: <${name}> manquant / missing`);

  // Told only at the end: an element skipped here may come later, misplaced.
  function missing(childSpec: Spec) {
    if (!childSpec.optional && !seen.has(childSpec.name))
      skipped.push(childSpec.name);
  }
}

function* walk(element: XmlElement): Generator<XmlElement> {
  yield element;
  for (const child of element.children) yield* walk(child);
}

function find(element: XmlElement, ...names: string[]): XmlElement | undefined {
  let current: XmlElement | undefined = element;
  for (const name of names)
    current = current?.children.find((c) => c.name === name);
  return current;
}

/** What the sequence rules cannot see: references, uniqueness, locales, SSO. */
function crossChecks(root: XmlElement, problems: string[]) {
  const overrides = find(root, 'VersionOverrides', 'VersionOverrides')!;
  const resources = find(overrides, 'Resources')!;
  const kinds: Record<string, string> = {
    'bt:Images': 'image',
    'bt:Urls': 'url',
    'bt:ShortStrings': 'short',
    'bt:LongStrings': 'long',
  };
  const resourceKind = new Map<string, string>();
  for (const group of resources.children)
    for (const item of group.children) {
      const id = item.attributes.id!;
      if (resourceKind.has(id))
        problems.push(`Resources: id ${id} en double / duplicate id`);
      resourceKind.set(id, kinds[group.name]!);
    }

  const expectedKind: Record<string, string> = {
    Label: 'short',
    Title: 'short',
    Description: 'long',
    'bt:Image': 'image',
    SourceLocation: 'url',
  };
  const controlIds = new Set<string>();
  for (const element of walk(find(overrides, 'Hosts')!)) {
    const resid = element.attributes.resid;
    if (resid !== undefined) {
      const kind = resourceKind.get(resid);
      if (!kind)
        problems.push(
          `<${element.name} resid="${resid}">: ressource absente / no such resource`,
        );
      else if (kind !== expectedKind[element.name])
        problems.push(
          `<${element.name} resid="${resid}">: ressource de type ${kind} / wrong resource kind`,
        );
    }
    if (element.name === 'Icon') {
      const sizes = element.children.map((image) => image.attributes.size);
      if ([...sizes].sort().join(',') !== '16,32,80')
        problems.push(
          `<Icon>: tailles ${sizes.join(',')} au lieu de 16,32,80 / ` +
            'sizes differ',
        );
    }
    if (
      (element.name === 'Group' || element.name === 'Control') &&
      element.attributes.id
    ) {
      if (controlIds.has(element.attributes.id))
        problems.push(
          `<${element.name} id="${element.attributes.id}">: id en double / duplicate id`,
        );
      controlIds.add(element.attributes.id);
    }
  }

  // Every string shown to people carries the same overrides, none for the
  // default locale itself.
  const defaultLocale = find(root, 'DefaultLocale')!.text;
  const localized = [
    find(root, 'DisplayName')!,
    find(root, 'Description')!,
    ...find(resources, 'bt:ShortStrings')!.children,
    ...find(resources, 'bt:LongStrings')!.children,
  ];
  const expected = localized[0]!.children
    .map((o) => o.attributes.Locale)
    .sort()
    .join(',');
  if (expected === '')
    problems.push('DisplayName: aucune traduction / no override');
  for (const element of localized) {
    const label = element.attributes.id ?? element.name;
    const locales = element.children.map((o) => o.attributes.Locale!);
    if (locales.includes(defaultLocale))
      problems.push(
        `${label}: traduction pour la langue par défaut / override for the default locale`,
      );
    if (new Set(locales).size !== locales.length)
      problems.push(`${label}: traduction en double / duplicate override`);
    if ([...locales].sort().join(',') !== expected)
      problems.push(
        `${label}: traductions ${locales.join(',') || '(aucune)'} ` +
          `au lieu de ${expected} / overrides differ`,
      );
  }

  // Single sign-on: the resource is api://<the task pane's host>/<the id>.
  const sso = find(overrides, 'WebApplicationInfo')!;
  const clientId = find(sso, 'Id')!.text;
  const resource = find(sso, 'Resource')!.text;
  const taskPane = find(
    root,
    'FormSettings',
    'Form',
    'DesktopSettings',
    'SourceLocation',
  )!;
  const host = new URL(taskPane.attributes.DefaultValue!).host;
  if (resource !== `api://${host}/${clientId}`)
    problems.push(
      `WebApplicationInfo/Resource: api://${host}/${clientId} attendu / expected`,
    );
  if (clientId.toLowerCase() === find(root, 'Id')!.text.toLowerCase())
    problems.push(
      "WebApplicationInfo/Id: c'est l'id du complément / same as the add-in id",
    );
}
