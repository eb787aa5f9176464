/**
 * Messages of the import screens (upload, columns, preview, commit,
 * history), French first; merged into the catalogue by `messages.ts`.
 */
export const importsFr = {
  'imports.title': 'Imports',
  'imports.intro':
    'Déposez un fichier de contacts : Relais le lit et le compare à la base sans ' +
    'rien y écrire. Vérifiez les colonnes et l’aperçu, puis validez.',
  'imports.adminOnly': 'Les imports sont réservés aux administrateurs.',

  'upload.title': 'Nouvel import',
  'upload.drop': 'Déposez un fichier ici, ou',
  'upload.choose': 'Choisir un fichier',
  'upload.formats': 'Excel (.xlsx), CSV ou vCard (.vcf), 50 Mo au plus.',
  'upload.chosen': 'Fichier choisi : {name} ({size})',
  'upload.none': 'Aucun fichier choisi.',
  'upload.profile': 'Profil de correspondance',
  'upload.noProfile': 'Aucun : colonnes reconnues automatiquement',
  'upload.submit': 'Analyser le fichier',
  'upload.sending': 'Envoi du fichier…',
  'upload.tooLarge': 'Ce fichier dépasse 50 Mo : découpez-le en plusieurs.',
  'upload.needFile': 'Choisissez d’abord un fichier.',

  'history.title': 'Historique des imports',
  'history.empty': 'Aucun import pour l’instant.',
  'history.emptyHint':
    'Déposez un premier fichier ci-dessus : vous verrez ce qu’il apporte avant ' +
    'que la base ne change.',
  'history.open': 'Ouvrir l’import {name} du {date}',
  'history.rows': '{rows|ligne|lignes}',
  'history.result':
    '{created|créé|créés}, {updated|mis à jour|mis à jour}, {merged|fusionné|fusionnés}',

  'importStatus.staging': 'Lecture en cours',
  'importStatus.staged': 'En attente de validation',
  'importStatus.committing': 'Validation en cours',
  'importStatus.running': 'En cours',
  'importStatus.committed': 'Validé',
  'importStatus.failed': 'Échec de lecture',
  'importStatus.discarded': 'Abandonné',
  'importStatus.undone': 'Annulé',
  'importStatus.expired': 'Expiré',

  'importPhase.reading': 'Lecture du fichier',
  'importPhase.matching': 'Recherche des doublons',
  'importPhase.writing': 'Préparation de l’aperçu',
  'importPhase.committing': 'Écriture dans la base',
  'importPhase.waiting': 'En attente',
  'batch.progress': '{done|ligne|lignes} sur {total}',
  'batch.progressUnknown': '{done|ligne|lignes}',

  'batch.title': 'Import : {name}',
  'batch.back': 'Retour aux imports',
  'batch.createdAt': 'Déposé le {date}',
  'batch.failed': 'Le fichier n’a pas pu être lu : {reason}',
  'batch.commitFailed':
    'La validation a échoué, rien n’a été importé : {reason}',
  'batch.discard': 'Abandonner cet import',
  'batch.discarded': 'Import abandonné : la base n’a pas changé.',
  'batch.expired':
    'Cet import est resté trop longtemps sans être validé : son aperçu a été ' +
    'effacé et la base n’a pas changé. Déposez à nouveau le fichier pour l’importer.',

  'mapping.title': 'Colonnes du fichier',
  'mapping.intro':
    'Chaque colonne et le champ de Relais qu’elle remplit. Corrigez au besoin, ' +
    'puis relisez le fichier.',
  'mapping.sheet': 'Feuille « {sheet} »',
  'mapping.header': 'Colonne du fichier',
  'mapping.target': 'Champ Relais',
  'mapping.targetFor': 'Champ Relais pour la colonne « {header} »',
  'mapping.skip': 'Ne pas importer',
  'mapping.suggestion': 'suggestion : {target}',
  'mapping.untitled': 'Colonne {index} (sans titre)',
  'mapping.otherColumnType': 'Type d’une autre colonne',
  'mapping.apply': 'Relire avec ces colonnes',
  'mapping.profileName': 'Nom du nouveau profil',
  'mapping.save': 'Enregistrer comme profil',
  'mapping.saved': 'Profil « {name} » enregistré.',
  'mapping.profile': 'Profil enregistré',
  'mapping.choose': 'Choisir un profil',
  'mapping.reapply': 'Appliquer le profil',
  'mapping.noProfiles':
    'Aucun profil enregistré : enregistrez ces colonnes pour les prochains ' +
    'fichiers de la même source.',

  'column.displayName': 'Nom complet',
  'column.nickname': 'Surnom',
  'column.birthYear': 'Année de naissance',
  'column.birthMonth': 'Mois de naissance',
  'column.birthDay': 'Jour de naissance',
  'column.externalId': 'Identifiant dans la source',
  'column.company': 'Société',
  'column.function': 'Fonction',
  'column.department': 'Service',
  'column.street3': 'Complément d’adresse 2',
  'column.formatted': 'Adresse complète',
  'column.pobox': 'Boîte postale',
  'column.extended': 'Complément',
  'column.qualified': '{field} ({kind})',
  'column.address': 'Adresse',
  'column.addressPart': '{address} : {part}',
  'column.social': 'Réseau social',
  'column.terms': 'Classement',
  'column.optOut': 'Opposition',
  'columnGroup.person': 'Personne',
  'columnGroup.organisation': 'Société',
  'columnGroup.email': 'E-mails',
  'columnGroup.phone': 'Téléphones',
  'columnGroup.address': 'Adresses',
  'columnGroup.web': 'Web et réseaux sociaux',
  'columnGroup.terms': 'Classement',
  'columnGroup.optOut': 'Oppositions',

  'preview.title': 'Aperçu',
  'preview.intro':
    '{total|ligne lue|lignes lues}. Rien n’est encore écrit dans la base.',
  'preview.filter': 'Lignes par issue',
  'preview.count': '{label} : {count}',
  'preview.duplicates':
    'Doublons à examiner après validation : {withBase} avec la base, ' +
    '{withinFile} dans le fichier.',
  'preview.warnings':
    '{count|avertissement : valeur écartée, ligne gardée|avertissements : ' +
    'valeurs écartées, lignes gardées}.',
  'preview.duplicateColumn':
    'Les colonnes « {first} » (n° {firstNo}) et « {header} » (n° {no}) ' +
    'remplissent toutes deux le champ « {field} », qui n’a qu’une valeur : ' +
    'la colonne n° {no} est ignorée.',
  'preview.duplicateColumnSheet':
    'Feuille « {sheet} » : les colonnes « {first} » (n° {firstNo}) et ' +
    '« {header} » (n° {no}) remplissent toutes deux le champ « {field} », ' +
    'qui n’a qu’une valeur : la colonne n° {no} est ignorée.',
  'preview.rows': 'Lignes : {outcome}',
  'preview.noRows': 'Aucune ligne dans cette catégorie.',
  'preview.line': 'Ligne {line}',
  'preview.lineSheet': 'Ligne {line} ({sheet})',
  'preview.unnamed': '(sans nom)',
  'preview.contact': 'fiche n° {id}',
  'preview.updates': 'Met à jour la {contact}',
  'preview.mergesInto': 'Fusionnée dans la {contact}',
  'preview.mergesLine': 'Même personne que la ligne {line}',
  'preview.pairs':
    '{count|doublon possible à examiner|doublons possibles à examiner}',
  'preview.issues': 'Problèmes de la ligne {line}',
  'preview.error': 'Erreur',
  'preview.warning': 'Avertissement',
  'preview.phones': 'Téléphones enregistrés : {phones}',
  'preview.unverified': '{number} (non vérifié)',
  'preview.terms': 'Classement : {terms}',

  'outcome.create': 'Créés',
  'outcome.update': 'Mis à jour',
  'outcome.merge': 'Fusionnés',
  'outcome.review': 'À revoir',
  'outcome.reject': 'Rejetés',

  'commit.submit': 'Valider l’import',
  'commit.done': 'Import validé.',
  'commit.reviewLink': 'Examiner les doublons',

  'result.title': 'Résultat',
  'result.created': 'Contacts créés',
  'result.updated': 'Contacts mis à jour',
  'result.merged': 'Lignes fusionnées',
  'result.queued': 'Doublons à examiner',
  'result.rejected': 'Lignes rejetées',
  'result.companies': 'Sociétés créées',
  'result.deactivated': 'Contacts désactivés',

  'undo.submit': 'Annuler l’import',
  'undo.confirm':
    'Retirer les contacts créés par cet import et défaire ses fusions et mises à jour ?',
  'undo.confirmYes': 'Oui, annuler l’import',
  'undo.keep': 'Garder l’import',
  'undo.force': 'Annuler quand même',
  'undo.done':
    'Import annulé : {removed} contacts retirés, {restored} rétablis comme avant.',
  'undo.termsRemoved':
    '{count|terme créé par l’import retiré|termes créés par l’import retirés}.',
  'undo.termsKept':
    '{count|terme créé par l’import gardé, car utilisé|termes créés par l’import gardés, car utilisés} ailleurs : {labels}.',
} as const satisfies Record<string, string>;

/** The same messages in English. */
export const importsEn: Record<keyof typeof importsFr, string> = {
  'imports.title': 'Imports',
  'imports.intro':
    'Drop a contact file: Relais reads it and compares it with the base without ' +
    'writing anything. Check the columns and the preview, then commit.',
  'imports.adminOnly': 'Imports are for administrators only.',

  'upload.title': 'New import',
  'upload.drop': 'Drop a file here, or',
  'upload.choose': 'Choose a file',
  'upload.formats': 'Excel (.xlsx), CSV or vCard (.vcf), 50 MB at most.',
  'upload.chosen': 'Chosen file: {name} ({size})',
  'upload.none': 'No file chosen.',
  'upload.profile': 'Mapping profile',
  'upload.noProfile': 'None: columns recognised automatically',
  'upload.submit': 'Analyse the file',
  'upload.sending': 'Sending the file…',
  'upload.tooLarge': 'This file is over 50 MB: split it into several.',
  'upload.needFile': 'Choose a file first.',

  'history.title': 'Import history',
  'history.empty': 'No import yet.',
  'history.emptyHint':
    'Drop a first file above: you will see what it brings before the base ' +
    'changes.',
  'history.open': 'Open the import {name} of {date}',
  'history.rows': '{rows|row|rows}',
  'history.result': '{created} created, {updated} updated, {merged} merged',

  'importStatus.staging': 'Reading',
  'importStatus.staged': 'Waiting for commit',
  'importStatus.committing': 'Committing',
  'importStatus.running': 'Running',
  'importStatus.committed': 'Committed',
  'importStatus.failed': 'Reading failed',
  'importStatus.discarded': 'Discarded',
  'importStatus.undone': 'Undone',
  'importStatus.expired': 'Expired',

  'importPhase.reading': 'Reading the file',
  'importPhase.matching': 'Looking for duplicates',
  'importPhase.writing': 'Preparing the preview',
  'importPhase.committing': 'Writing to the base',
  'importPhase.waiting': 'Waiting',
  'batch.progress': '{done|row|rows} of {total}',
  'batch.progressUnknown': '{done|row|rows}',

  'batch.title': 'Import: {name}',
  'batch.back': 'Back to imports',
  'batch.createdAt': 'Dropped on {date}',
  'batch.failed': 'The file could not be read: {reason}',
  'batch.commitFailed': 'The commit failed, nothing was imported: {reason}',
  'batch.discard': 'Discard this import',
  'batch.discarded': 'Import discarded: the base did not change.',
  'batch.expired':
    'This import waited too long without a commit: its preview was deleted and ' +
    'the base did not change. Drop the file again to import it.',

  'mapping.title': 'Columns of the file',
  'mapping.intro':
    'Each column and the Relais field it fills. Correct them if needed, then ' +
    'read the file again.',
  'mapping.sheet': 'Sheet “{sheet}”',
  'mapping.header': 'Column of the file',
  'mapping.target': 'Relais field',
  'mapping.targetFor': 'Relais field for the column “{header}”',
  'mapping.skip': 'Do not import',
  'mapping.suggestion': 'suggestion: {target}',
  'mapping.untitled': 'Column {index} (untitled)',
  'mapping.otherColumnType': 'Type of another column',
  'mapping.apply': 'Read again with these columns',
  'mapping.profileName': 'Name of the new profile',
  'mapping.save': 'Save as a profile',
  'mapping.saved': 'Profile “{name}” saved.',
  'mapping.profile': 'Saved profile',
  'mapping.choose': 'Choose a profile',
  'mapping.reapply': 'Apply the profile',
  'mapping.noProfiles':
    'No saved profile: save these columns for the next files from the same ' +
    'source.',

  'column.displayName': 'Full name',
  'column.nickname': 'Nickname',
  'column.birthYear': 'Birth year',
  'column.birthMonth': 'Birth month',
  'column.birthDay': 'Birth day',
  'column.externalId': 'Identifier in the source',
  'column.company': 'Company',
  'column.function': 'Function',
  'column.department': 'Department',
  'column.street3': 'Address line 3',
  'column.formatted': 'Full address',
  'column.pobox': 'PO box',
  'column.extended': 'Extended address',
  'column.qualified': '{field} ({kind})',
  'column.address': 'Address',
  'column.addressPart': '{address}: {part}',
  'column.social': 'Social account',
  'column.terms': 'Classification',
  'column.optOut': 'Opt-out',
  'columnGroup.person': 'Person',
  'columnGroup.organisation': 'Company',
  'columnGroup.email': 'Emails',
  'columnGroup.phone': 'Phones',
  'columnGroup.address': 'Addresses',
  'columnGroup.web': 'Web and social accounts',
  'columnGroup.terms': 'Classification',
  'columnGroup.optOut': 'Opt-outs',

  'preview.title': 'Preview',
  'preview.intro': '{total|row|rows} read. Nothing is written to the base yet.',
  'preview.filter': 'Rows by outcome',
  'preview.count': '{label}: {count}',
  'preview.duplicates':
    'Duplicates to review after the commit: {withBase} with the base, ' +
    '{withinFile} within the file.',
  'preview.warnings':
    '{count|warning: value left out, row kept|warnings: values left out, rows kept}.',
  'preview.duplicateColumn':
    'Columns "{first}" (no. {firstNo}) and "{header}" (no. {no}) both fill ' +
    'the single-valued field "{field}": column {no} is ignored.',
  'preview.duplicateColumnSheet':
    'Sheet "{sheet}": columns "{first}" (no. {firstNo}) and "{header}" ' +
    '(no. {no}) both fill the single-valued field "{field}": column {no} ' +
    'is ignored.',
  'preview.rows': 'Rows: {outcome}',
  'preview.noRows': 'No row in this category.',
  'preview.line': 'Row {line}',
  'preview.lineSheet': 'Row {line} ({sheet})',
  'preview.unnamed': '(no name)',
  'preview.contact': 'record no. {id}',
  'preview.updates': 'Updates {contact}',
  'preview.mergesInto': 'Merged into {contact}',
  'preview.mergesLine': 'Same person as row {line}',
  'preview.pairs': '{count|possible duplicate|possible duplicates} to review',
  'preview.issues': 'Problems of row {line}',
  'preview.error': 'Error',
  'preview.warning': 'Warning',
  'preview.phones': 'Phones stored: {phones}',
  'preview.unverified': '{number} (unverified)',
  'preview.terms': 'Filed under: {terms}',

  'outcome.create': 'Created',
  'outcome.update': 'Updated',
  'outcome.merge': 'Merged',
  'outcome.review': 'To review',
  'outcome.reject': 'Rejected',

  'commit.submit': 'Commit the import',
  'commit.done': 'Import committed.',
  'commit.reviewLink': 'Review the duplicates',

  'result.title': 'Result',
  'result.created': 'Contacts created',
  'result.updated': 'Contacts updated',
  'result.merged': 'Rows merged',
  'result.queued': 'Duplicates to review',
  'result.rejected': 'Rows rejected',
  'result.companies': 'Companies created',
  'result.deactivated': 'Contacts deactivated',

  'undo.submit': 'Undo the import',
  'undo.confirm':
    'Remove the contacts this import created and take back its merges and updates?',
  'undo.confirmYes': 'Yes, undo the import',
  'undo.keep': 'Keep the import',
  'undo.force': 'Undo anyway',
  'undo.done':
    'Import undone: {removed} contacts removed, {restored} restored as they were.',
  'undo.termsRemoved': '{count|term|terms} the import created removed.',
  'undo.termsKept':
    '{count|term|terms} the import created kept, as something else uses them: {labels}.',
};
