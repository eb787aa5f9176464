import { expect } from 'chai';
import { stripInvisible } from './invisible.ts';

describe('stripInvisible', () => {
  it('drops bidirectional overrides, embeddings and isolates', () => {
    const controls = [
      '\u202a',
      '\u202b',
      '\u202c',
      '\u202d',
      '\u202e',
      '\u2066',
      '\u2067',
      '\u2068',
      '\u2069',
      '\u200e',
      '\u200f',
      '\u061c',
    ];
    for (const control of controls)
      expect(stripInvisible(`Mar${control}tin`), control).to.equal('Martin');
  });

  it('drops zero-width spaces, word joiners, soft hyphens and byte order marks', () => {
    expect(stripInvisible('\ufeffLe\u200bfèvre\u2060\u00ad')).to.equal(
      'Lefèvre',
    );
  });

  it('keeps the joiners that spell Persian names and emoji', () => {
    expect(stripInvisible('می\u200cخواهم')).to.equal('می\u200cخواهم');
    expect(stripInvisible('👩\u200d💻')).to.equal('👩\u200d💻');
    expect(stripInvisible('Éloïse Lœuvre مريم')).to.equal('Éloïse Lœuvre مريم');
  });
});
