// Generates French press contacts shaped like the client's spreadsheet
// (fichier_presse_exemple.xlsx: same columns, same kinds of values), with a
// seeded generator so every run measures the same data.
import ExcelJS from 'exceljs';

export const headers = [
  'Civilité',
  'NOM',
  'Prénom',
  'Média / Organisme',
  'Fonction',
  'Rubrique(s)',
  'Adresse',
  'CP',
  'Ville',
  'Tél. fixe',
  'Portable',
  'Fax',
  'E-mail',
  'E-mail perso',
  'Twitter/X',
  'Date de naissance',
  'Origine',
  'Dernière MAJ',
  'Commentaires',
];

const firstNames = {
  M: [
    'Jean',
    'Pierre',
    'Michel',
    'André',
    'Philippe',
    'Alain',
    'Bernard',
    'Jacques',
    'François',
    'Éric',
    'Nicolas',
    'Laurent',
    'Stéphane',
    'Olivier',
    'Christophe',
    'Frédéric',
    'Sébastien',
    'Julien',
    'Thomas',
    'Mathieu',
    'Benoît',
    'Jérôme',
    'Grégoire',
    'Hervé',
    'Loïc',
    'Gaël',
    'Yannick',
    'Rémi',
    'Hugo',
    'Théo',
    'Mérovée',
    'Paterne',
    'Anatole',
    'Baptiste',
    'Clément',
    'Damien',
    'Fabrice',
    'Guillaume',
    'Ludovic',
    'Noël',
  ],
  MME: [
    'Marie',
    'Nathalie',
    'Isabelle',
    'Sylvie',
    'Catherine',
    'Françoise',
    'Christine',
    'Valérie',
    'Sandrine',
    'Céline',
    'Émilie',
    'Aurélie',
    'Hélène',
    'Élodie',
    'Chloé',
    'Léa',
    'Manon',
    'Camille',
    'Inès',
    'Zoé',
    'Éloïse',
    'Adélaïde',
    'Edmée',
    'Agnès',
    'Anaïs',
    'Bénédicte',
    'Clémence',
    'Delphine',
    'Gaëlle',
    'Maëlle',
    'Noémie',
    'Océane',
    'Raphaëlle',
    'Solène',
    'Thérèse',
    'Véronique',
    'Alice',
    'Sandra',
    'Eugénie',
    'Josiane',
  ],
};

const lastNames = [
  'Martin',
  'Bernard',
  'Dubois',
  'Thomas',
  'Robert',
  'Richard',
  'Petit',
  'Durand',
  'Leroy',
  'Moreau',
  'Simon',
  'Laurent',
  'Lefèvre',
  'Lefebvre',
  'Michel',
  'Garcia',
  'David',
  'Bertrand',
  'Roux',
  'Vincent',
  'Fournier',
  'Morel',
  'Girard',
  'André',
  'Mercier',
  'Dupont',
  'Dupond',
  'Lambert',
  'Bonnet',
  'François',
  'Martinez',
  'Legrand',
  'Garnier',
  'Faure',
  'Rousseau',
  'Blanc',
  'Guérin',
  'Muller',
  'Henry',
  'Roussel',
  'Nicolas',
  'Perrin',
  'Morin',
  'Mathieu',
  'Clément',
  'Gauthier',
  'Dumont',
  'Lopez',
  'Fontaine',
  'Chevalier',
  'Robin',
  'Masson',
  'Sanchez',
  'Gérard',
  'Nguyen',
  'Boyer',
  'Denis',
  'Lemaire',
  'Duval',
  'Joly',
  'Gautier',
  'Roger',
  'Roche',
  'Roy',
  'Noël',
  'Meyer',
  'Lucas',
  'Meunier',
  'Jean',
  'Pérez',
  'Marchand',
  'Dufour',
  'Blanchard',
  'Marie',
  'Barbier',
  'Brun',
  'Dumas',
  'Brunet',
  'Schmitt',
  'Leroux',
  'Colin',
  'Fernandez',
  'Pierre',
  'Renard',
  'Arnaud',
  'Rolland',
  'Caron',
  'Aubert',
  'Giraud',
  'Leclerc',
  'Vidal',
  'Bourgeois',
  'Renaud',
  'Lemoine',
  'Picard',
  'Gaillard',
  'Philippe',
  'Leclercq',
  'Lacroix',
  'Fabre',
  'Dupuis',
  'Olivier',
  'Rodriguez',
  'Da Silva',
  'Hubert',
  'Louis',
  'Charles',
  'Guillot',
  'Rivière',
  'Le Gall',
  'Guillaume',
  'Adam',
  'Rey',
  'Moulin',
  'Gonzalez',
  'Berger',
  'Lecomte',
  'Menard',
  'Fleury',
  'Deschamps',
  'Carpentier',
  'Julien',
  'Benoît',
  'Paris',
  'Maillard',
  'Marchal',
  'Aubry',
  'Vasseur',
  'Le Roux',
  'Renault',
  'Jacquet',
  'Collet',
  'Prévost',
  'Poirier',
  'Charpentier',
  'Royer',
  'Huet',
  'Baron',
  'Dupuy',
  'Pons',
  'Paul',
  'Laine',
  'Carré',
  'Breton',
  'Rémy',
  'Schneider',
  'Perrot',
  'Guyot',
  'Barre',
  'Marty',
  'Cousin',
  'Saint-Dupuy',
  'Le Bihan',
  'Kerouac',
  'Quéré',
  'Tanguy',
  'Le Goff',
  'Jégou',
  'Œillet',
];

const media = [
  'Le Monde',
  'Le Figaro',
  'Libération',
  'Les Échos',
  "L'Équipe",
  'Le Parisien',
  'La Croix',
  "L'Humanité",
  'Le Point',
  "L'Obs",
  "L'Express",
  'Télérama',
  'Marianne',
  'Challenges',
  'Ouest-France',
  'Sud Ouest',
  'La Dépêche du Midi',
  'Le Progrès',
  'La Voix du Nord',
  'Le Dauphiné libéré',
  'Nice-Matin',
  'La Provence',
  'Le Télégramme',
  "L'Est Républicain",
  'Midi Libre',
  'La Montagne',
  'Le Républicain lorrain',
  "Dernières Nouvelles d'Alsace",
  'Le Courrier picard',
  'Paris Normandie',
  'France Inter',
  'France Info',
  'France Culture',
  'RTL',
  'Europe 1',
  'RMC',
  'France 2',
  'France 3 Occitanie',
  'TF1',
  'M6',
  'Arte',
  'BFM TV',
  'LCI',
  'France 24',
  'AFP',
  'Reuters France',
  'Mediapart',
  'Slate.fr',
  'HuffPost France',
  'Konbini',
  '20 Minutes',
  'Courrier international',
  'Le Canard enchaîné',
  'Valeurs actuelles',
  'Causeur',
  'Ministère de la Culture',
  'Préfecture de la Haute-Garonne',
  'Région Occitanie',
  'Mairie de Toulouse',
  'Conseil départemental du Tarn',
];

const functions = [
  'Journaliste',
  'Rédacteur en chef',
  'Rédactrice en chef',
  'Rédacteur en chef adjoint',
  'Chef de rubrique',
  'Critique',
  'Pigiste',
  'Reporter',
  'Éditorialiste',
  'Présentateur',
  'Présentatrice',
  'Directeur de la rédaction',
  'Secrétaire de rédaction',
  'Chef de cabinet',
  'Attachée de presse',
  'Directrice de la communication',
  'Chargé de mission',
  'Correspondant',
  'Photographe',
  'Chroniqueur',
];

const rubriques = [
  'Culture',
  'Culture > Musique',
  'Culture > Théâtre',
  'Culture > Cinéma',
  'Politique',
  'Économie',
  'Sciences',
  'Médias',
  'International',
  'Sport',
  'Société',
  'Santé',
  'Éducation',
  'Environnement',
  'Agriculture',
  'Numérique',
];

const cities = [
  ['Paris', '75001'],
  ['Paris', '75011'],
  ['Paris', '75015'],
  ['Marseille', '13001'],
  ['Lyon', '69002'],
  ['Toulouse', '31000'],
  ['Nice', '06000'],
  ['Nantes', '44000'],
  ['Strasbourg', '67000'],
  ['Montpellier', '34000'],
  ['Bordeaux', '33000'],
  ['Lille', '59000'],
  ['Rennes', '35000'],
  ['Reims', '51100'],
  ['Albi', '81000'],
  ['Montauban', '82000'],
  ['Castres', '81100'],
  ['Rodez', '12000'],
  ['Dijon', '21000'],
  ['Angers', '49000'],
  ['Grenoble', '38000'],
  ['Brest', '29200'],
  ['Amiens', '80000'],
  ['Limoges', '87000'],
  ['Ajaccio', '20000'],
  ['Saint-Denis', '97400'],
  ['Pointe-à-Pitre', '97110'],
  ['Metz', '57000'],
];

const streets = [
  'rue de la République',
  'avenue Jean-Jaurès',
  'boulevard Victor-Hugo',
  'place du Capitole',
  'quai de la Paix',
  'allée des Saussaies',
  "rue de l'Église",
  'chemin des Vignes',
  'impasse des Lilas',
  'cours Mirabeau',
];

const origins = [
  'Salon 2023',
  'Saisie manuelle',
  'Fichier historique',
  'Ancien prestataire',
  'Annuaire presse',
  'Conférence de presse 2025',
  'Carte de visite',
];

/** Mulberry32: small, fast, seeded. */
export function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const slug = (text) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/œ/gi, 'oe')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
const digits = (rand, n) =>
  Array.from({ length: n }, () => Math.floor(rand() * 10)).join('');

/** One generated row, in the column order of `headers`. */
export function contactRow(rand, index) {
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const civility = rand() < 0.5 ? 'M' : 'MME';
  const first = pick(firstNames[civility]);
  const last = pick(lastNames);
  const outlet = pick(media);
  const [city, cp] = pick(cities);
  const domain = `${slug(outlet).slice(0, 12)}.fr`;
  const civilityText =
    civility === 'M'
      ? pick(['M.', 'Monsieur', 'M', 'Mr'])
      : pick(['Mme', 'Madame', 'MME', 'Mme.']);
  const lastText = rand() < 0.3 ? last.toUpperCase() : last;
  const mobile =
    rand() < 0.85
      ? pick([
          `06${digits(rand, 8)}`,
          `07 ${digits(rand, 2)} ${digits(rand, 2)} ${digits(rand, 2)} ${digits(rand, 2)}`,
          `+33 6${digits(rand, 8)}`,
        ])
      : '';
  const office =
    rand() < 0.7
      ? `0${1 + Math.floor(rand() * 5)} ${digits(rand, 2)} ${digits(rand, 2)} ${digits(rand, 2)} ${digits(rand, 2)}`
      : '';
  const year = 1950 + Math.floor(rand() * 50);
  const birth =
    rand() < 0.4
      ? `${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}/${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}/${year}`
      : '';
  const terms = Array.from(
    new Set([pick(rubriques), ...(rand() < 0.4 ? [pick(rubriques)] : [])]),
  ).join(' ; ');

  return [
    civilityText,
    lastText,
    first,
    outlet,
    pick(functions),
    terms,
    `${1 + Math.floor(rand() * 200)} ${pick(streets)}`,
    cp,
    city,
    office,
    mobile,
    rand() < 0.1 ? `0${1 + Math.floor(rand() * 5)}${digits(rand, 8)}` : '',
    `${slug(first)}.${slug(last)}${index % 7 === 0 ? index : ''}@${domain}`,
    rand() < 0.2 ? `${slug(first)}${Math.floor(rand() * 100)}@free.fr` : '',
    rand() < 0.3 ? `@${slug(first)}${slug(last)}`.slice(0, 15) : '',
    birth,
    pick(origins),
    '02/03/2026',
    rand() < 0.05 ? 'Contact via son assistante' : '',
  ];
}

/**
 * The 15 columns of a lighter press file (issue #2's "15-column xlsx"):
 * no fax, personal email, update date or comments.
 */
export const compactHeaders = headers.filter(
  (header) =>
    !['Fax', 'E-mail perso', 'Dernière MAJ', 'Commentaires'].includes(header),
);

/**
 * Writes an xlsx of `count` contacts with the client's title line and header.
 * `columns: 15` keeps `compactHeaders` only; the generated values are the
 * same either way (the dropped cells are drawn, then left out).
 *
 * @returns the rows written, in the order of the columns written
 */
export async function writeWorkbook(path, count, seed = 42, options = {}) {
  const columns = options.columns ?? headers.length;
  if (columns !== headers.length && columns !== compactHeaders.length)
    throw new Error(`columns: ${headers.length} or ${compactHeaders.length}`);
  const kept = (columns === headers.length ? headers : compactHeaders).map(
    (header) => headers.indexOf(header),
  );
  const rand = random(seed);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: path,
    useSharedStrings: true,
  });
  const sheet = workbook.addWorksheet('Presse nationale');
  sheet.addRow(['FICHIER PRESSE NATIONALE — généré pour les mesures']).commit();
  sheet.addRow([]).commit();
  sheet.addRow(kept.map((index) => headers[index])).commit();
  const rows = [];
  for (let index = 0; index < count; index += 1) {
    const full = contactRow(rand, index);
    const row = kept.map((column) => full[column]);
    rows.push(row);
    sheet.addRow(row).commit();
  }
  await workbook.commit();

  return rows;
}
