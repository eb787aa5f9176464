/**
 * Messages of the contact and company cards: editing in place, conflicts
 * with a colleague's save, creation with its duplicate check, deletion and
 * restore, lists and audit trail (issue #6), French first; merged into the
 * catalogue by `messages.ts`.
 */
export const cardsFr = {
  'card.edit': 'Modifier',
  'card.edit.what': 'Modifier : {what}',
  'card.editing': 'Modification : {what}',
  'card.save': 'Enregistrer',
  'card.cancel': 'Annuler',
  'card.saved': 'Modifications enregistrées.',
  'card.form.keys': 'Ctrl+S (⌘S) pour enregistrer, Échap pour annuler.',
  'card.form.invalid': 'Certains champs sont à corriger.',
  'card.problem.row': '{field}, ligne {row}',
  'card.choice.none': '(aucun)',
  'card.label': 'Libellé',
  'card.picker.placeholder': 'Tapez pour chercher…',
  'card.row.remove': 'Retirer : {what}, ligne {row}',
  'card.row.removeShort': 'Retirer',
  'card.row.primary': 'Principal : {what}, ligne {row}',
  'card.email.add': 'Ajouter un e-mail',
  'card.phone.add': 'Ajouter un téléphone',
  'card.phone.kind': 'Type de numéro',
  'card.address.add': 'Ajouter une adresse',
  'card.country.hint': 'Code à deux lettres : FR, BE, CH…',
  'card.social.add': 'Ajouter un réseau social',
  'card.social.network': 'Réseau',
  'card.social.handle': 'Identifiant',
  'card.social.url': 'Adresse du profil',
  'card.affiliation.add': 'Ajouter une société',
  'card.affiliation.company': 'Société',
  'card.affiliation.companyHint':
    'Choisissez-la dans la liste, ou tapez le nom d’une nouvelle société.',
  'card.affiliation.start': 'Début',
  'card.affiliation.end': 'Fin',
  'card.date.hint': 'jj/mm/aaaa',
  'card.date.birthHint': 'jj/mm/aaaa, ou jj/mm sans l’année',
  'card.date.format': 'Date attendue au format jj/mm/aaaa.',
  'card.date.birthFormat': 'Date attendue au format jj/mm/aaaa ou jj/mm.',
  'card.date.impossible': 'Date impossible : {date}.',
  'card.doNotContact': 'Ne pas contacter (aucune sollicitation)',
  'card.optOut.legend': 'Refuse les envois par',
  'card.terms.hint': '{count|terme coché|termes cochés}.',

  'card.conflict.title': 'Fiche modifiée entre-temps',
  'card.conflict.by':
    '{who} a enregistré cette fiche le {date}. Rien n’a été écrasé : voici ce qui ' +
    'diffère de votre saisie.',
  'card.conflict.byUnknown':
    'Quelqu’un a enregistré cette fiche entre-temps. Rien n’a été écrasé : voici ce qui ' +
    'diffère de votre saisie.',
  'card.conflict.both': 'modifié des deux côtés',
  'card.conflict.values': 'sa version « {theirs} », votre saisie « {mine} »',
  'card.conflict.reapply': 'Reporter ma saisie sur sa version',
  'card.conflict.discard': 'Abandonner ma saisie',
  'card.conflict.reapplied':
    'Votre saisie est reportée sur la version enregistrée par votre collègue : ' +
    'vérifiez, puis enregistrez.',

  'card.call': 'Appeler le {number}',
  'card.callShort': 'Appeler',
  'card.mail': 'Écrire à {address}',
  'card.mailShort': 'Écrire',
  'card.delete': 'Supprimer',
  'card.delete.label': 'Supprimer la fiche {de:name}',
  'card.delete.title': 'Supprimer la fiche {de:name} ?',
  'card.delete.contactBody':
    'Le contact quitte les recherches, les ciblages et les exports. Ses listes, son ' +
    'historique et son journal sont gardés ; un administrateur peut le restaurer.',
  'card.delete.companyBody':
    'La société quitte les recherches, les ciblages et les exports. Ses contacts ' +
    'restent ; un administrateur peut la restaurer.',
  'card.delete.confirm': 'Supprimer',
  'card.deleted.askAdmin': 'Un administrateur peut la restaurer.',
  'card.restore': 'Restaurer',

  'card.lists.title': 'Listes',
  'card.lists.none':
    'Dans aucune liste : ajoutez-la depuis la page d’une liste (« Ajouter des membres »).',
  'card.lists.owner': 'de {name}',

  'card.audit.title': 'Journal des modifications',
  'card.audit.empty': 'Aucune modification enregistrée.',
  'card.audit.line': '{date} · {who} · {action}',
  'card.audit.change': '{field} : {before} → {after}',
  'card.audit.all': 'Tout afficher ({count})',
  'card.audit.action.create': 'création',
  'card.audit.action.update': 'modification',
  'card.audit.action.delete': 'suppression',
  'card.audit.action.restore': 'restauration',
  'card.audit.action.merge': 'fusion',
  'card.audit.action.merge.undo': 'fusion annulée',
  'card.audit.action.import': 'import',
  'card.audit.action.import.undo': 'import annulé',

  'card.create.newContact': 'Nouveau contact',
  'card.create.newCompany': 'Nouvelle société',
  'card.create.contactTitle': 'Nouveau contact',
  'card.create.contactIntro':
    'Un nom, un prénom, un e-mail ou une société suffit. Relais vérifie que la personne ' +
    'n’est pas déjà dans la base avant de la créer.',
  'card.create.companyTitle': 'Nouvelle société',
  'card.create.companyIntro':
    'Le nom suffit. Relais vérifie que la société n’est pas déjà dans la base, sous une ' +
    'autre écriture, avant de la créer.',
  'card.create.more': 'Plus de champs',
  'card.create.less': 'Moins de champs',
  'card.create.submit': 'Vérifier et créer',

  'card.duplicates.title':
    'Déjà dans la base ? {count|fiche ressemble|fiches ressemblent} à votre saisie',
  'card.duplicates.intro':
    'Ouvrez la fiche existante pour la compléter, ou créez la nouvelle quand même.',
  'card.duplicates.open': 'Ouvrir {name}',
  'card.duplicates.same': 'sans doute la même',
  'card.duplicates.maybe': 'à vérifier',
  'card.duplicates.reasons': 'en commun : {reasons}',
  'card.duplicates.contacts': '{count|contact|contacts}',
  'card.duplicates.createAnyway': 'Créer quand même',
  'card.duplicates.back': 'Revenir à la saisie',
  'card.reason.lastName': 'nom',
  'card.reason.firstName': 'prénom',
  'card.reason.birthDate': 'date de naissance',
  'card.reason.email': 'e-mail',
  'card.reason.phone': 'téléphone',
  'card.reason.outlet': 'société',
  'card.reason.postalCode': 'code postal',
  'card.reason.city': 'ville',
  'card.reason.street': 'rue',
  'card.reason.civility': 'civilité',
  'card.reason.name': 'nom du média',
  'card.reason.website': 'site web',
};

export const cardsEn: Record<keyof typeof cardsFr, string> = {
  'card.edit': 'Edit',
  'card.edit.what': 'Edit: {what}',
  'card.editing': 'Editing: {what}',
  'card.save': 'Save',
  'card.cancel': 'Cancel',
  'card.saved': 'Changes saved.',
  'card.form.keys': 'Ctrl+S (⌘S) to save, Escape to cancel.',
  'card.form.invalid': 'Some fields need correcting.',
  'card.problem.row': '{field}, line {row}',
  'card.choice.none': '(none)',
  'card.label': 'Label',
  'card.picker.placeholder': 'Type to search…',
  'card.row.remove': 'Remove: {what}, line {row}',
  'card.row.removeShort': 'Remove',
  'card.row.primary': 'Primary: {what}, line {row}',
  'card.email.add': 'Add an email',
  'card.phone.add': 'Add a phone',
  'card.phone.kind': 'Kind of number',
  'card.address.add': 'Add an address',
  'card.country.hint': 'Two-letter code: FR, BE, CH…',
  'card.social.add': 'Add a social account',
  'card.social.network': 'Network',
  'card.social.handle': 'Handle',
  'card.social.url': 'Profile address',
  'card.affiliation.add': 'Add a company',
  'card.affiliation.company': 'Company',
  'card.affiliation.companyHint':
    'Pick it from the list, or type the name of a new company.',
  'card.affiliation.start': 'Start',
  'card.affiliation.end': 'End',
  'card.date.hint': 'dd/mm/yyyy',
  'card.date.birthHint': 'dd/mm/yyyy, or dd/mm without the year',
  'card.date.format': 'Date expected as dd/mm/yyyy.',
  'card.date.birthFormat': 'Date expected as dd/mm/yyyy or dd/mm.',
  'card.date.impossible': 'Impossible date: {date}.',
  'card.doNotContact': 'Do not contact (no solicitation at all)',
  'card.optOut.legend': 'Refuses sends by',
  'card.terms.hint': '{count|term|terms} ticked.',

  'card.conflict.title': 'Record changed meanwhile',
  'card.conflict.by':
    '{who} saved this record on {date}. Nothing was overwritten: here is what differs ' +
    'from your entry.',
  'card.conflict.byUnknown':
    'Someone saved this record meanwhile. Nothing was overwritten: here is what differs ' +
    'from your entry.',
  'card.conflict.both': 'changed on both sides',
  'card.conflict.values': 'their version “{theirs}”, your entry “{mine}”',
  'card.conflict.reapply': 'Carry my entry over onto their version',
  'card.conflict.discard': 'Drop my entry',
  'card.conflict.reapplied':
    'Your entry is carried over onto the version your colleague saved: check it, then save.',

  'card.call': 'Call {number}',
  'card.callShort': 'Call',
  'card.mail': 'Write to {address}',
  'card.mailShort': 'Write',
  'card.delete': 'Delete',
  'card.delete.label': 'Delete the record of {name}',
  'card.delete.title': 'Delete the record of {name}?',
  'card.delete.contactBody':
    'The contact leaves searches, targeting and exports. Its lists, history and audit ' +
    'trail are kept; an administrator can restore it.',
  'card.delete.companyBody':
    'The company leaves searches, targeting and exports. Its contacts stay; an ' +
    'administrator can restore it.',
  'card.delete.confirm': 'Delete',
  'card.deleted.askAdmin': 'An administrator can restore it.',
  'card.restore': 'Restore',

  'card.lists.title': 'Lists',
  'card.lists.none': 'In no list: add it from a list’s page (“Add members”).',
  'card.lists.owner': 'by {name}',

  'card.audit.title': 'Audit trail',
  'card.audit.empty': 'No change recorded.',
  'card.audit.line': '{date} · {who} · {action}',
  'card.audit.change': '{field}: {before} → {after}',
  'card.audit.all': 'Show all ({count})',
  'card.audit.action.create': 'created',
  'card.audit.action.update': 'changed',
  'card.audit.action.delete': 'deleted',
  'card.audit.action.restore': 'restored',
  'card.audit.action.merge': 'merged',
  'card.audit.action.merge.undo': 'merge undone',
  'card.audit.action.import': 'imported',
  'card.audit.action.import.undo': 'import undone',

  'card.create.newContact': 'New contact',
  'card.create.newCompany': 'New company',
  'card.create.contactTitle': 'New contact',
  'card.create.contactIntro':
    'A surname, a first name, an email or a company is enough. Relais checks that the ' +
    'person is not already in the base before creating them.',
  'card.create.companyTitle': 'New company',
  'card.create.companyIntro':
    'The name is enough. Relais checks that the company is not already in the base, ' +
    'spelt another way, before creating it.',
  'card.create.more': 'More fields',
  'card.create.less': 'Fewer fields',
  'card.create.submit': 'Check and create',

  'card.duplicates.title':
    'Already in the base? {count|record looks|records look} like your entry',
  'card.duplicates.intro':
    'Open the existing record to complete it, or create the new one all the same.',
  'card.duplicates.open': 'Open {name}',
  'card.duplicates.same': 'probably the same',
  'card.duplicates.maybe': 'worth a look',
  'card.duplicates.reasons': 'in common: {reasons}',
  'card.duplicates.contacts': '{count|contact|contacts}',
  'card.duplicates.createAnyway': 'Create anyway',
  'card.duplicates.back': 'Back to the form',
  'card.reason.lastName': 'surname',
  'card.reason.firstName': 'first name',
  'card.reason.birthDate': 'birth date',
  'card.reason.email': 'email',
  'card.reason.phone': 'phone',
  'card.reason.outlet': 'company',
  'card.reason.postalCode': 'postcode',
  'card.reason.city': 'city',
  'card.reason.street': 'street',
  'card.reason.civility': 'civility',
  'card.reason.name': 'outlet name',
  'card.reason.website': 'website',
};
