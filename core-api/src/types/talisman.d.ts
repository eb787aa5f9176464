declare module 'talisman/phonetics/french/fonem.js' {
  /** FONEM French phonetic code (Bouchard & Pouyez). */
  export default function fonem(word: string): string;
}
