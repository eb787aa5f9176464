import { fold } from '../../../platform/text/fold.ts';

/**
 * Country names as address books write them, French and English, folded
 * (lower case, no accents, punctuation as spaces), with their ISO code.
 * Extend freely: an unknown name only costs the user a warning.
 */
const countryNames: Record<string, string[]> = {
  FR: ['france', 'republique francaise', 'fra'],
  BE: ['belgique', 'belgium', 'belgie', 'bel'],
  CH: ['suisse', 'switzerland', 'schweiz', 'svizzera', 'che'],
  LU: ['luxembourg', 'lux'],
  MC: ['monaco'],
  AD: ['andorre', 'andorra'],
  DE: ['allemagne', 'germany', 'deutschland', 'deu'],
  AT: ['autriche', 'austria', 'osterreich'],
  ES: ['espagne', 'spain', 'espana', 'esp'],
  PT: ['portugal'],
  IT: ['italie', 'italy', 'italia', 'ita'],
  GB: [
    'royaume uni',
    'united kingdom',
    'uk',
    'grande bretagne',
    'great britain',
    'england',
    'angleterre',
    'scotland',
    'ecosse',
    'wales',
    'pays de galles',
  ],
  IE: ['irlande', 'ireland', 'eire'],
  NL: [
    'pays bas',
    'netherlands',
    'the netherlands',
    'holland',
    'hollande',
    'nederland',
  ],
  DK: ['danemark', 'denmark'],
  SE: ['suede', 'sweden', 'sverige'],
  NO: ['norvege', 'norway', 'norge'],
  FI: ['finlande', 'finland', 'suomi'],
  IS: ['islande', 'iceland'],
  PL: ['pologne', 'poland', 'polska'],
  CZ: ['republique tcheque', 'tchequie', 'czech republic', 'czechia'],
  SK: ['slovaquie', 'slovakia'],
  HU: ['hongrie', 'hungary'],
  RO: ['roumanie', 'romania'],
  BG: ['bulgarie', 'bulgaria'],
  GR: ['grece', 'greece'],
  HR: ['croatie', 'croatia'],
  SI: ['slovenie', 'slovenia'],
  RS: ['serbie', 'serbia'],
  EE: ['estonie', 'estonia'],
  LV: ['lettonie', 'latvia'],
  LT: ['lituanie', 'lithuania'],
  MT: ['malte', 'malta'],
  CY: ['chypre', 'cyprus'],
  UA: ['ukraine'],
  RU: ['russie', 'russia', 'federation de russie', 'russian federation'],
  TR: ['turquie', 'turkey', 'turkiye'],
  US: [
    'etats unis',
    'etats unis d amerique',
    'united states',
    'united states of america',
    'usa',
    'u s a',
    'u s',
    'america',
    'amerique',
  ],
  CA: ['canada'],
  MX: ['mexique', 'mexico'],
  BR: ['bresil', 'brazil', 'brasil'],
  AR: ['argentine', 'argentina'],
  CL: ['chili', 'chile'],
  CO: ['colombie', 'colombia'],
  PE: ['perou', 'peru'],
  HT: ['haiti'],
  KY: ['iles caimans', 'cayman islands'],
  JP: ['japon', 'japan', 'nihon'],
  CN: ['chine', 'china'],
  KR: ['coree du sud', 'south korea', 'korea', 'republic of korea'],
  IN: ['inde', 'india'],
  SG: ['singapour', 'singapore'],
  VN: ['vietnam', 'viet nam'],
  TH: ['thailande', 'thailand'],
  ID: ['indonesie', 'indonesia'],
  AU: ['australie', 'australia'],
  NZ: ['nouvelle zelande', 'new zealand'],
  IL: ['israel'],
  LB: ['liban', 'lebanon'],
  AE: ['emirats arabes unis', 'united arab emirates', 'uae'],
  SA: ['arabie saoudite', 'saudi arabia'],
  QA: ['qatar'],
  EG: ['egypte', 'egypt'],
  MA: ['maroc', 'morocco'],
  DZ: ['algerie', 'algeria'],
  TN: ['tunisie', 'tunisia'],
  SN: ['senegal'],
  CI: ['cote d ivoire', 'ivory coast', 'republique de cote d ivoire'],
  CM: ['cameroun', 'cameroon'],
  ML: ['mali'],
  BF: ['burkina faso', 'burkina'],
  BJ: ['benin'],
  TG: ['togo'],
  NE: ['niger'],
  GA: ['gabon'],
  CG: ['congo', 'republique du congo', 'congo brazzaville'],
  CD: [
    'rdc',
    'republique democratique du congo',
    'democratic republic of the congo',
    'dr congo',
    'congo kinshasa',
  ],
  MG: ['madagascar'],
  MU: ['maurice', 'ile maurice', 'mauritius'],
  NG: ['nigeria'],
  KE: ['kenya'],
  ZA: ['afrique du sud', 'south africa'],
  GP: ['guadeloupe'],
  MQ: ['martinique'],
  GF: ['guyane', 'guyane francaise', 'french guiana'],
  RE: ['la reunion', 'reunion', 'ile de la reunion'],
  YT: ['mayotte'],
  NC: ['nouvelle caledonie', 'new caledonia'],
  PF: ['polynesie francaise', 'french polynesia'],
  PM: ['saint pierre et miquelon'],
};

const byName = new Map<string, string>();
for (const [code, names] of Object.entries(countryNames)) {
  byName.set(code.toLowerCase(), code);
  for (const name of names) byName.set(name, code);
}

/**
 * The ISO 3166 two-letter code for a country as written in an address
 * (`France`, `FR`, `Côte d'Ivoire`, `U.S.A.`), or null when unknown.
 *
 * @param text the country cell or vCard ADR component
 */
export function countryCode(text: string): string | null {
  const key = fold(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  if (key === '') return null;

  return (
    byName.get(key) ??
    byName.get(key.replace(/^(the|la|le|les|l) /, '')) ??
    null
  );
}
