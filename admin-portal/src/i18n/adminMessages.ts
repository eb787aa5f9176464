/**
 * Messages of the administration screens (duplicate rules, import feeds,
 * allowed hosts), French first; merged into the catalogue by `messages.ts`.
 */
export const adminFr = {
  'nav.admin': 'Administration',

  'admin.title': 'Administration',
  'admin.intro': 'Les réglages qui s’appliquent à toute l’équipe.',
  'admin.adminOnly': 'L’administration est réservée aux administrateurs.',
  'admin.screens': 'Réglages',
  'admin.mergeRulesHint':
    'Fusion automatique à l’import, seuils, choix de la fiche de référence et ' +
    'valeur gardée pour chaque champ.',
  'admin.feedsHint':
    'Imports automatiques depuis un dossier du serveur ou une adresse web, ' +
    'leurs exécutions, leurs alertes et les hôtes autorisés.',
  'admin.back': 'Retour à l’administration',

  'order.up': 'Monter',
  'order.down': 'Descendre',
  'order.remove': 'Retirer',
  'order.upItem': 'Monter : {item}',
  'order.downItem': 'Descendre : {item}',
  'order.removeItem': 'Retirer : {item}',
  'order.moved': '{item} : position {position} sur {count}.',
  'order.removed': '{item} : retiré de la liste.',
  'order.added': '{item} : ajouté en position {position}.',

  'rules.title': 'Règles de doublons',
  'rules.intro':
    'Ces règles décident quand deux fiches sont fusionnées sans examen, ' +
    'laquelle devient la fiche de référence et quelle valeur est gardée pour ' +
    'chaque champ.',
  'rules.updatedAt': 'Dernière modification le {date}.',
  'rules.defaults': 'Règles par défaut : elles n’ont jamais été modifiées.',
  'rules.auto.title': 'Fusion automatique',
  'rules.auto.label': 'Fusionner sans examen les doublons sûrs d’un import',
  'rules.auto.hint':
    'Désactivée, chaque doublon trouvé par un import attend un examen dans ' +
    '« Doublons ».',
  'rules.thresholds.title': 'Seuils',
  'rules.same.label': 'Seuil de fusion',
  'rules.same.hint': 'À partir de ce score, une paire est un doublon sûr.',
  'rules.maybe.label': 'Seuil « à revoir »',
  'rules.maybe.hint':
    'À partir de ce score, et sous le seuil de fusion, une paire attend un ' +
    'examen.',
  'rules.notANumber': 'Saisissez un nombre, par exemple 12,5.',
  'rules.survivor.title': 'Choix de la fiche de référence',
  'rules.survivor.intro':
    'Les critères s’appliquent dans l’ordre, jusqu’à ce que l’un d’eux ' +
    'départage les deux fiches ; à défaut, la plus ancienne est gardée.',
  'rules.survivor.list': 'Critères, dans l’ordre',
  'rules.survivor.add': 'Critère à ajouter',
  'rules.survivor.addButton': 'Ajouter le critère',
  'rules.criterion.completeness': 'La fiche la plus complète',
  'rules.criterion.recency': 'La fiche modifiée le plus récemment',
  'rules.criterion.origin': 'La fiche de l’origine la plus fiable',
  'rules.criterion.oldest': 'La fiche la plus ancienne',
  'rules.criterion.engagement':
    'La fiche qui nous a répondu, sinon celle qu’ont reçue nos envois ou invitations',
  'rules.origins.title': 'Origines, de la plus fiable à la moins fiable',
  'rules.origins.intro':
    'L’origine d’une fiche dit d’où elle vient (fichier d’import, Outlook, ' +
    'saisie…). Une origine absente de cette liste passe après les autres.',
  'rules.origins.list': 'Origines classées',
  'rules.origins.empty':
    'Aucune origine classée : toutes se valent. Ajoutez-les ci-dessous, la plus fiable d’abord.',
  'rules.origins.new': 'Origine à ajouter',
  'rules.origins.newHint': 'Écrite comme dans le champ Origine des fiches.',
  'rules.origins.addButton': 'Ajouter l’origine',
  'rules.origins.already': 'Cette origine est déjà dans la liste.',
  'rules.origins.blank': 'Saisissez une origine.',
  'rules.fields.title': 'Valeur gardée pour chaque champ',
  'rules.fields.intro':
    'Quand les deux fiches ont chacune une valeur pour un champ, celle-ci est ' +
    'gardée.',
  'rules.rule.survivor': 'Celle de la fiche de référence',
  'rules.rule.recent': 'La plus récente',
  'rules.rule.origin': 'Celle de l’origine la plus fiable',
  'rules.rule.longest': 'La plus longue',
  'rules.save': 'Enregistrer les règles',
  'rules.saving': 'Enregistrement…',
  'rules.saved': 'Règles enregistrées.',
  'rules.conflict':
    'Quelqu’un a modifié les règles depuis que vous les avez ouvertes. ' +
    'Rechargez-les pour repartir de leur version actuelle : vos changements ' +
    'non enregistrés seront perdus.',
  'rules.reload': 'Recharger les règles',

  'feeds.title': 'Flux d’import',
  'feeds.intro':
    'Un flux importe à heure fixe le fichier d’un dossier du serveur ou d’une ' +
    'adresse web, avec les contrôles d’un import manuel.',
  'feeds.new': 'Nouveau flux',
  'feeds.list': 'Flux',
  'feeds.empty': 'Aucun flux pour l’instant.',
  'feeds.emptyHint':
    'Créez un flux pour importer sans intervention un fichier déposé dans un ' +
    'dossier ou publié à une adresse.',
  'feeds.failingCount': 'Flux en échec : {count}.',
  'feeds.enabled': 'Actif',
  'feeds.disabled': 'Désactivé',
  'feeds.failing': 'En échec',
  'feeds.failingTimes': 'En échec ({count} fois de suite)',
  'feeds.lastError': 'Dernière erreur : {message}',
  'feeds.kind': 'Type',
  'feeds.kind.folder': 'Dossier du serveur',
  'feeds.kind.url': 'Adresse web',
  'feeds.source': 'Source',
  'feeds.sourceFolder': '{path}, fichiers « {pattern} »',
  'feeds.schedule': 'Fréquence',
  'feeds.every': 'Toutes les {minutes} minutes',
  'feeds.daily': 'Chaque jour à {at} (heure de Paris)',
  'feeds.nextRun': 'Prochaine exécution',
  'feeds.lastRun': 'Dernière exécution',
  'feeds.lastSuccess': 'Dernier succès',
  'feeds.nextRunIs': 'Prochaine exécution : {when}',
  'feeds.lastRunIs': 'Dernière exécution : {when}',
  'feeds.never': 'Jamais',
  'feeds.notPlanned': 'Aucune : flux désactivé',
  'feeds.profile': 'Profil de correspondance',
  'feeds.noProfile': 'Aucun : colonnes reconnues automatiquement',
  'feeds.deactivates': 'Contacts absents du fichier',
  'feeds.deactivatesYes': 'Désactivés',
  'feeds.deactivatesNo': 'Gardés',
  'feeds.runNow': 'Lancer maintenant',
  'feeds.runNowOf': 'Lancer maintenant : {name}',
  'feeds.runQueued': 'Exécution demandée : le flux sera lu dans un instant.',
  'feeds.runAlready':
    'Une exécution de ce flux était déjà prévue ou en cours : rien d’ajouté.',

  'feed.back': 'Retour aux flux',
  'feed.status': 'État',
  'feed.edit': 'Modifier le flux',
  'feed.settings': 'Réglages du flux',
  'feed.delete': 'Supprimer le flux',
  'feed.deleteConfirm':
    'Supprimer « {name} » ? Son historique est effacé ; les contacts qu’il a ' +
    'importés restent.',
  'feed.deleteYes': 'Oui, supprimer le flux',
  'feed.deleteNo': 'Non, le garder',

  'feedForm.name': 'Nom du flux',
  'feedForm.kind': 'Source',
  'feedForm.folderPath': 'Dossier',
  'feedForm.folderPathHint':
    'Un dossier dans le dossier des flux du serveur, par exemple presse/entrant.',
  'feedForm.filePattern': 'Motif des noms de fichier',
  'feedForm.filePatternHint':
    '* pour plusieurs caractères, ? pour un seul, par exemple presse-*.csv ; ' +
    'vide : tous les fichiers.',
  'feedForm.url': 'Adresse',
  'feedForm.urlHint':
    'https ; http seulement pour un hôte autorisé (voir les hôtes autorisés).',
  'feedForm.schedule': 'Fréquence',
  'feedForm.every': 'Toutes les N minutes',
  'feedForm.daily': 'Chaque jour à heure fixe',
  'feedForm.minutes': 'Minutes entre deux exécutions',
  'feedForm.at': 'Heure (heure de Paris)',
  'feedForm.minutesNumber': 'Saisissez un nombre entier de minutes.',
  'feedForm.deactivateMissing':
    'Désactiver les contacts de ce flux absents du fichier',
  'feedForm.deactivateMissingHint':
    'Ils sont désactivés, jamais supprimés ; un import suivant qui les contient ' +
    'les réactive.',
  'feedForm.enabled': 'Flux actif',
  'feedForm.create': 'Créer le flux',
  'feedForm.save': 'Enregistrer le flux',
  'feedForm.saving': 'Enregistrement…',
  'feedForm.saved': 'Flux enregistré.',
  'feedForm.conflict':
    'Quelqu’un a modifié ce flux depuis que vous l’avez ouvert. Rechargez-le ' +
    'pour repartir de sa version actuelle : vos changements seront perdus.',
  'feedForm.reload': 'Recharger le flux',

  'runs.title': 'Exécutions',
  'runs.empty':
    'Aucune exécution pour l’instant : « Lancer maintenant » en fait une sans attendre l’horaire.',
  'runs.refresh': 'Actualiser',
  'runs.run': 'Exécution du {date}',
  'runs.cause.schedule': 'planifiée',
  'runs.cause.manual': 'lancée à la main',
  'runs.status.running': 'En cours',
  'runs.status.succeeded': 'Réussie',
  'runs.status.unchanged': 'Fichier inchangé',
  'runs.status.failed': 'Échec',
  'runs.duration': '{seconds} s',
  'runs.source': 'Lu : {source}',
  'runs.counts':
    '{rows|ligne|lignes} : {created} créés, {updated} mis à jour, {merged} fusionnés, ' +
    '{queuedForReview} à revoir, {rejected} rejetés, {deactivated} désactivés',
  'runs.openImport': 'Voir l’import',

  'hosts.title': 'Hôtes autorisés',
  'hosts.intro':
    'Les flux refusent les adresses du réseau interne et le http sans ' +
    'chiffrement, sauf pour les hôtes de cette liste (nom exact).',
  'hosts.empty':
    'Aucun hôte autorisé : les flux ne lisent que des adresses https publiques. ' +
    'Autorisez ci-dessous un hôte interne si un flux doit le lire.',
  'hosts.list': 'Hôtes autorisés',
  'hosts.host': 'Hôte',
  'hosts.hostHint':
    'Nom exact ou adresse IP, par exemple intranet.example.org.',
  'hosts.note': 'Note',
  'hosts.noteHint': 'Pourquoi cet hôte est autorisé (facultatif).',
  'hosts.add': 'Autoriser l’hôte',
  'hosts.added': 'Autorisé le {date}',
  'hosts.remove': 'Retirer',
  'hosts.removeHost': 'Retirer : {host}',
} as const satisfies Record<string, string>;

export const adminEn: Record<keyof typeof adminFr, string> = {
  'nav.admin': 'Administration',

  'admin.title': 'Administration',
  'admin.intro': 'Settings that apply to the whole team.',
  'admin.adminOnly': 'Administration is for administrators only.',
  'admin.screens': 'Settings',
  'admin.mergeRulesHint':
    'Automatic merges on import, thresholds, choice of the surviving record ' +
    'and the value kept for each field.',
  'admin.feedsHint':
    'Automatic imports from a server folder or a web address, their runs, ' +
    'their alerts and the allowed hosts.',
  'admin.back': 'Back to administration',

  'order.up': 'Move up',
  'order.down': 'Move down',
  'order.remove': 'Remove',
  'order.upItem': 'Move up: {item}',
  'order.downItem': 'Move down: {item}',
  'order.removeItem': 'Remove: {item}',
  'order.moved': '{item}: position {position} of {count}.',
  'order.removed': '{item}: removed from the list.',
  'order.added': '{item}: added at position {position}.',

  'rules.title': 'Duplicate rules',
  'rules.intro':
    'These rules decide when two records are merged without review, which one ' +
    'becomes the surviving record and which value is kept for each field.',
  'rules.updatedAt': 'Last changed on {date}.',
  'rules.defaults': 'Default rules: they have never been changed.',
  'rules.auto.title': 'Automatic merges',
  'rules.auto.label': 'Merge sure duplicates found by an import without review',
  'rules.auto.hint':
    'When off, each duplicate an import finds waits for a review in ' +
    '“Duplicates”.',
  'rules.thresholds.title': 'Thresholds',
  'rules.same.label': 'Merge threshold',
  'rules.same.hint': 'From this score up, a pair is a sure duplicate.',
  'rules.maybe.label': 'Review threshold',
  'rules.maybe.hint':
    'From this score up, and below the merge threshold, a pair waits for a ' +
    'review.',
  'rules.notANumber': 'Enter a number, for example 12.5.',
  'rules.survivor.title': 'Choice of the surviving record',
  'rules.survivor.intro':
    'The criteria apply in order until one of them tells the two records ' +
    'apart; failing that, the older record is kept.',
  'rules.survivor.list': 'Criteria, in order',
  'rules.survivor.add': 'Criterion to add',
  'rules.survivor.addButton': 'Add the criterion',
  'rules.criterion.completeness': 'The most complete record',
  'rules.criterion.recency': 'The most recently changed record',
  'rules.criterion.origin': 'The record from the most trusted origin',
  'rules.criterion.oldest': 'The oldest record',
  'rules.criterion.engagement':
    'The record that answered us, else the one our sends or invitations reached',
  'rules.origins.title': 'Origins, most trusted first',
  'rules.origins.intro':
    'A record’s origin says where it came from (import file, Outlook, typed ' +
    'in…). An origin missing from this list comes after the others.',
  'rules.origins.list': 'Ranked origins',
  'rules.origins.empty':
    'No origin ranked: all weigh the same. Add them below, the most reliable first.',
  'rules.origins.new': 'Origin to add',
  'rules.origins.newHint': 'Written as in the records’ Origin field.',
  'rules.origins.addButton': 'Add the origin',
  'rules.origins.already': 'This origin is already in the list.',
  'rules.origins.blank': 'Enter an origin.',
  'rules.fields.title': 'Value kept for each field',
  'rules.fields.intro':
    'When both records have a value for a field, this one is kept.',
  'rules.rule.survivor': 'The surviving record’s',
  'rules.rule.recent': 'The most recent',
  'rules.rule.origin': 'The most trusted origin’s',
  'rules.rule.longest': 'The longest',
  'rules.save': 'Save the rules',
  'rules.saving': 'Saving…',
  'rules.saved': 'Rules saved.',
  'rules.conflict':
    'Someone changed the rules since you opened them. Reload them to start ' +
    'again from their current version: your unsaved changes will be lost.',
  'rules.reload': 'Reload the rules',

  'feeds.title': 'Import feeds',
  'feeds.intro':
    'A feed imports on a schedule the file of a server folder or of a web ' +
    'address, with the checks of a manual import.',
  'feeds.new': 'New feed',
  'feeds.list': 'Feeds',
  'feeds.empty': 'No feed yet.',
  'feeds.emptyHint':
    'Create a feed to import without anyone’s help a file dropped in a ' +
    'folder or published at an address.',
  'feeds.failingCount': 'Failing feeds: {count}.',
  'feeds.enabled': 'Enabled',
  'feeds.disabled': 'Disabled',
  'feeds.failing': 'Failing',
  'feeds.failingTimes': 'Failing ({count} times in a row)',
  'feeds.lastError': 'Last error: {message}',
  'feeds.kind': 'Kind',
  'feeds.kind.folder': 'Server folder',
  'feeds.kind.url': 'Web address',
  'feeds.source': 'Source',
  'feeds.sourceFolder': '{path}, files “{pattern}”',
  'feeds.schedule': 'Schedule',
  'feeds.every': 'Every {minutes} minutes',
  'feeds.daily': 'Every day at {at} (Paris time)',
  'feeds.nextRun': 'Next run',
  'feeds.lastRun': 'Last run',
  'feeds.lastSuccess': 'Last success',
  'feeds.nextRunIs': 'Next run: {when}',
  'feeds.lastRunIs': 'Last run: {when}',
  'feeds.never': 'Never',
  'feeds.notPlanned': 'None: feed disabled',
  'feeds.profile': 'Mapping profile',
  'feeds.noProfile': 'None: columns recognised automatically',
  'feeds.deactivates': 'Contacts missing from the file',
  'feeds.deactivatesYes': 'Deactivated',
  'feeds.deactivatesNo': 'Kept',
  'feeds.runNow': 'Run now',
  'feeds.runNowOf': 'Run now: {name}',
  'feeds.runQueued': 'Run requested: the feed will be read in a moment.',
  'feeds.runAlready':
    'A run of this feed was already waiting or under way: nothing added.',

  'feed.back': 'Back to the feeds',
  'feed.status': 'Status',
  'feed.edit': 'Edit the feed',
  'feed.settings': 'Feed settings',
  'feed.delete': 'Delete the feed',
  'feed.deleteConfirm':
    'Delete “{name}”? Its history is erased; the contacts it imported stay.',
  'feed.deleteYes': 'Yes, delete the feed',
  'feed.deleteNo': 'No, keep it',

  'feedForm.name': 'Feed name',
  'feedForm.kind': 'Source',
  'feedForm.folderPath': 'Folder',
  'feedForm.folderPathHint':
    'A folder inside the server’s feeds folder, for example press/incoming.',
  'feedForm.filePattern': 'File name pattern',
  'feedForm.filePatternHint':
    '* for several characters, ? for one, for example press-*.csv; empty: ' +
    'every file.',
  'feedForm.url': 'Address',
  'feedForm.urlHint':
    'https; http only for an allowed host (see the allowed hosts).',
  'feedForm.schedule': 'Schedule',
  'feedForm.every': 'Every N minutes',
  'feedForm.daily': 'Every day at a set time',
  'feedForm.minutes': 'Minutes between two runs',
  'feedForm.at': 'Time (Paris time)',
  'feedForm.minutesNumber': 'Enter a whole number of minutes.',
  'feedForm.deactivateMissing':
    'Deactivate this feed’s contacts missing from the file',
  'feedForm.deactivateMissingHint':
    'They are deactivated, never deleted; a later import that holds them ' +
    'makes them active again.',
  'feedForm.enabled': 'Feed enabled',
  'feedForm.create': 'Create the feed',
  'feedForm.save': 'Save the feed',
  'feedForm.saving': 'Saving…',
  'feedForm.saved': 'Feed saved.',
  'feedForm.conflict':
    'Someone changed this feed since you opened it. Reload it to start again ' +
    'from its current version: your changes will be lost.',
  'feedForm.reload': 'Reload the feed',

  'runs.title': 'Runs',
  'runs.empty':
    'No run yet: “Run now” makes one without waiting for the schedule.',
  'runs.refresh': 'Refresh',
  'runs.run': 'Run of {date}',
  'runs.cause.schedule': 'scheduled',
  'runs.cause.manual': 'started by hand',
  'runs.status.running': 'Running',
  'runs.status.succeeded': 'Succeeded',
  'runs.status.unchanged': 'File unchanged',
  'runs.status.failed': 'Failed',
  'runs.duration': '{seconds} s',
  'runs.source': 'Read: {source}',
  'runs.counts':
    '{rows|row|rows}: {created} created, {updated} updated, {merged} merged, ' +
    '{queuedForReview} to review, {rejected} rejected, {deactivated} deactivated',
  'runs.openImport': 'See the import',

  'hosts.title': 'Allowed hosts',
  'hosts.intro':
    'Feeds refuse addresses of the internal network and unencrypted http, ' +
    'except for the hosts of this list (exact name).',
  'hosts.empty':
    'No allowed host: feeds only read public https addresses. ' +
    'Allow an internal host below if a feed must read it.',
  'hosts.list': 'Allowed hosts',
  'hosts.host': 'Host',
  'hosts.hostHint':
    'Exact name or IP address, for example intranet.example.org.',
  'hosts.note': 'Note',
  'hosts.noteHint': 'Why this host is allowed (optional).',
  'hosts.add': 'Allow the host',
  'hosts.added': 'Allowed on {date}',
  'hosts.remove': 'Remove',
  'hosts.removeHost': 'Remove: {host}',
};
