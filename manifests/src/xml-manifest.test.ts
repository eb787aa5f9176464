import { expect } from 'chai';
import { checkXmlManifest } from './check-xml.ts';
import { shippedEnvironment, shippedEnvironments } from './test-support.ts';
import { parseXml, serializeXml, type XmlElement } from './xml.ts';
import { buildXmlManifest } from './xml-manifest.ts';

/** The first element named `name`, depth first. */
function first(element: XmlElement, name: string): XmlElement | undefined {
  if (element.name === name) return element;
  for (const child of element.children) {
    const found = first(child, name);
    if (found) return found;
  }
  return undefined;
}

function all(element: XmlElement, name: string): XmlElement[] {
  return [
    ...(element.name === name ? [element] : []),
    ...element.children.flatMap((child) => all(child, name)),
  ];
}

describe('manifests: XML add-in manifest', () => {
  const local = shippedEnvironment('local');
  const xml = buildXmlManifest(local);
  const root = parseXml(xml);

  /** The problems of the generated manifest once `mutate` has changed it. */
  const problemsAfter = (mutate: (root: XmlElement) => void) => {
    const copy = parseXml(xml);
    mutate(copy);
    return checkXmlManifest(serializeXml(copy));
  };

  for (const name of shippedEnvironments)
    it(`passes every check for ${name}`, () => {
      expect(
        checkXmlManifest(buildXmlManifest(shippedEnvironment(name))),
      ).to.deep.equal([]);
    });

  it('is a MailApp, French by default with English overrides', () => {
    expect(root.attributes['xsi:type']).to.equal('MailApp');
    expect(first(root, 'Id')!.text).to.equal(local.appId);
    expect(first(root, 'Version')!.text).to.equal('0.1.0.0');
    expect(first(root, 'DefaultLocale')!.text).to.equal('fr-FR');
    const overrides = all(root, 'Override').concat(all(root, 'bt:Override'));
    expect(overrides).to.have.length(7);
    expect(new Set(overrides.map((o) => o.attributes.Locale))).to.deep.equal(
      new Set(['en-US']),
    );
    expect(first(root, 'DisplayName')!.attributes.DefaultValue).to.equal(
      'Relais (local)',
    );
  });

  it('offers the task pane on read and compose, pinnable when reading', () => {
    const surfaces = all(root, 'ExtensionPoint').map(
      (e) => e.attributes['xsi:type'],
    );
    expect(surfaces).to.deep.equal([
      'MessageReadCommandSurface',
      'MessageComposeCommandSurface',
    ]);
    expect(all(root, 'SupportsPinning').map((e) => e.text)).to.deep.equal([
      'true',
    ]);
    expect(
      all(root, 'Form').map((f) => f.attributes['xsi:type']),
    ).to.deep.equal(['ItemRead', 'ItemEdit']);
    const url = all(root, 'bt:Url')[0]!;
    expect(url.attributes.DefaultValue).to.equal(
      'https://localhost:3000/addin/taskpane.html',
    );
  });

  it('declares single sign-on to the API', () => {
    const sso = first(root, 'WebApplicationInfo')!;
    expect(first(sso, 'Id')!.text).to.equal(local.apiClientId);
    expect(first(sso, 'Resource')!.text).to.equal(
      `api://localhost:3000/${local.apiClientId}`,
    );
    expect(all(sso, 'Scope').map((s) => s.text)).to.include('openid');
    expect(root.children.at(-1)!.children[0]!.children.at(-1)!.name).to.equal(
      'WebApplicationInfo',
    );
  });

  describe('fails element by element', () => {
    const cases: [string, (root: XmlElement) => void, RegExp][] = [
      [
        'a missing required element',
        (r) =>
          (r.children = r.children.filter((c) => c.name !== 'ProviderName')),
        /^OfficeApp: <ProviderName> manquant \/ missing$/,
      ],
      [
        'elements out of order',
        (r) => {
          const i = r.children.findIndex((c) => c.name === 'DisplayName');
          [r.children[i], r.children[i + 1]] = [
            r.children[i + 1]!,
            r.children[i]!,
          ];
        },
        /<DisplayName> mal placé ou en double/,
      ],
      [
        'an id that is not a GUID',
        (r) => (first(r, 'Id')!.text = 'relais'),
        /^OfficeApp\/Id\[1\]: GUID/,
      ],
      [
        'a three-part version',
        (r) => (first(r, 'Version')!.text = '1.0.0'),
        /Version\[1\]: version/,
      ],
      [
        'a plain http address outside this machine',
        (r) =>
          (first(r, 'IconUrl')!.attributes.DefaultValue =
            'http://relais.example.org/i.png'),
        /IconUrl\[1\]@DefaultValue: https:\/\/ attendu/,
      ],
      [
        'a display name over 125 characters',
        (r) =>
          (first(r, 'DisplayName')!.attributes.DefaultValue = 'R'.repeat(126)),
        /DisplayName\[1\]@DefaultValue: 126 caractères, 125 au plus/,
      ],
      [
        'a short string over 125 characters',
        (r) =>
          (all(r, 'bt:String')[1]!.attributes.DefaultValue = 'R'.repeat(126)),
        /bt:ShortStrings\[1\]\/bt:String\[2\]@DefaultValue: 126 caractères/,
      ],
      [
        'a resource id over 32 characters',
        (r) => (all(r, 'bt:String')[0]!.attributes.id = 'G'.repeat(33)),
        /32 caractères au plus/,
      ],
      [
        'a label pointing to no resource',
        (r) => (first(r, 'Label')!.attributes.resid = 'Nothing.Here'),
        /<Label resid="Nothing.Here">: ressource absente/,
      ],
      [
        'a tooltip pointing to a short string',
        (r) => (all(r, 'Description').at(-1)!.attributes.resid = 'Read.Label'),
        /ressource de type short/,
      ],
      [
        'two buttons with one id',
        (r) => {
          const controls = all(r, 'Control');
          controls[1]!.attributes.id = controls[0]!.attributes.id!;
        },
        /id en double/,
      ],
      [
        'a string without its English override',
        (r) => (all(r, 'bt:String')[2]!.children = []),
        /Compose.Label: traductions \(aucune\) au lieu de en-US/,
      ],
      [
        'a button without its 80-pixel icon',
        (r) => first(r, 'Icon')!.children.pop(),
        /<Icon>: tailles 16,32 au lieu de 16,32,80/,
      ],
      [
        'a malformed locale',
        (r) => (first(r, 'DefaultLocale')!.text = 'french'),
        /DefaultLocale\[1\]: langue ll-CC attendue/,
      ],
      [
        'an override for the default locale',
        (r) => (all(r, 'bt:Override')[0]!.attributes.Locale = 'fr-FR'),
        /traduction pour la langue par défaut/,
      ],
      [
        'a single sign-on resource on another host',
        (r) =>
          (first(r, 'Resource')!.text =
            `api://relais.example.org/${local.apiClientId}`),
        /WebApplicationInfo\/Resource: api:\/\/localhost:3000\//,
      ],
      [
        'an unknown command surface',
        (r) =>
          (first(r, 'ExtensionPoint')!.attributes['xsi:type'] =
            'MessageReadSurface'),
        /ExtensionPoint\[1\]@xsi:type/,
      ],
      [
        'a wrong namespace',
        (r) =>
          (r.attributes.xmlns =
            'http://schemas.microsoft.com/office/appforoffice/1.0'),
        /^OfficeApp@xmlns:/,
      ],
    ];
    for (const [label, mutate, expected] of cases)
      it(`fails on ${label}`, () => {
        expect(problemsAfter(mutate).join('\n')).to.match(
          new RegExp(expected.source, 'm'),
        );
      });

    it('fails on malformed XML', () => {
      expect(
        checkXmlManifest(xml.replace('</Id>', '</Identifier>'))[0],
      ).to.match(/^XML illisible/);
    });
  });
});
