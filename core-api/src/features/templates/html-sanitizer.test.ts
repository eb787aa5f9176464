import { expect } from 'chai';
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import { htmlToPlainText, sanitizeHtml } from './html-sanitizer.ts';

const clean = (html: string) => sanitizeHtml(html).html;

/** Every element and attribute name in HTML, as a browser would parse it. */
function namesIn(html: string): string[] {
  const names: string[] = [];
  const walk = (nodes: DefaultTreeAdapterMap['childNode'][]) => {
    for (const node of nodes) {
      if (!('tagName' in node)) continue;
      names.push(node.tagName, ...node.attrs.map((a) => `@${a.name}`));
      walk(node.childNodes);
    }
  };
  walk(parseFragment(html).childNodes);

  return names;
}

describe('e-mail template HTML cleaning', () => {
  it('keeps the formatting mail clients render, with safe inline styles', () => {
    const html =
      '<p style="color: #1f3864; font-family: \'Segoe UI\', Arial">Bonjour ' +
      '<strong>{{prenom}}</strong>,</p><table role="presentation" width="100%">' +
      '<tr><td align="center" bgcolor="#eeeeee">Texte</td></tr></table>' +
      '<a href="https://www.example.org/agenda" target="_blank">Agenda</a>' +
      '<img src="https://www.example.org/logo.png" alt="Logo" width="120">';
    expect(clean(html)).to.equal(
      '<p style="color: #1f3864; font-family: \'Segoe UI\', Arial">Bonjour ' +
        '<strong>{{prenom}}</strong>,</p><table role="presentation" width="100%">' +
        '<tbody><tr><td align="center" bgcolor="#eeeeee">Texte</td></tr></tbody>' +
        '</table><a href="https://www.example.org/agenda" target="_blank" ' +
        'rel="noopener noreferrer">Agenda</a><img src="https://www.example.org/logo.png" ' +
        'alt="Logo" width="120">',
    );
  });

  it('takes out scripts, event handlers, frames, forms and style sheets, and says so', () => {
    const { html, removed } = sanitizeHtml(
      '<script>alert(1)</script><p onclick="alert(2)" onmouseover=alert(3)>Texte</p>' +
        '<iframe src="https://evil.example"></iframe><style>p{color:red}</style>' +
        '<form action="https://evil.example"><input name="x"><button>OK</button>Après</form>' +
        '<svg><script>alert(4)</script></svg><math><mi>x</mi></math><!-- note -->',
    );
    expect(html).to.equal('<p>Texte</p>Après');
    expect(removed).to.include.members([
      '<script>',
      'onclick',
      'onmouseover',
      '<iframe>',
      '<style>',
      '<form>',
      '<input>',
      '<svg>',
    ]);
  });

  it('refuses javascript:, data: and relative addresses, however they are disguised', () => {
    for (const href of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      'jav&#x61;script:alert(1)',
      '&#106;avascript:alert(1)',
      'vbscript:msgbox(1)',
      'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
      '/relative/path',
      '//evil.example/x',
    ]) {
      const html = clean(`<a href="${href}">lien</a>`);
      expect(html, href).to.equal('<a>lien</a>');
    }
    expect(clean('<img src="javascript:alert(1)" alt="x">')).to.equal(
      '<img alt="x">',
    );
    expect(
      clean('<img src="data:image/png;base64,iVBORw0KGgo=" alt="pixel">'),
    ).to.equal('<img src="data:image/png;base64,iVBORw0KGgo=" alt="pixel">');
  });

  it('drops plain http links and images, whatever the letter case', () => {
    for (const address of [
      'http://www.example.org/agenda',
      'HTTP://www.example.org/agenda',
      'Http://www.example.org/agenda',
      ' http://www.example.org/agenda',
      'ftp://www.example.org/agenda',
    ]) {
      expect(clean(`<a href="${address}">Agenda</a>`), address).to.equal(
        '<a>Agenda</a>',
      );
      expect(clean(`<img src="${address}" alt="x">`), address).to.equal(
        '<img alt="x">',
      );
    }
    // A placeholder filled with an http address is checked like any other.
    expect(
      sanitizeHtml('<a href="http://x.example">site</a>', {
        placeholders: false,
      }).html,
    ).to.equal('<a>site</a>');
    expect(clean('<a href="HTTPS://www.example.org/a">a</a>')).to.equal(
      '<a href="HTTPS://www.example.org/a">a</a>',
    );
    expect(clean('<img src="cid:logo@relais" alt="Logo">')).to.equal(
      '<img src="cid:logo@relais" alt="Logo">',
    );
  });

  it('keeps mailto, tel and placeholder addresses, but no placeholder once filled', () => {
    expect(clean('<a href="mailto:{{email}}">{{email}}</a>')).to.equal(
      '<a href="mailto:{{email}}">{{email}}</a>',
    );
    expect(clean('<a href="{{site}}">site</a>')).to.equal(
      '<a href="{{site}}">site</a>',
    );
    expect(
      sanitizeHtml('<a href="{{site}}">site</a>', { placeholders: false }).html,
    ).to.equal('<a>site</a>');
    expect(clean('<a href="tel:+33561000001">Appeler</a>')).to.equal(
      '<a href="tel:+33561000001">Appeler</a>',
    );
  });

  it('drops style declarations that could load or run something', () => {
    const { html, removed } = sanitizeHtml(
      '<p style="color: red; background: url(https://evil.example/x.png); ' +
        'width: expression(alert(1)); position: fixed; background-color: rgb(1, 2, 3); ' +
        'font-family: \\61 rial; behavior: url(x.htc)">x</p>',
    );
    expect(html).to.equal(
      '<p style="color: red; background-color: rgb(1, 2, 3)">x</p>',
    );
    expect(removed).to.include.members([
      'style: background',
      'style: position',
    ]);
    expect(clean('<p style="position: absolute">x</p>')).to.equal('<p>x</p>');
  });

  it('writes back only what it checked: no markup hides in text or attributes', () => {
    const attempts = [
      '<p title="&quot;><script>alert(1)</script>">x</p>',
      '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
      '<svg><style><img src=x onerror=alert(1)></style></svg>',
      '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
      '<textarea></textarea><img src=x onerror=alert(1)>',
      '<a href="https://x.example" onfocus="alert(1)" autofocus>x</a>',
      '<table><td>cell</td><img src=x onerror=alert(1)></table>',
      '<template><img src=x onerror=alert(1)></template>',
      '<title><img src=x onerror=alert(1)></title>',
      '<div><<img src=x onerror=alert(1)>>',
    ];
    for (const attempt of attempts) {
      const once = clean(attempt);
      const names = namesIn(once);
      expect(
        names.filter((name) =>
          /^@on|^(script|style|svg|math|iframe)$/.test(name),
        ),
        attempt,
      ).to.deep.equal([]);
      // Parsing the output again gives the same tree: nothing changes meaning.
      expect(clean(once), attempt).to.equal(once);
    }
  });

  it('survives deep nesting without exhausting the stack', () => {
    const deep = `${'<div>'.repeat(20_000)}x${'</div>'.repeat(20_000)}`;
    expect(clean(deep)).to.include('x');
    expect(htmlToPlainText(deep)).to.equal('x');
  });
});

describe('plain text from template HTML', () => {
  it('breaks lines at blocks, marks list items and shows link addresses', () => {
    const text = htmlToPlainText(
      '<p>Bonjour Marie,</p><p>Le point presse aura lieu<br>le 12 décembre.</p>' +
        '<ul><li>Accueil à 9 h</li><li>Conférence à 10 h</li></ul>' +
        '<p><a href="https://www.example.org/inscription">Inscription</a> ou ' +
        '<a href="mailto:presse@example.org">presse@example.org</a></p>' +
        '<img src="https://www.example.org/logo.png" alt="Relais">',
    );
    expect(text).to.equal(
      'Bonjour Marie,\n\nLe point presse aura lieu\nle 12 décembre.\n\n' +
        '- Accueil à 9 h\n- Conférence à 10 h\n\n' +
        'Inscription (https://www.example.org/inscription) ou presse@example.org\n\n' +
        'Relais',
    );
  });
});
