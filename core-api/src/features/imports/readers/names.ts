/** Surname particles written in lower case (`de Gaulle`, `van der Berg`, `d'Alembert`). */
const PARTICLES = new Set([
  'de',
  'du',
  'des',
  'd',
  'van',
  'von',
  'der',
  'den',
  'del',
  'da',
  'das',
  'do',
  'dos',
  'y',
  'zu',
]);

const capitalise = (word: string): string => {
  const lower = word.toLocaleLowerCase('fr');
  const cased = lower.charAt(0).toLocaleUpperCase('fr') + lower.slice(1);

  return /^Mc\p{Ll}{2,}/u.test(cased)
    ? `Mc${cased.charAt(2).toLocaleUpperCase('fr')}${cased.slice(3)}`
    : cased;
};

/**
 * A first or last name in sensible case when it was typed in one case only
 * (`DUPONT` → `Dupont`, `jean-pierre` → `Jean-Pierre`, `DE LA FONTAINE` →
 * `de La Fontaine`, `O'BRIEN` → `O'Brien`). A name that mixes cases was
 * typed with care (`McCartney`, `van Gogh`, `DiCaprio`) and is kept.
 *
 * @param name the name as read
 * @param surname whether particles (`de`, `d'`, `van`…) are lower-cased
 */
export function caseName(name: string, surname: boolean): string {
  const hasUpper = /\p{Lu}/u.test(name);
  const hasLower = /\p{Ll}/u.test(name);
  if (hasUpper === hasLower) return name;
  const words = name.split(/(\s+|-|'|’)/);
  const last = words.length - 1;

  return words
    .map((word, index) => {
      if (index % 2 === 1 || word === '') return word;
      const particle =
        surname && index < last && PARTICLES.has(word.toLocaleLowerCase('fr'));

      return particle ? word.toLocaleLowerCase('fr') : capitalise(word);
    })
    .join('');
}
