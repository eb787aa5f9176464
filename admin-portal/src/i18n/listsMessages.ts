/**
 * Messages of the lists and export screens (static lists, change requests,
 * history, hand-over, export dialog and settings), French first; merged
 * into the catalogue by `messages.ts`.
 */
export const listsFr = {
  'nav.lists': 'Listes',

  'lists.title': 'Listes',
  'lists.intro':
    'Une liste appartient à son créateur ; chacun peut l’utiliser, et les ' +
    'ajouts ou retraits des autres attendent la décision du propriétaire.',
  'lists.back': 'Retour aux listes',
  'lists.pendingBadge.one': '{count} demande de modification à décider',
  'lists.pendingBadge': '{count} demandes de modification à décider',
  'lists.pendingCount': '{count} en attente',
  'lists.all': 'Toutes les listes',
  'lists.found.one': '{count} liste',
  'lists.found': '{count} listes',
  'lists.empty': 'Aucune liste.',
  'lists.emptyHint':
    'Créez une liste ci-dessus, ou depuis une requête dans « Ciblage ».',
  'lists.filter.owner': 'Propriétaire',
  'lists.filter.all': 'Toutes',
  'lists.filter.mine': 'Les miennes',
  'lists.filter.entity': 'Contenu',
  'lists.filter.anyEntity': 'Contacts et sociétés',
  'lists.filter.name': 'Nom contenant',
  'lists.entity': 'Contenu',
  'lists.entity.contact': 'Contacts',
  'lists.entity.company': 'Sociétés',
  'lists.contacts.one': '{count} contact',
  'lists.contacts.many': '{count} contacts',
  'lists.companies.one': '{count} société',
  'lists.companies.many': '{count} sociétés',
  'lists.ownedBy': 'Propriétaire : {name}',
  'lists.updatedOn': 'modifiée le {date}',
  'lists.createdOn': 'créée le {date}',
  'lists.fromQuery': 'depuis une requête',
  'lists.new': 'Nouvelle liste',
  'lists.name': 'Nom',
  'lists.description': 'Description',
  'lists.create': 'Créer la liste',
  'lists.notFound': 'Cette liste n’existe pas ou a été supprimée.',
  'lists.deleted': 'Liste supprimée',
  'lists.notOwner':
    'Cette liste appartient à {owner} : vos ajouts et retraits lui seront ' +
    'proposés et ne changeront la liste qu’une fois approuvés.',
  'lists.exportWhat': 'la liste « {name} »',
  'lists.toDecide': 'Demandes à décider ({count})',
  'lists.toDecideList': 'Demandes à décider',
  'lists.toDecideScope': 'Demandes de quelles listes',
  'lists.toDecideMine': 'Mes listes',
  'lists.toDecideAll': 'Toutes les listes',
  'lists.noneToDecide': 'Aucune demande en attente.',
  'lists.decideOn': 'Décider dans la liste « {list} »',

  'members.title': 'Membres',
  'members.empty': 'La liste est vide : ajoutez-y des membres ci-dessus.',
  'members.choose': 'Choisir : {name}',
  'members.removeChosen': 'Retirer la sélection ({count})',
  'members.proposeRemoval': 'Proposer le retrait de la sélection ({count})',
  'members.addedBy': 'ajouté par {name} le {date}',
  'members.proposedBy': 'proposé par {name}, approuvé par {approver} le {date}',
  'members.addedOn': 'ajouté le {date}',
  'members.add': 'Ajouter des membres',
  'members.findContacts': 'Contacts à ajouter',
  'members.findCompanies': 'Sociétés à ajouter',
  'members.note': 'Note pour le propriétaire',
  'members.noteHint': 'Facultative : pourquoi ce changement.',
  'members.addChosen': 'Ajouter ({count})',
  'members.proposeAddition': 'Proposer l’ajout ({count})',

  'change.added': '{count|ajouté|ajoutés} à la liste.',
  'change.removed': '{count|retiré|retirés} de la liste.',
  'change.addRequested':
    '{count|ajout proposé|ajouts proposés} à {owner} : en attente de sa décision.',
  'change.removeRequested':
    '{count|retrait proposé|retraits proposés} à {owner} : en attente de sa décision.',
  'change.alreadyMember': '{count} déjà dans la liste.',
  'change.notMember': '{count|absent|absents} de la liste.',
  'change.alreadyPending': '{count|déjà proposé|déjà proposés}, en attente.',
  'change.nothing': 'Rien à changer.',

  'requests.title': 'Demandes en attente ({count})',
  'requests.list': 'Demandes en attente',
  'requests.introOwner':
    'Approuvez ou refusez chaque demande, la sélection ou toutes ; la note ' +
    'accompagne les décisions prises.',
  'requests.introOther':
    'Ces demandes attendent la décision {de:owner}, propriétaire de la liste.',
  'requests.add': 'Ajout {de:member}',
  'requests.remove': 'Retrait {de:member}',
  'requests.proposedBy': 'Proposé par {name} le {date}',
  'requests.waiting': 'En attente de la décision {de:owner}',
  'requests.choose': 'Choisir : {request}',
  'requests.approve': 'Approuver',
  'requests.reject': 'Refuser',
  'requests.approveOne': 'Approuver : {request}',
  'requests.rejectOne': 'Refuser : {request}',
  'requests.withdraw': 'Retirer ma demande',
  'requests.withdrawOne': 'Retirer ma demande : {request}',
  'requests.note': 'Note de décision',
  'requests.noteHint': 'Facultative ; elle est gardée dans l’historique.',
  'requests.approveChosen': 'Approuver la sélection ({count})',
  'requests.rejectChosen': 'Refuser la sélection ({count})',
  'requests.approveAll': 'Tout approuver ({count})',
  'requests.rejectAll': 'Tout refuser ({count})',
  'requests.approvedCount': '{count|demande approuvée|demandes approuvées}.',
  'requests.rejectedCount': '{count|demande refusée|demandes refusées}.',
  'requests.withdrawn': 'Demande retirée.',
  'requests.outcomeLine': '{request} : {outcome}.',
  'requests.outcome.already_member': 'déjà dans la liste',
  'requests.outcome.not_member': 'déjà absent de la liste',
  'requests.outcome.member_deleted': 'fiche supprimée entre-temps',
  'requests.outcome.merged': 'fusionnée avec une demande identique',

  'listHistory.title': 'Historique',
  'listHistory.empty': 'Aucun changement enregistré.',
  'listHistory.someone': 'Quelqu’un',
  'listHistory.created': 'Liste créée par {actor} ({count} membres).',
  'listHistory.updated': '{actor} a modifié le nom ou la description.',
  'listHistory.deleted': '{actor} a supprimé la liste.',
  'listHistory.members_added': '{actor} a ajouté {count|membre|membres}.',
  'listHistory.members_removed': '{actor} a retiré {count|membre|membres}.',
  'listHistory.request_created': '{actor} a proposé {what}.',
  'listHistory.request_approved': '{actor} a approuvé {what}.',
  'listHistory.request_rejected': '{actor} a refusé {what}.',
  'listHistory.request_withdrawn': '{actor} a retiré sa proposition : {what}.',
  'listHistory.what.add': 'un ajout',
  'listHistory.what.remove': 'un retrait',
  'listHistory.what.request': 'une demande',
  'listHistory.handed_over':
    '{actor} a confié la liste à un autre propriétaire.',
  'listHistory.merge_moved':
    'Une fusion de fiches a déplacé {count|appartenance|appartenances}.',
  'listHistory.merge_undone':
    'L’annulation d’une fusion a rétabli {count|appartenance|appartenances}.',
  'listHistory.proposedBy': 'Proposition {de:name}.',
  'listHistory.actingFor': 'Décidé pour le propriétaire, {name}.',

  'handOver.title': 'Confier la liste',
  'handOver.intro':
    'Le nouveau propriétaire décidera des demandes en attente et des ' +
    'suivantes.',
  'handOver.email': 'Adresse e-mail du nouveau propriétaire',
  'handOver.note': 'Note',
  'handOver.submit': 'Confier la liste',
  'handOver.done': 'Liste confiée à {name}.',

  'listSettings.title': 'Nom, description et suppression',
  'listSettings.save': 'Enregistrer le nom et la description',
  'listSettings.saved': 'Nom et description enregistrés.',
  'listSettings.conflict':
    'Quelqu’un a modifié cette liste entre-temps. Rechargez-la pour voir ' +
    'sa version, puis recommencez.',
  'listSettings.reload': 'Recharger la liste',
  'listDelete.open': 'Supprimer la liste',
  'listDelete.title': 'Supprimer la liste « {name} » ?',
  'listDelete.body.contact':
    'Les contacts qu’elle contient ne sont pas supprimés. Ses demandes en ' +
    'attente seront refusées ; son historique est conservé.',
  'listDelete.body.company':
    'Les sociétés qu’elle contient ne sont pas supprimées. Ses demandes en ' +
    'attente seront refusées ; son historique est conservé.',
  'listDelete.confirm': 'Supprimer',
  'listDelete.cancel': 'Annuler',
  'listDelete.done': 'La liste « {name} » a été supprimée.',

  'export.open': 'Exporter',
  'export.title': 'Exporter {what}',
  'export.format': 'Format',
  'export.format.xlsx': 'Excel (.xlsx)',
  'export.format.xlsx.hint': 'Un tableau filtrable, une ligne par contact.',
  'export.format.outlook-csv': 'CSV pour Outlook',
  'export.format.outlook-csv.hint':
    'À importer dans les contacts Outlook (colonnes d’Outlook dans la langue choisie).',
  'export.format.vcard3': 'vCard 3.0',
  'export.format.vcard3.hint':
    'Cartes de visite pour carnets d’adresses et téléphones.',
  'export.format.vcard4': 'vCard 4.0',
  'export.format.vcard4.hint': 'La version récente des cartes de visite.',
  'export.format.html': 'Page HTML imprimable',
  'export.format.html.hint':
    'Un tableau à ouvrir dans le navigateur et à imprimer.',
  'export.format.word-csv': 'CSV pour publipostage Word',
  'export.format.word-csv.hint': 'La source de données d’un publipostage Word.',
  'export.format.docx-letters': 'Courriers DOCX',
  'export.format.docx-letters.hint':
    'Un courrier par contact, depuis un modèle Word à champs de fusion.',
  'export.format.docx-labels': 'Étiquettes DOCX',
  'export.format.docx-labels.hint':
    'Des étiquettes d’adresse, 3 × 8 par page A4.',
  'export.lang': 'Langue des en-têtes',
  'export.lang.fr': 'Français',
  'export.lang.en': 'Anglais',
  'export.channel': 'Écarter les désinscrits du canal',
  'export.channel.hint':
    'Les contacts désinscrits de ce canal ou à ne pas contacter ne sont pas exportés.',
  'export.channel.none': 'Aucun (tout exporter)',
  'export.excluded':
    '{excluded} contacts écartés sur {matched} pour le canal {channel}.',
  'export.template': 'Modèle Word',
  'export.template.choose': 'Choisir un modèle Word (.docx)',
  'export.template.hintLetters':
    'Facultatif : un .docx avec des champs comme {{Nom}} ou «Prénom». ' +
    'Sans modèle, le courrier intégré est utilisé.',
  'export.template.hintLabels':
    'Facultatif : un .docx avec des champs de fusion. Sans modèle, les ' +
    'étiquettes intégrées sont utilisées.',
  'export.template.builtIn': 'Modèle intégré',
  'export.template.chosen': 'Modèle : {file}',
  'export.template.useBuiltIn': 'Utiliser le modèle intégré',
  'export.template.notDocx':
    '« {file} » n’est pas un document Word .docx : choisissez un fichier .docx.',
  'export.template.tooLarge':
    '« {file} » dépasse 5 Mo : choisissez un modèle plus léger.',
  'export.download': 'Télécharger',
  'export.close': 'Fermer',
  'export.done':
    'Fichier « {file} » téléchargé : {rows} contacts, {excluded} écartés.',
  'export.restrictedHint': 'Demandez l’export à un administrateur.',
  'export.restrictedForYou':
    'Les exports sont réservés aux administrateurs : demandez cet export ' +
    'à un administrateur.',
  'export.restrictedOn':
    'Les exports sont réservés aux administrateurs : les rédacteurs ne ' +
    'peuvent pas exporter.',
  'export.companies':
    'Les sociétés s’exportent avec leurs coordonnées professionnelles ; ' +
    'aucune n’est écartée pour un canal.',
  'export.doneCompanies': 'Fichier « {file} » téléchargé : {rows} sociétés.',

  'admin.exportsHint':
    'Qui peut exporter : tous les utilisateurs, ou les administrateurs seulement.',
  'exportSettings.title': 'Exports',
  'exportSettings.intro':
    'Les exports sortent des données personnelles de Relais : chacun est ' +
    'inscrit au journal d’audit.',
  'exportSettings.who': 'Qui peut exporter',
  'exportSettings.adminOnly': 'Réserver les exports aux administrateurs',
  'exportSettings.adminOnlyOn':
    'Seuls les administrateurs peuvent exporter ; les rédacteurs voient un ' +
    'message les invitant à demander l’export.',
  'exportSettings.adminOnlyOff': 'Tous les utilisateurs peuvent exporter.',
  'exportSettings.updatedAt': 'Dernière modification le {date}.',
  'exportSettings.defaults': 'Réglage par défaut : il n’a jamais été modifié.',
  'exportSettings.save': 'Enregistrer',
  'exportSettings.saved': 'Réglage enregistré.',
  'exportSettings.conflict':
    'Un autre administrateur a modifié ce réglage entre-temps : rechargez-le.',
  'exportSettings.reload': 'Recharger',
} as const satisfies Record<string, string>;

/** The English messages of the lists and export screens: the same keys. */
export const listsEn: Record<keyof typeof listsFr, string> = {
  'nav.lists': 'Lists',

  'lists.title': 'Lists',
  'lists.intro':
    'A list belongs to its creator; everyone may use it, and other people’s ' +
    'additions or removals wait for the owner’s decision.',
  'lists.back': 'Back to the lists',
  'lists.pendingBadge.one': '{count} change request to decide',
  'lists.pendingBadge': '{count} change requests to decide',
  'lists.pendingCount': '{count} pending',
  'lists.all': 'All lists',
  'lists.found.one': '{count} list',
  'lists.found': '{count} lists',
  'lists.empty': 'No list.',
  'lists.emptyHint': 'Create a list above, or from a query in “Targeting”.',
  'lists.filter.owner': 'Owner',
  'lists.filter.all': 'All',
  'lists.filter.mine': 'Mine',
  'lists.filter.entity': 'Content',
  'lists.filter.anyEntity': 'Contacts and companies',
  'lists.filter.name': 'Name containing',
  'lists.entity': 'Content',
  'lists.entity.contact': 'Contacts',
  'lists.entity.company': 'Companies',
  'lists.contacts.one': '{count} contact',
  'lists.contacts.many': '{count} contacts',
  'lists.companies.one': '{count} company',
  'lists.companies.many': '{count} companies',
  'lists.ownedBy': 'Owner: {name}',
  'lists.updatedOn': 'changed {date}',
  'lists.createdOn': 'created {date}',
  'lists.fromQuery': 'from a query',
  'lists.new': 'New list',
  'lists.name': 'Name',
  'lists.description': 'Description',
  'lists.create': 'Create the list',
  'lists.notFound': 'This list does not exist or was deleted.',
  'lists.deleted': 'List deleted',
  'lists.notOwner':
    'This list belongs to {owner}: your additions and removals are proposed ' +
    'to them and change the list only once approved.',
  'lists.exportWhat': 'the list “{name}”',
  'lists.toDecide': 'Requests to decide ({count})',
  'lists.toDecideList': 'Requests to decide',
  'lists.toDecideScope': 'Requests of which lists',
  'lists.toDecideMine': 'My lists',
  'lists.toDecideAll': 'All lists',
  'lists.noneToDecide': 'No pending request.',
  'lists.decideOn': 'Decide in the list “{list}”',

  'members.title': 'Members',
  'members.empty': 'The list is empty: add members to it above.',
  'members.choose': 'Choose: {name}',
  'members.removeChosen': 'Remove the selection ({count})',
  'members.proposeRemoval': 'Propose removing the selection ({count})',
  'members.addedBy': 'added by {name} on {date}',
  'members.proposedBy': 'proposed by {name}, approved by {approver} on {date}',
  'members.addedOn': 'added on {date}',
  'members.add': 'Add members',
  'members.findContacts': 'Contacts to add',
  'members.findCompanies': 'Companies to add',
  'members.note': 'Note for the owner',
  'members.noteHint': 'Optional: why this change.',
  'members.addChosen': 'Add ({count})',
  'members.proposeAddition': 'Propose adding ({count})',

  'change.added': '{count} added to the list.',
  'change.removed': '{count} removed from the list.',
  'change.addRequested':
    '{count|addition|additions} proposed to {owner}: waiting for their decision.',
  'change.removeRequested':
    '{count|removal|removals} proposed to {owner}: waiting for their decision.',
  'change.alreadyMember': '{count} already in the list.',
  'change.notMember': '{count} not in the list.',
  'change.alreadyPending': '{count} already proposed, pending.',
  'change.nothing': 'Nothing to change.',

  'requests.title': 'Pending requests ({count})',
  'requests.list': 'Pending requests',
  'requests.introOwner':
    'Approve or reject each request, the selection or all of them; the note ' +
    'goes with the decisions taken.',
  'requests.introOther':
    'These requests wait for the decision of {owner}, owner of the list.',
  'requests.add': 'Add {member}',
  'requests.remove': 'Remove {member}',
  'requests.proposedBy': 'Proposed by {name} on {date}',
  'requests.waiting': 'Waiting for the decision of {owner}',
  'requests.choose': 'Choose: {request}',
  'requests.approve': 'Approve',
  'requests.reject': 'Reject',
  'requests.approveOne': 'Approve: {request}',
  'requests.rejectOne': 'Reject: {request}',
  'requests.withdraw': 'Withdraw my request',
  'requests.withdrawOne': 'Withdraw my request: {request}',
  'requests.note': 'Decision note',
  'requests.noteHint': 'Optional; it is kept in the history.',
  'requests.approveChosen': 'Approve the selection ({count})',
  'requests.rejectChosen': 'Reject the selection ({count})',
  'requests.approveAll': 'Approve all ({count})',
  'requests.rejectAll': 'Reject all ({count})',
  'requests.approvedCount': '{count|request|requests} approved.',
  'requests.rejectedCount': '{count|request|requests} rejected.',
  'requests.withdrawn': 'Request withdrawn.',
  'requests.outcomeLine': '{request}: {outcome}.',
  'requests.outcome.already_member': 'already in the list',
  'requests.outcome.not_member': 'already out of the list',
  'requests.outcome.member_deleted': 'record deleted meanwhile',
  'requests.outcome.merged': 'merged with an identical request',

  'listHistory.title': 'History',
  'listHistory.empty': 'No change recorded.',
  'listHistory.someone': 'Someone',
  'listHistory.created': 'List created by {actor} ({count} members).',
  'listHistory.updated': '{actor} changed the name or description.',
  'listHistory.deleted': '{actor} deleted the list.',
  'listHistory.members_added': '{actor} added {count|member|members}.',
  'listHistory.members_removed': '{actor} removed {count|member|members}.',
  'listHistory.request_created': '{actor} proposed {what}.',
  'listHistory.request_approved': '{actor} approved {what}.',
  'listHistory.request_rejected': '{actor} rejected {what}.',
  'listHistory.request_withdrawn': '{actor} withdrew their proposal: {what}.',
  'listHistory.what.add': 'an addition',
  'listHistory.what.remove': 'a removal',
  'listHistory.what.request': 'a request',
  'listHistory.handed_over': '{actor} handed the list over to another owner.',
  'listHistory.merge_moved':
    'A merge of records moved {count|membership|memberships}.',
  'listHistory.merge_undone':
    'Undoing a merge restored {count|membership|memberships}.',
  'listHistory.proposedBy': 'Proposed by {name}.',
  'listHistory.actingFor': 'Decided for the owner, {name}.',

  'handOver.title': 'Hand the list over',
  'handOver.intro':
    'The new owner will decide the pending requests and the next ones.',
  'handOver.email': 'Email address of the new owner',
  'handOver.note': 'Note',
  'handOver.submit': 'Hand the list over',
  'handOver.done': 'List handed over to {name}.',

  'listSettings.title': 'Name, description and deletion',
  'listSettings.save': 'Save the name and description',
  'listSettings.saved': 'Name and description saved.',
  'listSettings.conflict':
    'Someone changed this list meanwhile. Reload it to see their version, ' +
    'then try again.',
  'listSettings.reload': 'Reload the list',
  'listDelete.open': 'Delete the list',
  'listDelete.title': 'Delete the list “{name}”?',
  'listDelete.body.contact':
    'The contacts it holds are not deleted. Its pending requests will be ' +
    'rejected; its history is kept.',
  'listDelete.body.company':
    'The companies it holds are not deleted. Its pending requests will be ' +
    'rejected; its history is kept.',
  'listDelete.confirm': 'Delete',
  'listDelete.cancel': 'Cancel',
  'listDelete.done': 'The list “{name}” was deleted.',

  'export.open': 'Export',
  'export.title': 'Export {what}',
  'export.format': 'Format',
  'export.format.xlsx': 'Excel (.xlsx)',
  'export.format.xlsx.hint': 'A table with filters, one row per contact.',
  'export.format.outlook-csv': 'CSV for Outlook',
  'export.format.outlook-csv.hint':
    'To import into Outlook contacts (Outlook’s columns in the chosen language).',
  'export.format.vcard3': 'vCard 3.0',
  'export.format.vcard3.hint': 'Business cards for address books and phones.',
  'export.format.vcard4': 'vCard 4.0',
  'export.format.vcard4.hint': 'The recent version of business cards.',
  'export.format.html': 'Printable HTML page',
  'export.format.html.hint': 'A table to open in the browser and print.',
  'export.format.word-csv': 'CSV for Word mail merge',
  'export.format.word-csv.hint': 'The data source of a Word mail merge.',
  'export.format.docx-letters': 'DOCX letters',
  'export.format.docx-letters.hint':
    'One letter per contact, from a Word template with merge fields.',
  'export.format.docx-labels': 'DOCX labels',
  'export.format.docx-labels.hint': 'Address labels, 3 × 8 per A4 page.',
  'export.lang': 'Language of the headers',
  'export.lang.fr': 'French',
  'export.lang.en': 'English',
  'export.channel': 'Leave out who opted out of',
  'export.channel.hint':
    'Contacts who opted out of this channel or must not be contacted are not exported.',
  'export.channel.none': 'None (export everyone)',
  'export.excluded': '{excluded} of {matched} contacts left out for {channel}.',
  'export.template': 'Word template',
  'export.template.choose': 'Choose a Word template (.docx)',
  'export.template.hintLetters':
    'Optional: a .docx with fields such as {{Nom}} or «Prénom». Without ' +
    'one, the built-in letter is used.',
  'export.template.hintLabels':
    'Optional: a .docx with merge fields. Without one, the built-in labels ' +
    'are used.',
  'export.template.builtIn': 'Built-in template',
  'export.template.chosen': 'Template: {file}',
  'export.template.useBuiltIn': 'Use the built-in template',
  'export.template.notDocx':
    '“{file}” is not a Word .docx document: choose a .docx file.',
  'export.template.tooLarge':
    '“{file}” is over 5 MB: choose a lighter template.',
  'export.download': 'Download',
  'export.close': 'Close',
  'export.done':
    'File “{file}” downloaded: {rows} contacts, {excluded} left out.',
  'export.restrictedHint': 'Ask an administrator for the export.',
  'export.restrictedForYou':
    'Exports are restricted to administrators: ask an administrator for ' +
    'this export.',
  'export.restrictedOn':
    'Exports are restricted to administrators: editors cannot export.',
  'export.companies':
    'Companies are exported with their business details; none is left ' +
    'out for a channel.',
  'export.doneCompanies': 'File “{file}” downloaded: {rows} companies.',

  'admin.exportsHint': 'Who may export: every user, or administrators only.',
  'exportSettings.title': 'Exports',
  'exportSettings.intro':
    'Exports take personal data out of Relais: each one is written to the ' +
    'audit trail.',
  'exportSettings.who': 'Who may export',
  'exportSettings.adminOnly': 'Restrict exports to administrators',
  'exportSettings.adminOnlyOn':
    'Only administrators may export; editors see a message asking them to ' +
    'request the export.',
  'exportSettings.adminOnlyOff': 'Every user may export.',
  'exportSettings.updatedAt': 'Last changed {date}.',
  'exportSettings.defaults': 'Default setting: it was never changed.',
  'exportSettings.save': 'Save',
  'exportSettings.saved': 'Setting saved.',
  'exportSettings.conflict':
    'Another administrator changed this setting meanwhile: reload it.',
  'exportSettings.reload': 'Reload',
};
