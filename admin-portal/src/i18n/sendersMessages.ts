/**
 * Messages of the sending rights screens (sender addresses, departments,
 * users' departments), French first; merged into the catalogue by
 * `messages.ts`.
 */
export const sendersFr = {
  'senders.title': 'Adresses d’expéditeur',
  'senders.adminHint':
    'Les adresses depuis lesquelles l’équipe envoie, qui peut employer chacune ' +
    'et l’adresse par défaut de chaque service.',
  'senders.intro':
    'Chacun ne voit dans Outlook que les adresses accordées à lui-même ou à son ' +
    'service ; les administrateurs peuvent employer toutes les adresses actives.',
  'senders.list': 'Adresses déclarées',
  'senders.empty': 'Aucune adresse déclarée',
  'senders.emptyHint':
    'Déclarez une adresse et accordez-la à des services ou à des personnes.',
  'senders.new': 'Nouvelle adresse',
  'senders.edit': 'Modifier : {address}',
  'senders.editButton': 'Modifier',
  'senders.inactive': 'Désactivée',
  'senders.replyTo': 'Réponses à {address}',
  'senders.departments': 'Services : {names}',
  'senders.users': 'Personnes : {names}',
  'senders.nobody': 'Accordée à personne',
  'senders.default': '{name} (par défaut)',

  'senders.form.newTitle': 'Nouvelle adresse d’expéditeur',
  'senders.form.editTitle': 'Modifier {address}',
  'senders.form.address': 'Adresse',
  'senders.form.displayName': 'Nom affiché',
  'senders.form.displayNameHint':
    'Ce que les destinataires voient : « Service de presse de la Ville ».',
  'senders.form.replyTo': 'Adresse de réponse (facultative)',
  'senders.form.active': 'Active',
  'senders.form.activeHint':
    'Désactivée, l’adresse reste déclarée mais personne ne peut envoyer depuis elle.',
  'senders.form.departments': 'Services autorisés',
  'senders.form.defaults': 'Adresse par défaut des services',
  'senders.form.defaultsHint':
    'Choisie d’office pour les membres du service ; elle remplace l’adresse ' +
    'par défaut précédente.',
  'senders.form.users': 'Personnes autorisées (hors service)',
  'senders.form.save': 'Enregistrer',
  'senders.form.cancel': 'Fermer',
  'senders.form.saved': 'Adresse enregistrée.',
  'senders.form.conflict':
    'Un autre administrateur a modifié cette adresse entre-temps. Fermez le ' +
    'formulaire et rouvrez-le pour repartir de sa version.',
  'senders.delete.open': 'Supprimer : {address}',
  'senders.delete.title': 'Supprimer l’adresse {address} ?',
  'senders.delete.body':
    'Personne ne pourra plus envoyer depuis elle ; ce qui a été envoyé garde ' +
    'son expéditeur.',
  'senders.delete.confirm': 'Supprimer',
  'senders.delete.cancel': 'Annuler',
  'senders.deleted': 'Adresse supprimée.',

  'senders.departments.title': 'Services',
  'senders.departments.adminHint':
    'Les services de l’équipe, auxquels on accorde des adresses d’expéditeur.',
  'senders.departments.intro':
    'Chaque utilisateur appartient à un service ; les droits d’envoi accordés ' +
    'au service valent pour tous ses membres.',
  'senders.departments.list': 'Services',
  'senders.departments.empty': 'Aucun service',
  'senders.departments.emptyHint':
    'Créez le premier service ci-dessus, puis placez-y les utilisateurs.',
  'senders.departments.new': 'Nouveau service',
  'senders.departments.name': 'Nom',
  'senders.departments.code': 'Code',
  'senders.departments.codeHint':
    'Lettres, chiffres, - ou _ ; écrit en capitales (PRESSE, COM-INT).',
  'senders.departments.create': 'Créer le service',
  'senders.departments.created': 'Service créé.',
  'senders.departments.counts':
    '{users|utilisateur|utilisateurs} · {senders|adresse accordée|adresses accordées}',
  'senders.departments.rename': 'Renommer : {name}',
  'senders.departments.renameButton': 'Renommer',
  'senders.departments.save': 'Enregistrer',
  'senders.departments.cancel': 'Annuler',
  'senders.departments.saved': 'Service enregistré.',
  'senders.departments.delete.open': 'Supprimer : {name}',
  'senders.departments.delete.title': 'Supprimer le service « {name} » ?',
  'senders.departments.delete.body':
    'Ses droits sur les adresses d’expéditeur disparaissent avec lui. Un ' +
    'service qui compte encore des utilisateurs ne peut pas être supprimé.',
  'senders.departments.delete.confirm': 'Supprimer',
  'senders.departments.delete.cancel': 'Annuler',
  'senders.departments.deleted': 'Service supprimé.',

  'senders.users.title': 'Utilisateurs',
  'senders.users.adminHint':
    'Les comptes de l’équipe, leur rôle, leur service et leur identité Entra ID.',
  'senders.users.intro':
    'Le service d’une personne décide des adresses d’expéditeur qu’elle peut employer.',
  'senders.users.list': 'Comptes',
  'senders.users.department': 'Service {de:name}',
  'senders.users.noDepartment': 'Aucun service',
  'senders.users.inactive': 'Compte désactivé',
  'senders.users.saved': 'Service {de:name} enregistré.',
  'senders.users.noDepartments':
    'Aucun service n’est encore créé : créez-en dans « Services ».',
  'senders.users.entra.title': 'Identité Entra ID {de:name}',
  'senders.users.entra.none':
    'Aucune : une connexion Microsoft n’ouvre pas ce compte.',
  'senders.users.entra.ids': 'Locataire {tenantId} · objet {objectId}',
  'senders.users.entra.rolePinned': 'rôle fixé par un administrateur',
  'senders.users.entra.roleFromGroups': 'rôle donné par les groupes Entra ID',
  'senders.users.entra.link': 'Lier à Entra ID',
  'senders.users.entra.linkFor': 'Lier à Entra ID : {name}',
  'senders.users.entra.change': 'Changer l’identité',
  'senders.users.entra.changeFor': 'Changer l’identité : {name}',
  'senders.users.entra.tenantId': 'ID du locataire (tenant)',
  'senders.users.entra.tenantHint':
    'Centre d’administration Entra → Vue d’ensemble → ID de locataire.',
  'senders.users.entra.objectId': 'ID d’objet de la personne',
  'senders.users.entra.objectHint':
    'Centre d’administration Entra → Utilisateurs → la personne → ID d’objet. ' +
    'Une fois lié, le compte garde ses listes, modèles et historique, son ' +
    'mot de passe et son rôle.',
  'senders.users.entra.badId':
    'Format attendu : 8-4-4-4-12 chiffres hexadécimaux ' +
    '(par exemple 1b4e28ba-2fa1-41d2-883f-0016d3cca427).',
  'senders.users.entra.save': 'Lier',
  'senders.users.entra.cancel': 'Annuler',
  'senders.users.entra.linked': 'Identité Entra ID {de:name} enregistrée.',
  'senders.users.entra.unlink': 'Délier',
  'senders.users.entra.unlinkFor': 'Délier : {name}',
  'senders.users.entra.unlinkTitle': 'Délier {name} de son identité Entra ID ?',
  'senders.users.entra.unlinkBody':
    'Sa connexion Microsoft (Outlook, Teams) n’ouvrira plus ce compte ; son ' +
    'mot de passe Relais reste valable et le compte garde ses données.',
  'senders.users.entra.unlinked': '{name} n’est plus lié à Entra ID.',
};

export const sendersEn: Record<keyof typeof sendersFr, string> = {
  'senders.title': 'Sender addresses',
  'senders.adminHint':
    'The addresses the team sends from, who may use each, and the default ' +
    'address of each department.',
  'senders.intro':
    'In Outlook, each person sees only the addresses granted to them or to ' +
    'their department; administrators may use every active address.',
  'senders.list': 'Declared addresses',
  'senders.empty': 'No address declared',
  'senders.emptyHint':
    'Declare an address and grant it to departments or to people.',
  'senders.new': 'New address',
  'senders.edit': 'Change: {address}',
  'senders.editButton': 'Change',
  'senders.inactive': 'Deactivated',
  'senders.replyTo': 'Replies to {address}',
  'senders.departments': 'Departments: {names}',
  'senders.users': 'People: {names}',
  'senders.nobody': 'Granted to nobody',
  'senders.default': '{name} (default)',

  'senders.form.newTitle': 'New sender address',
  'senders.form.editTitle': 'Change {address}',
  'senders.form.address': 'Address',
  'senders.form.displayName': 'Display name',
  'senders.form.displayNameHint': 'What recipients see: “City press office”.',
  'senders.form.replyTo': 'Reply-to address (optional)',
  'senders.form.active': 'Active',
  'senders.form.activeHint':
    'Deactivated, the address stays declared but nobody may send from it.',
  'senders.form.departments': 'Departments allowed',
  'senders.form.defaults': 'Default address of the departments',
  'senders.form.defaultsHint':
    'Chosen for the department’s members; it replaces the previous default.',
  'senders.form.users': 'People allowed (besides their department)',
  'senders.form.save': 'Save',
  'senders.form.cancel': 'Close',
  'senders.form.saved': 'Address saved.',
  'senders.form.conflict':
    'Another administrator changed this address meanwhile. Close the form and ' +
    'open it again to start from their version.',
  'senders.delete.open': 'Delete: {address}',
  'senders.delete.title': 'Delete the address {address}?',
  'senders.delete.body':
    'Nobody will be able to send from it; what was sent keeps its sender.',
  'senders.delete.confirm': 'Delete',
  'senders.delete.cancel': 'Cancel',
  'senders.deleted': 'Address deleted.',

  'senders.departments.title': 'Departments',
  'senders.departments.adminHint':
    'The team’s departments, to which sender addresses are granted.',
  'senders.departments.intro':
    'Each user belongs to a department; sending rights granted to the ' +
    'department apply to all its members.',
  'senders.departments.list': 'Departments',
  'senders.departments.empty': 'No department',
  'senders.departments.emptyHint':
    'Create the first department above, then put users in it.',
  'senders.departments.new': 'New department',
  'senders.departments.name': 'Name',
  'senders.departments.code': 'Code',
  'senders.departments.codeHint':
    'Letters, digits, - or _; written in capitals (PRESS, INT-COM).',
  'senders.departments.create': 'Create the department',
  'senders.departments.created': 'Department created.',
  'senders.departments.counts':
    '{users|user|users} · {senders|address|addresses} granted',
  'senders.departments.rename': 'Rename: {name}',
  'senders.departments.renameButton': 'Rename',
  'senders.departments.save': 'Save',
  'senders.departments.cancel': 'Cancel',
  'senders.departments.saved': 'Department saved.',
  'senders.departments.delete.open': 'Delete: {name}',
  'senders.departments.delete.title': 'Delete the department “{name}”?',
  'senders.departments.delete.body':
    'Its rights on sender addresses go with it. A department that still has ' +
    'users cannot be deleted.',
  'senders.departments.delete.confirm': 'Delete',
  'senders.departments.delete.cancel': 'Cancel',
  'senders.departments.deleted': 'Department deleted.',

  'senders.users.title': 'Users',
  'senders.users.adminHint':
    'The team’s accounts, their role, department and Entra ID identity.',
  'senders.users.intro':
    'A person’s department decides which sender addresses they may use.',
  'senders.users.list': 'Accounts',
  'senders.users.department': 'Department of {name}',
  'senders.users.noDepartment': 'No department',
  'senders.users.inactive': 'Account deactivated',
  'senders.users.saved': 'Department of {name} saved.',
  'senders.users.noDepartments':
    'No department exists yet: create some in “Departments”.',
  'senders.users.entra.title': 'Entra ID identity of {name}',
  'senders.users.entra.none':
    'None: a Microsoft sign-in does not open this account.',
  'senders.users.entra.ids': 'Tenant {tenantId} · object {objectId}',
  'senders.users.entra.rolePinned': 'role set by an administrator',
  'senders.users.entra.roleFromGroups': 'role given by the Entra ID groups',
  'senders.users.entra.link': 'Link to Entra ID',
  'senders.users.entra.linkFor': 'Link to Entra ID: {name}',
  'senders.users.entra.change': 'Change the identity',
  'senders.users.entra.changeFor': 'Change the identity: {name}',
  'senders.users.entra.tenantId': 'Tenant ID',
  'senders.users.entra.tenantHint':
    'Entra admin center → Overview → Tenant ID.',
  'senders.users.entra.objectId': 'Object ID of the person',
  'senders.users.entra.objectHint':
    'Entra admin center → Users → the person → Object ID. Once linked, the ' +
    'account keeps its lists, templates and history, its password and its role.',
  'senders.users.entra.badId':
    'Expected format: 8-4-4-4-12 hexadecimal digits ' +
    '(for example 1b4e28ba-2fa1-41d2-883f-0016d3cca427).',
  'senders.users.entra.save': 'Link',
  'senders.users.entra.cancel': 'Cancel',
  'senders.users.entra.linked': 'Entra ID identity of {name} saved.',
  'senders.users.entra.unlink': 'Unlink',
  'senders.users.entra.unlinkFor': 'Unlink: {name}',
  'senders.users.entra.unlinkTitle':
    'Unlink {name} from their Entra ID identity?',
  'senders.users.entra.unlinkBody':
    'Their Microsoft sign-in (Outlook, Teams) will no longer open this ' +
    'account; their Relais password stays valid and the account keeps its data.',
  'senders.users.entra.unlinked': '{name} is no longer linked to Entra ID.',
};
