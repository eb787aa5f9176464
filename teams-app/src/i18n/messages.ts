/**
 * Every text the tab shows, French first; English follows the Teams
 * language. Keys are grouped by screen.
 */
export const fr = {
  'app.title': 'Relais',
  'app.loading': 'Chargement…',
  'app.retry': 'Réessayer',
  'app.back': 'Retour aux listes',
  'app.failed': 'Relais ne répond pas. Réessayez dans un instant.',

  'auth.connecting': 'Connexion à Relais…',
  'auth.consentTitle': 'Autorisation nécessaire',
  'auth.consentText':
    'Pour afficher vos listes, Relais doit pouvoir vous identifier avec ' +
    'votre compte Microsoft. Donnez votre accord une fois ; Teams ne vous ' +
    'le demandera plus.',
  'auth.consentButton': 'Autoriser Relais',
  'auth.consentRefused':
    'L’autorisation n’a pas été donnée ({reason}). Réessayez, ou demandez ' +
    'à un administrateur de l’accorder pour toute l’organisation.',
  'auth.ssoFailed':
    'La connexion par votre compte Microsoft a échoué ({reason}). Vous ' +
    'pouvez vous connecter avec un compte Relais.',
  'auth.refused': 'Relais a refusé la connexion : {message}',
  'auth.signInTitle': 'Connexion à Relais',
  'auth.email': 'Adresse e-mail',
  'auth.password': 'Mot de passe',
  'auth.totp': 'Code de vérification',
  'auth.totpHint': 'Le code à six chiffres de votre application',
  'auth.signIn': 'Se connecter',
  'auth.signOut': 'Se déconnecter',
  'auth.notReady':
    'Terminez d’abord la mise en place de votre compte dans le portail ' +
    'Relais (nouveau mot de passe ou second facteur).',

  'consent.working': 'Ouverture de la page d’autorisation…',
  'consent.done': 'Autorisation enregistrée. Cette fenêtre va se fermer.',
  'consent.failed': 'L’autorisation n’a pas abouti : {reason}',

  'lists.mine': 'Mes listes',
  'lists.others': 'Listes des autres',
  'lists.search': 'Rechercher une liste',
  'lists.searchPlaceholder': 'Nom de la liste',
  'lists.none': 'Aucune liste.',
  'lists.more': 'Listes suivantes',
  'lists.owner': 'Propriétaire : {name}',
  'lists.members.one': '{count} membre',
  'lists.members': '{count} membres',
  'lists.pending': '{count} en attente',
  'lists.open': 'Ouvrir la liste {name}',
  'lists.notFound': 'Cette liste n’existe pas ou a été supprimée.',
  'lists.entity.contact': 'Contacts',
  'lists.entity.company': 'Sociétés',

  'list.youOwn': 'Vous êtes propriétaire : vos changements s’appliquent.',
  'list.adminFor':
    'Administrateur : vos changements s’appliquent au nom de {owner}.',
  'list.notOwner':
    'Cette liste appartient à {owner} : vos ajouts et retraits lui sont ' +
    'proposés et ne changent la liste qu’une fois approuvés.',
  'list.members': 'Membres ({count})',
  'list.empty': 'La liste est vide.',
  'list.addedBy': 'Ajouté par {name} le {date}',
  'list.proposedBy': 'Proposé par {name}, approuvé par {approver} le {date}',
  'list.addedOn': 'Ajouté le {date}',
  'list.remove': 'Retirer {name}',
  'list.proposeRemove': 'Proposer le retrait de {name}',
  'list.more': 'Membres suivants',

  'propose.title': 'Ajouter à la liste',
  'propose.titleRequest': 'Proposer un ajout',
  'propose.search': 'Rechercher un contact',
  'propose.searchCompany': 'Rechercher une société',
  'propose.searchHint': 'Nom, adresse e-mail ou téléphone',
  'propose.noMatch': 'Aucun résultat.',
  'propose.note': 'Note pour le propriétaire (facultatif)',
  'propose.add': 'Ajouter',
  'propose.request': 'Proposer',
  'propose.applied': '{name} a été ajouté à la liste.',
  'propose.requested':
    'Votre proposition d’ajouter {name} attend la décision de {owner}.',
  'propose.alreadyMember': '{name} est déjà dans la liste.',
  'propose.alreadyPending': 'Une demande pour {name} attend déjà.',
  'propose.removed': '{name} a été retiré de la liste.',
  'propose.removeRequested':
    'Votre proposition de retirer {name} attend la décision de {owner}.',
  'propose.notMember': '{name} n’est plus dans la liste.',

  'requests.title': 'Demandes en attente ({count})',
  'requests.history': 'Demandes décidées',
  'requests.none': 'Aucune demande en attente.',
  'requests.noneDecided': 'Aucune demande décidée.',
  'requests.add': 'Ajouter {name}',
  'requests.remove': 'Retirer {name}',
  'requests.by': 'Proposé par {name} le {date}',
  'requests.note': 'Note : {note}',
  'requests.select': 'Sélectionner la demande : {label}',
  'requests.selectAll': 'Tout sélectionner',
  'requests.approve': 'Approuver',
  'requests.reject': 'Refuser',
  'requests.approveOne': 'Approuver : {label}',
  'requests.rejectOne': 'Refuser : {label}',
  'requests.withdraw': 'Retirer ma demande',
  'requests.approveSelected': 'Approuver la sélection ({count})',
  'requests.rejectSelected': 'Refuser la sélection ({count})',
  'requests.decided': '{count|demande décidée|demandes décidées}.',
  'requests.skipped':
    '{count|demande déjà décidée|demandes déjà décidées} entre-temps.',
  'requests.waiting': 'En attente de {owner}',
  'requests.status.approved': 'Approuvée',
  'requests.status.rejected': 'Refusée',
  'requests.status.withdrawn': 'Retirée',
  'requests.decidedBy': '{status} par {name} le {date}',

  'config.title': 'Choisir la liste de cet onglet',
  'config.intro':
    'L’onglet montrera cette liste à toute l’équipe : chacun pourra ' +
    'proposer des ajouts et des retraits, le propriétaire les décidera.',
  'config.list': 'Liste',
  'config.placeholder': 'Choisissez une liste',
  'config.chosen': 'Liste choisie : {name}. Cliquez sur « Enregistrer ».',
  'config.saveFailed': 'La configuration n’a pas pu être enregistrée.',
} as const;

export type MessageKey = keyof typeof fr;

export const en: Record<MessageKey, string> = {
  'app.title': 'Relais',
  'app.loading': 'Loading…',
  'app.retry': 'Try again',
  'app.back': 'Back to lists',
  'app.failed': 'Relais is not answering. Try again in a moment.',

  'auth.connecting': 'Connecting to Relais…',
  'auth.consentTitle': 'Permission needed',
  'auth.consentText':
    'To show your lists, Relais must be able to identify you with your ' +
    'Microsoft account. Agree once; Teams will not ask again.',
  'auth.consentButton': 'Allow Relais',
  'auth.consentRefused':
    'Permission was not given ({reason}). Try again, or ask an ' +
    'administrator to grant it for the whole organisation.',
  'auth.ssoFailed':
    'Signing in with your Microsoft account failed ({reason}). You can ' +
    'sign in with a Relais account.',
  'auth.refused': 'Relais refused the sign-in: {message}',
  'auth.signInTitle': 'Sign in to Relais',
  'auth.email': 'Email address',
  'auth.password': 'Password',
  'auth.totp': 'Verification code',
  'auth.totpHint': 'The six-digit code of your app',
  'auth.signIn': 'Sign in',
  'auth.signOut': 'Sign out',
  'auth.notReady':
    'First finish setting up your account in the Relais portal (new ' +
    'password or second factor).',

  'consent.working': 'Opening the permission page…',
  'consent.done': 'Permission recorded. This window will close.',
  'consent.failed': 'Permission did not go through: {reason}',

  'lists.mine': 'My lists',
  'lists.others': 'Other people’s lists',
  'lists.search': 'Search lists',
  'lists.searchPlaceholder': 'List name',
  'lists.none': 'No list.',
  'lists.more': 'More lists',
  'lists.owner': 'Owner: {name}',
  'lists.members.one': '{count} member',
  'lists.members': '{count} members',
  'lists.pending': '{count} pending',
  'lists.open': 'Open the list {name}',
  'lists.notFound': 'This list does not exist or was deleted.',
  'lists.entity.contact': 'Contacts',
  'lists.entity.company': 'Companies',

  'list.youOwn': 'You own this list: your changes apply at once.',
  'list.adminFor': 'Administrator: your changes apply on behalf of {owner}.',
  'list.notOwner':
    'This list belongs to {owner}: your additions and removals are ' +
    'proposed to them and change the list only once approved.',
  'list.members': 'Members ({count})',
  'list.empty': 'The list is empty.',
  'list.addedBy': 'Added by {name} on {date}',
  'list.proposedBy': 'Proposed by {name}, approved by {approver} on {date}',
  'list.addedOn': 'Added on {date}',
  'list.remove': 'Remove {name}',
  'list.proposeRemove': 'Propose removing {name}',
  'list.more': 'Next members',

  'propose.title': 'Add to the list',
  'propose.titleRequest': 'Propose an addition',
  'propose.search': 'Search for a contact',
  'propose.searchCompany': 'Search for a company',
  'propose.searchHint': 'Name, email address or phone',
  'propose.noMatch': 'No match.',
  'propose.note': 'Note for the owner (optional)',
  'propose.add': 'Add',
  'propose.request': 'Propose',
  'propose.applied': '{name} was added to the list.',
  'propose.requested':
    'Your proposal to add {name} is waiting for {owner} to decide.',
  'propose.alreadyMember': '{name} is already in the list.',
  'propose.alreadyPending': 'A request for {name} is already waiting.',
  'propose.removed': '{name} was removed from the list.',
  'propose.removeRequested':
    'Your proposal to remove {name} is waiting for {owner} to decide.',
  'propose.notMember': '{name} is no longer in the list.',

  'requests.title': 'Pending requests ({count})',
  'requests.history': 'Decided requests',
  'requests.none': 'No pending request.',
  'requests.noneDecided': 'No decided request.',
  'requests.add': 'Add {name}',
  'requests.remove': 'Remove {name}',
  'requests.by': 'Proposed by {name} on {date}',
  'requests.note': 'Note: {note}',
  'requests.select': 'Select the request: {label}',
  'requests.selectAll': 'Select all',
  'requests.approve': 'Approve',
  'requests.reject': 'Reject',
  'requests.approveOne': 'Approve: {label}',
  'requests.rejectOne': 'Reject: {label}',
  'requests.withdraw': 'Withdraw my request',
  'requests.approveSelected': 'Approve selection ({count})',
  'requests.rejectSelected': 'Reject selection ({count})',
  'requests.decided': '{count|request|requests} decided.',
  'requests.skipped': '{count|request|requests} already decided meanwhile.',
  'requests.waiting': 'Waiting for {owner}',
  'requests.status.approved': 'Approved',
  'requests.status.rejected': 'Rejected',
  'requests.status.withdrawn': 'Withdrawn',
  'requests.decidedBy': '{status} by {name} on {date}',

  'config.title': 'Choose the list of this tab',
  'config.intro':
    'The tab will show this list to the whole team: everyone may propose ' +
    'additions and removals, the owner decides.',
  'config.list': 'List',
  'config.placeholder': 'Choose a list',
  'config.chosen': 'List chosen: {name}. Click “Save”.',
  'config.saveFailed': 'The configuration could not be saved.',
};

export const catalogues = { fr, en };
export type Locale = keyof typeof catalogues;

/** `fr-fr`, `fr-CA` → fr; `en-us` → en; anything else → French. */
export function localeOf(tag: string | undefined): Locale {
  return /^en\b/i.test(tag ?? '') ? 'en' : 'fr';
}
