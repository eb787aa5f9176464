import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { checkTeamsPackage, schemaProblems, schemasDir } from './check-json.ts';
import { generate } from './generate.ts';
import {
  clone,
  shippedEnvironment,
  shippedEnvironments,
} from './test-support.ts';
import {
  buildLocalization,
  buildUnifiedManifest,
  changeRequestedActivity,
  mailboxMinVersion,
  manifestVersion,
} from './unified-manifest.ts';

type Json = Record<string, any>;

let generated: Map<string, Buffer> | undefined;

/** A generated package with its manifest replaced by `manifest`. */
function packageWith(
  manifest: unknown,
  changes: Record<string, Buffer | null> = {},
) {
  generated ??= generate(shippedEnvironment('local')).teamsPackage;
  const files = new Map(generated);
  files.set('manifest.json', Buffer.from(JSON.stringify(manifest)));
  for (const [name, content] of Object.entries(changes))
    if (content) files.set(name, content);
    else files.delete(name);
  return files;
}

describe('manifests: unified Microsoft 365 manifest', () => {
  const local = shippedEnvironment('local');
  const manifest = buildUnifiedManifest(local) as Json;

  before(function () {
    // Proves the schemas are read from the package: no network during checks.
    this.fetch = globalThis.fetch;
    globalThis.fetch = () => Promise.reject(new Error('network used'));
  });
  after(function () {
    globalThis.fetch = this.fetch;
  });

  it('reads the official schemas bundled by @microsoft/app-manifest', () => {
    expect(schemasDir).to.contain(join('@microsoft', 'app-manifest'));
    expect(existsSync(join(schemasDir, 'MicrosoftTeams.schema.json'))).to.equal(
      true,
    );
    expect(manifest.$schema).to.contain(`/v${manifestVersion}/`);
  });

  for (const name of shippedEnvironments)
    it(`validates every file of the ${name} package`, () => {
      const files = generate(shippedEnvironment(name)).teamsPackage;
      expect(checkTeamsPackage(files)).to.deep.equal([]);
      expect(
        schemaProblems(
          'localization',
          JSON.parse(files.get('en.json')!.toString()),
        ),
      ).to.deep.equal([]);
    });

  it('carries the Outlook add-in on read and compose', () => {
    const [extension] = manifest.extensions;
    expect(extension.requirements.scopes).to.deep.equal(['mail']);
    expect(extension.runtimes[0].code.page).to.equal(
      'https://localhost:3000/addin/taskpane.html',
    );
    expect(extension.ribbons.map((r: Json) => r.contexts)).to.deep.equal([
      ['mailRead'],
      ['mailCompose'],
    ]);
    const actions = extension.runtimes[0].actions.map((a: Json) => a.id);
    for (const ribbon of extension.ribbons) {
      const control = ribbon.tabs[0].groups[0].controls[0];
      expect(actions).to.include(control.actionId);
      expect(control.icons.map((i: Json) => i.size)).to.deep.equal([
        16, 32, 80,
      ]);
      expect(ribbon.requirements.capabilities[0].minVersion).to.equal(
        mailboxMinVersion,
      );
    }
  });

  it('asks for single sign-on to the API on the pages’ own host', () => {
    expect(manifest.webApplicationInfo).to.deep.equal({
      id: local.apiClientId,
      resource: `api://localhost:3000/${local.apiClientId}`,
    });
    expect(manifest.validDomains).to.deep.equal(['localhost:3000']);
    expect(
      manifest.authorization.permissions.resourceSpecific[0].name,
    ).to.equal('MailboxItem.ReadWrite.User');
  });

  it('declares the activity Relais posts to a list owner’s feed', () => {
    expect(manifest.activities).to.deep.equal({
      activityTypes: [
        {
          type: changeRequestedActivity,
          description: 'Demande de modification d’une de vos listes',
          templateText:
            '{proposer} propose {count} modification(s) de la liste {list}',
        },
      ],
    });
    const en = buildLocalization(local, 'en');
    expect(en['activities.activityTypes[0].templateText']).to.equal(
      '{proposer} proposes {count} change(s) to the list {list}',
    );
  });

  it('carries a channel tab and a personal tab', () => {
    expect(manifest.configurableTabs).to.deep.equal([
      {
        configurationUrl: 'https://localhost:3000/teams/configure.html',
        canUpdateConfiguration: true,
        scopes: ['team'],
        context: ['channelTab'],
      },
    ]);
    expect(manifest.staticTabs[0].scopes).to.deep.equal(['personal']);
    expect(manifest.staticTabs[0].name).to.equal('Mes listes');
  });

  it('speaks French by default and English from its file', () => {
    expect(manifest.localizationInfo).to.deep.equal({
      defaultLanguageTag: 'fr-fr',
      defaultLanguageFile: 'fr.json',
      additionalLanguages: [{ languageTag: 'en-us', file: 'en.json' }],
    });
    const fr = buildLocalization(local, 'fr');
    const en = buildLocalization(local, 'en');
    expect(Object.keys(en)).to.deep.equal(Object.keys(fr));
    expect(fr['name.full']).to.equal(manifest.name.full);
    expect(en['staticTabs[0].name']).to.equal('My lists');
    expect(
      en['extensions[0].ribbons[1].tabs[0].groups[0].controls[0].label'],
    ).to.equal('Relais templates');
  });

  describe('fails on a schema violation', () => {
    const cases: [string, (m: Json) => void, RegExp][] = [
      [
        'a missing required name',
        (m) => delete m.name,
        /must have required property 'name'/,
      ],
      [
        'an unknown manifest version',
        (m) => (m.manifestVersion = '1.99'),
        /manifestVersion/,
      ],
      [
        'an id that is not a GUID',
        (m) => (m.id = 'relais'),
        /\/id: must match pattern/,
      ],
      [
        'an unknown property',
        (m) => (m.colour = 'blue'),
        /additional properties/,
      ],
      [
        'a short name over 30 characters',
        (m) => (m.name.short = 'R'.repeat(31)),
        /name\/short/,
      ],
      [
        'an accent colour not in hex',
        (m) => (m.accentColor = 'blue'),
        /accentColor/,
      ],
      [
        'a ribbon button without its tooltip',
        (m) =>
          delete m.extensions[0].ribbons[0].tabs[0].groups[0].controls[0]
            .supertip,
        /supertip/,
      ],
      [
        'an unknown ribbon context',
        (m) => (m.extensions[0].ribbons[0].contexts = ['mailReading']),
        /contexts\/0: must be equal to one of the allowed values/,
      ],
      [
        'a ribbon icon size Outlook does not draw',
        (m) =>
          (m.extensions[0].ribbons[0].tabs[0].groups[0].icons[0].size = 17),
        /icons\/0\/size/,
      ],
      [
        'an activity type without its template',
        (m) => delete m.activities.activityTypes[0].templateText,
        /activityTypes\/0: must have required property 'templateText'/,
      ],
      [
        'two channel tabs',
        (m) => m.configurableTabs.push(m.configurableTabs[0]),
        /configurableTabs/,
      ],
    ];
    for (const [label, mutate, expected] of cases)
      it(`fails on ${label}`, () => {
        const broken = clone(manifest);
        mutate(broken);
        const problems = checkTeamsPackage(packageWith(broken));
        expect(problems.join('\n')).to.match(expected);
      });
  });

  describe('fails on what the schema leaves open', () => {
    it('fails on a plain http page outside this machine', () => {
      const broken = clone(manifest);
      broken.staticTabs[0].contentUrl =
        'http://relais.example.org/teams/tab.html';
      expect(checkTeamsPackage(packageWith(broken))).to.include.members([
        'staticTabs[0].contentUrl: https:// attendu / expected',
        'staticTabs[0].contentUrl: relais.example.org absent de validDomains / not a valid domain',
      ]);
    });

    it('fails on a single sign-on resource on another host', () => {
      const broken = clone(manifest);
      broken.webApplicationInfo.resource = `api://relais.example.org/${local.apiClientId}`;
      expect(checkTeamsPackage(packageWith(broken)).join()).to.match(
        /^webApplicationInfo/,
      );
    });

    it('fails on a missing icon or localisation file', () => {
      const problems = checkTeamsPackage(
        packageWith(manifest, { 'outline.png': null, 'en.json': null }),
      );
      expect(problems).to.deep.equal([
        'icons: outline.png absent du paquet / not in the package',
        'localizationInfo: en.json absent du paquet / not in the package',
      ]);
    });

    it('fails on a localisation file that breaks its schema or names no string', () => {
      const en = buildLocalization(local, 'en');
      const broken = {
        ...en,
        'staticTabs[3].name': 'Ghost',
        'name.short': 'R'.repeat(31),
      };
      const problems = checkTeamsPackage(
        packageWith(manifest, {
          'en.json': Buffer.from(JSON.stringify(broken)),
        }),
      );
      expect(problems.join('\n')).to.match(
        /en\.json: localization\/name\.short/,
      );
      expect(problems).to.include(
        'en.json: staticTabs[3].name ne désigne aucun texte du manifeste / ' +
          'names no manifest string',
      );
    });
  });
});
