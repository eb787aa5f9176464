declare module 'talisman/phonetics/french/fonem.js' {
  /** FONEM French phonetic code (Bouchard & Pouyez). */
  export default function fonem(word: string): string;
}

declare module 'talisman/phonetics/french/phonetic.js' {
  /** Édouard Berge's French phonetic code ("phonétique française"). */
  export default function phonetic(word: string): string;
}

declare module 'talisman/metrics/jaro-winkler.js' {
  /** Jaro-Winkler similarity between two strings, from 0 to 1. */
  export default function jaroWinkler(a: string, b: string): number;
}
