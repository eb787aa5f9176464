/**
 * Messages of the navigation and of the duplicate review screens, French
 * first; merged into the catalogue by `messages.ts`.
 */
export const duplicatesFr = {
  'nav.label': 'Sections',
  'nav.search': 'Recherche',
  'nav.duplicates': 'Doublons',
  'nav.imports': 'Imports',

  'duplicates.title': 'Doublons à examiner',
  'duplicates.intro':
    'Les paires les plus sûres d’abord. Ouvrez une paire pour comparer les deux ' +
    'fiches, choisir les valeurs à garder, puis fusionner ou l’écarter.',
  'duplicates.readOnly':
    'Lecture seule : seuls les administrateurs fusionnent ou écartent une paire.',
  'duplicates.scan': 'Rechercher les doublons',
  'duplicates.scanning': 'Recherche des doublons dans toute la base en cours…',
  'duplicates.scanDone':
    '{contacts|contact comparé|contacts comparés} : {same} doublons sûrs ' +
    'et {maybe} possibles à examiner ({decided} paires déjà tranchées ' +
    'laissées de côté).',
  'duplicates.countOne': '1 paire à examiner.',
  'duplicates.countMany': '{count} paires à examiner.',
  'duplicates.empty': 'Aucun doublon à examiner.',
  'duplicates.emptyAdmin':
    'Lancez « Rechercher les doublons » pour comparer toute la base, ou importez ' +
    'un fichier : les doublons qu’il apporte arrivent ici.',
  'duplicates.emptyEditor':
    'Quand un administrateur lance une recherche ou importe un fichier, les ' +
    'doublons trouvés arrivent ici.',
  'duplicates.list': 'Paires à examiner',
  'duplicates.pair': '{a} et {b}',
  'duplicates.openPair': 'Examiner : {a} et {b}',
  'duplicates.score': 'Score {score}',
  'duplicates.outcome.same': 'Doublon sûr',
  'duplicates.outcome.maybe': 'Doublon possible',
  'duplicates.evidence': 'Indices',
  'field.outlet': 'Média',
  'duplicates.evidenceItem': '{field} : {agreement} ({weight})',
  'duplicates.agreement.exact': 'identique',
  'duplicates.agreement.close': 'très proche',
  'duplicates.agreement.partial': 'initiale ou forme courte',
  'duplicates.agreement.weak': 'ressemblant',
  'duplicates.agreement.near': 'une faute de frappe près',
  'duplicates.agreement.different': 'différent',
  'duplicates.agreement.missing': 'absent d’un côté',
  'duplicates.agreement.nameMade': 'identique, formé sur le nom',
  'duplicates.backToQueue': 'Retour aux doublons',
  'duplicates.notInQueue':
    'Cette paire n’existe plus : une nouvelle recherche des doublons a refait la file.',

  'review.title': 'Comparer : {a} et {b}',
  'review.recordA': 'Fiche A',
  'review.recordB': 'Fiche B',
  'review.recordName': '{side} : {name} (n° {id})',
  'review.fields': 'Champs des deux fiches',
  'review.field': 'Champ',
  'review.different': 'diffère',
  'review.keep': '{field} : garder « {value} » ({side})',
  'review.choiceHint':
    'Pour chaque champ qui diffère, choisissez la valeur qui reste après la fusion.',
  'review.keptFromBoth':
    'E-mails, téléphones, adresses, sociétés et classement : tout est gardé, des deux fiches.',
  'review.survivor': 'Fiche de référence',
  'review.survivorHint':
    'Elle garde son numéro et son historique ; l’autre fiche y est fusionnée.',
  'review.merge': 'Fusionner',
  'review.dismiss': 'Pas un doublon',
  'review.merging': 'Fusion en cours…',
  'review.merged':
    'Fusion faite : la fiche n° {merged} est fusionnée dans la fiche n° {survivor}.',
  'review.openMerged': 'Ouvrir la fiche fusionnée',
  'review.undo': 'Annuler la fusion',
  'review.undoForce': 'Annuler quand même',
  'review.undone':
    'Fusion annulée : les deux fiches sont rétablies et la paire revient dans la file.',
  'review.dismissed':
    'Paire écartée : elle ne sera plus proposée comme doublon.',
  'review.empty': '(vide)',
} as const satisfies Record<string, string>;

/** The same messages in English. */
export const duplicatesEn: Record<keyof typeof duplicatesFr, string> = {
  'nav.label': 'Sections',
  'nav.search': 'Search',
  'nav.duplicates': 'Duplicates',
  'nav.imports': 'Imports',

  'duplicates.title': 'Duplicates to review',
  'duplicates.intro':
    'Surest pairs first. Open a pair to compare both records, choose the values ' +
    'to keep, then merge it or dismiss it.',
  'duplicates.readOnly':
    'Read only: only administrators merge or dismiss a pair.',
  'duplicates.scan': 'Find duplicates',
  'duplicates.scanning': 'Looking for duplicates across the whole base…',
  'duplicates.scanDone':
    '{contacts|contact|contacts} compared: {same} sure and {maybe} possible duplicates ' +
    'to review ({decided} pairs already decided left aside).',
  'duplicates.countOne': '1 pair to review.',
  'duplicates.countMany': '{count} pairs to review.',
  'duplicates.empty': 'No duplicate to review.',
  'duplicates.emptyAdmin':
    'Run “Find duplicates” to compare the whole base, or import a file: the ' +
    'duplicates it brings land here.',
  'duplicates.emptyEditor':
    'When an administrator runs a search or imports a file, the duplicates ' +
    'found land here.',
  'duplicates.list': 'Pairs to review',
  'duplicates.pair': '{a} and {b}',
  'duplicates.openPair': 'Review: {a} and {b}',
  'duplicates.score': 'Score {score}',
  'duplicates.outcome.same': 'Sure duplicate',
  'duplicates.outcome.maybe': 'Possible duplicate',
  'duplicates.evidence': 'Evidence',
  'field.outlet': 'Media outlet',
  'duplicates.evidenceItem': '{field}: {agreement} ({weight})',
  'duplicates.agreement.exact': 'identical',
  'duplicates.agreement.close': 'very close',
  'duplicates.agreement.partial': 'initial or short form',
  'duplicates.agreement.weak': 'similar',
  'duplicates.agreement.near': 'one typo apart',
  'duplicates.agreement.different': 'different',
  'duplicates.agreement.missing': 'missing on one side',
  'duplicates.agreement.nameMade': 'identical, made from the name',
  'duplicates.backToQueue': 'Back to duplicates',
  'duplicates.notInQueue':
    'This pair no longer exists: a new duplicate scan rebuilt the queue.',

  'review.title': 'Compare: {a} and {b}',
  'review.recordA': 'Record A',
  'review.recordB': 'Record B',
  'review.recordName': '{side}: {name} (no. {id})',
  'review.fields': 'Fields of both records',
  'review.field': 'Field',
  'review.different': 'differs',
  'review.keep': '{field}: keep “{value}” ({side})',
  'review.choiceHint':
    'For each field that differs, choose the value kept after the merge.',
  'review.keptFromBoth':
    'Emails, phones, addresses, companies and classification: everything is ' +
    'kept, from both records.',
  'review.survivor': 'Surviving record',
  'review.survivorHint':
    'It keeps its number and its history; the other record is merged into it.',
  'review.merge': 'Merge',
  'review.dismiss': 'Not a duplicate',
  'review.merging': 'Merging…',
  'review.merged':
    'Merged: record no. {merged} is merged into record no. {survivor}.',
  'review.openMerged': 'Open the merged record',
  'review.undo': 'Undo the merge',
  'review.undoForce': 'Undo anyway',
  'review.undone':
    'Merge undone: both records are back and the pair returns to the queue.',
  'review.dismissed': 'Pair dismissed: it will not be proposed again.',
  'review.empty': '(empty)',
};
