import { adminEn, adminFr } from './adminMessages.ts';
import { duplicatesEn, duplicatesFr } from './duplicatesMessages.ts';
import { importsEn, importsFr } from './importsMessages.ts';
import { listsEn, listsFr } from './listsMessages.ts';
import { historyEn, historyFr } from './historyMessages.ts';
import { targetingEn, targetingFr } from './targetingMessages.ts';
import { templatesEn, templatesFr } from './templatesMessages.ts';
import { sendersEn, sendersFr } from './sendersMessages.ts';
import { tablesEn, tablesFr } from './tablesMessages.ts';
import { cardsEn, cardsFr } from './cardsMessages.ts';
import { adminScreensEn, adminScreensFr } from './adminScreensMessages.ts';
import { shortcutsEn, shortcutsFr } from './shortcutsMessages.ts';
import { deletedEn, deletedFr } from './deletedMessages.ts';

/**
 * The portal's message catalogue, French first. Keys are dotted by screen;
 * `{name}` placeholders are filled by `useT()`. Labels follow
 * shared/GLOSSARY.md: one concept, one French word. Larger screens keep
 * their messages in a file of their own, spread in here.
 */
export const fr = {
  'app.name': 'Relais',
  'app.skipToContent': 'Aller au contenu',
  'app.loading': 'Chargement…',
  'app.busy': 'En cours…',
  'app.notFound.title': 'Page introuvable',
  'app.notFound.text':
    'L’adresse « {address} » ne mène à aucune page de Relais : elle est ' +
    'peut-être incomplète ou mal recopiée.',
  'app.notFound.home': 'Retour à l’accueil',

  'shell.home': 'Accueil Relais',
  'shell.signedInAs': 'Connecté : {name}',
  'shell.role.admin': 'Administrateur',
  'shell.role.editor': 'Rédacteur',
  'shell.language': 'Langue',
  'shell.language.fr': 'Français',
  'shell.language.en': 'English',
  'shell.theme.dark': 'Thème sombre',
  'shell.signOut': 'Se déconnecter',

  'auth.title': 'Connexion',
  'auth.intro': 'Connectez-vous avec votre adresse professionnelle.',
  'auth.email': 'Adresse e-mail',
  'auth.password': 'Mot de passe',
  'auth.submit': 'Se connecter',
  'auth.restoring': 'Reprise de la session…',
  'auth.restart': 'Revenir à la connexion',
  'auth.totp.label': 'Code de vérification',
  'auth.totp.hint':
    'Les 6 chiffres affichés par votre application d’authentification.',
  'auth.totp.required':
    'Ce compte est protégé par un second facteur : saisissez le code de votre application.',
  'auth.totp.invalidFormat': 'Le code compte exactement 6 chiffres.',
  'auth.enrol.title': 'Activer la double authentification',
  'auth.enrol.intro':
    'Un compte administrateur doit avoir un second facteur. Ajoutez ce compte à votre ' +
    'application d’authentification avec la clé ou l’adresse ci-dessous, puis saisissez ' +
    'le code qu’elle affiche.',
  'auth.enrol.secret': 'Clé secrète',
  'auth.enrol.url': 'Adresse otpauth',
  'auth.enrol.submit': 'Valider le code',
  'auth.newPassword.title': 'Choisir un nouveau mot de passe',
  'auth.newPassword.intro':
    'Votre mot de passe est provisoire : choisissez-en un nouveau.',
  'auth.newPassword.new': 'Nouveau mot de passe',
  'auth.newPassword.confirm': 'Confirmer le mot de passe',
  'auth.newPassword.hint': '12 caractères au moins.',
  'auth.newPassword.tooShort':
    'Le mot de passe doit compter 12 caractères au moins.',
  'auth.newPassword.mismatch': 'Les deux mots de passe diffèrent.',
  'auth.newPassword.submit': 'Enregistrer le mot de passe',

  'errors.network':
    'Le serveur ne répond pas. Vérifiez la connexion puis réessayez.',
  'errors.sessionExpired': 'Votre session a expiré : reconnectez-vous.',
  'errors.field': '{field} : {message}',

  'common.copy': 'Copier',
  'common.copied': 'Copié',
  'common.copyWhat': 'Copier : {what}',
  'common.copiedWhat': 'Copié : {what}',
  'common.retry': 'Réessayer',
  'common.empty': 'Non renseigné',
  'common.primary': 'principal',
  'common.yes': 'Oui',
  'common.no': 'Non',

  'pager.label': 'Pages',
  'pager.previous': 'Page précédente',
  'pager.next': 'Page suivante',
  'pager.pageOf': 'Page {page} sur {pages}',

  'home.title': 'Contacts et sociétés',

  'search.label': 'Rechercher un contact ou une société',
  'search.placeholder': 'Nom, prénom, société, e-mail…',
  'search.shortcut': 'Raccourci : / ou Ctrl+K ; tous les raccourcis : ?',
  'search.empty':
    'Tapez un nom, un prénom, une société ou une adresse e-mail : quelques lettres ' +
    'suffisent, sans souci des accents ni de l’orthographe exacte.',
  'search.loading': 'Recherche…',
  'search.noResult': 'Aucun résultat pour « {query} ».',
  'search.countOne':
    '1 résultat. Flèches pour parcourir, Entrée pour ouvrir, Échap pour effacer.',
  'search.countMany':
    '{count} résultats. Flèches pour parcourir, Entrée pour ouvrir, Échap pour effacer.',
  'search.results': 'Résultats de la recherche',
  'search.error': 'La recherche a échoué : {message}',
  'search.type.contact': 'Contact',
  'search.type.company': 'Société',
  'search.match.exact': 'exact',
  'search.match.prefix': 'début de mot',
  'search.match.phonetic': 'phonétique',

  'section.identity': 'Identité',
  'section.reach': 'Coordonnées',
  'section.affiliations': 'Sociétés et fonctions',
  'section.terms': 'Classement',
  'section.preferences': 'Préférences de contact',
  'section.notes': 'Notes',
  'section.provenance': 'Provenance',
  'section.contacts': 'Contacts liés',

  'field.id': 'Identifiant',
  'field.civility': 'Civilité',
  'field.title': 'Titre',
  'field.firstName': 'Prénom',
  'field.lastName': 'Nom',
  'field.birthDate': 'Date de naissance',
  'field.contactType': 'Type de contact',
  'field.preferredChannel': 'Canal préféré',
  'field.origin': 'Origine',
  'field.intermediary': 'Intermédiaire',
  'field.intermediaryId': 'Intermédiaire',
  'field.intermediaryRole': 'Rôle de l’intermédiaire',
  'field.notes': 'Notes',
  'field.doNotContact': 'Ne pas contacter',
  'field.optOut': 'Oppositions',
  'field.emails': 'E-mails',
  'field.phones': 'Téléphones',
  'field.addresses': 'Adresses',
  'field.socialAccounts': 'Réseaux sociaux',
  'field.affiliations': 'Sociétés',
  'field.termIds': 'Classement',
  'field.name': 'Nom',
  'field.legalName': 'Raison sociale',
  'field.companyType': 'Type',
  'field.sector': 'Secteur',
  'field.sectorId': 'Secteur',
  'field.address': 'Adresse',
  'field.street': 'Rue',
  'field.street2': 'Complément d’adresse',
  'field.postalCode': 'Code postal',
  'field.city': 'Ville',
  'field.region': 'Région',
  'field.country': 'Pays',
  'field.phone': 'Téléphone',
  'field.fax': 'Fax',
  'field.email': 'E-mail',
  'field.website': 'Site web',

  'civility.M': 'M.',
  'civility.MME': 'Mme',

  'contactType.press': 'Presse',
  'contactType.public_relations': 'Relations publiques',
  'contactType.institutional': 'Institutionnel',
  'contactType.vip': 'VIP',
  'contactType.decision_maker': 'Décideur',
  'contactType.partner': 'Partenaire',
  'contactType.internal': 'Interne',

  'channel.email': 'E-mail',
  'channel.sms': 'SMS',
  'channel.post': 'Courrier',
  'channel.phone': 'Téléphone',
  'channel.fax': 'Fax',

  'phoneKind.mobile': 'Mobile',
  'phoneKind.office': 'Bureau',
  'phoneKind.home': 'Domicile',
  'phoneKind.fax': 'Fax',
  'phoneKind.other': 'Autre',

  'emailLabel.work': 'Professionnel',
  'emailLabel.home': 'Personnel',
  'emailLabel.other': 'Autre',

  'addressLabel.work': 'Professionnelle',
  'addressLabel.home': 'Personnelle',
  'addressLabel.other': 'Autre',

  'social.twitter': 'X (Twitter)',
  'social.linkedin': 'LinkedIn',
  'social.facebook': 'Facebook',
  'social.instagram': 'Instagram',
  'social.mastodon': 'Mastodon',
  'social.bluesky': 'Bluesky',
  'social.youtube': 'YouTube',
  'social.tiktok': 'TikTok',
  'social.other': 'Autre réseau',

  'termKind.domain': 'Domaines',
  'termKind.sector': 'Secteurs',
  'termKind.category': 'Catégories',
  'termKind.other': 'Autres',

  'affiliation.current': 'actuelle',
  'affiliation.past': 'passée',
  'affiliation.function': 'Fonction',
  'affiliation.department': 'Service',
  'affiliation.period': 'Du {start} au {end}',
  'affiliation.since': 'Depuis le {start}',
  'affiliation.until': 'Jusqu’au {end}',

  'contact.doNotContact':
    'Cette personne ne doit recevoir aucune sollicitation.',
  'contact.phoneRaw': 'saisi : {raw}',
  'contact.optedOut': 'Opposition aux envois par : {channels}.',
  'record.deleted': 'Fiche supprimée le {date}.',
  'record.deactivated':
    'Fiche désactivée le {date} : le flux d’import qui l’alimente ne la porte plus.',
  'contact.intermediaryRole': 'Rôle : {role}',
  'optOut.allowed': 'Accepté',
  'optOut.refused': 'Refusé',

  'company.noContacts':
    'Aucun contact lié : reliez-en un depuis sa fiche, section « Sociétés et fonctions ».',

  'provenance.createdAt': 'Créée le',
  'provenance.updatedAt': 'Modifiée le',
  'provenance.deletedAt': 'Supprimée le',
  'provenance.version': 'Version',
  'provenance.importBatch': 'Lot d’import',
  'provenance.sources': 'Source de chaque champ',
  'provenance.field': 'Champ',
  'provenance.source': 'Source',
  'provenance.at': 'Date',
  'provenance.noSources': 'Aucune source enregistrée.',

  ...duplicatesFr,
  ...importsFr,
  ...adminFr,
  ...targetingFr,
  ...listsFr,
  ...historyFr,
  ...templatesFr,
  ...sendersFr,
  ...cardsFr,
  ...tablesFr,
  ...adminScreensFr,
  ...shortcutsFr,
  ...deletedFr,
} as const satisfies Record<string, string>;

/** A key of the catalogue. */
export type MessageKey = keyof typeof fr;

/** The English catalogue: the same keys, checked by the compiler and a test. */
export const en: Record<MessageKey, string> = {
  'app.name': 'Relais',
  'app.skipToContent': 'Skip to content',
  'app.loading': 'Loading…',
  'app.busy': 'Working…',
  'app.notFound.title': 'Page not found',
  'app.notFound.text':
    'The address "{address}" leads to no page of Relais: it may be ' +
    'incomplete or mistyped.',
  'app.notFound.home': 'Back to the home page',

  'shell.home': 'Relais home',
  'shell.signedInAs': 'Signed in: {name}',
  'shell.role.admin': 'Administrator',
  'shell.role.editor': 'Editor',
  'shell.language': 'Language',
  'shell.language.fr': 'Français',
  'shell.language.en': 'English',
  'shell.theme.dark': 'Dark theme',
  'shell.signOut': 'Sign out',

  'auth.title': 'Sign in',
  'auth.intro': 'Sign in with your work email address.',
  'auth.email': 'Email address',
  'auth.password': 'Password',
  'auth.submit': 'Sign in',
  'auth.restoring': 'Resuming your session…',
  'auth.restart': 'Back to sign-in',
  'auth.totp.label': 'Verification code',
  'auth.totp.hint': 'The 6 digits shown by your authenticator app.',
  'auth.totp.required':
    'This account has a second factor: enter the code from your app.',
  'auth.totp.invalidFormat': 'The code has exactly 6 digits.',
  'auth.enrol.title': 'Set up two-step verification',
  'auth.enrol.intro':
    'An administrator account needs a second factor. Add this account to your ' +
    'authenticator app with the key or the address below, then enter the code it shows.',
  'auth.enrol.secret': 'Secret key',
  'auth.enrol.url': 'otpauth address',
  'auth.enrol.submit': 'Confirm the code',
  'auth.newPassword.title': 'Choose a new password',
  'auth.newPassword.intro': 'Your password is temporary: choose a new one.',
  'auth.newPassword.new': 'New password',
  'auth.newPassword.confirm': 'Confirm the password',
  'auth.newPassword.hint': 'At least 12 characters.',
  'auth.newPassword.tooShort': 'The password needs at least 12 characters.',
  'auth.newPassword.mismatch': 'The two passwords differ.',
  'auth.newPassword.submit': 'Save the password',

  'errors.network':
    'The server does not answer. Check the connection and try again.',
  'errors.sessionExpired': 'Your session has expired: sign in again.',
  'errors.field': '{field}: {message}',

  'common.copy': 'Copy',
  'common.copied': 'Copied',
  'common.copyWhat': 'Copy: {what}',
  'common.copiedWhat': 'Copied: {what}',
  'common.retry': 'Try again',
  'common.empty': 'Not set',
  'common.primary': 'primary',
  'common.yes': 'Yes',
  'common.no': 'No',

  'pager.label': 'Pages',
  'pager.previous': 'Previous page',
  'pager.next': 'Next page',
  'pager.pageOf': 'Page {page} of {pages}',

  'home.title': 'Contacts and companies',

  'search.label': 'Search for a contact or a company',
  'search.placeholder': 'Surname, first name, company, email…',
  'search.shortcut': 'Shortcut: / or Ctrl+K; every shortcut: ?',
  'search.empty':
    'Type a surname, a first name, a company or an email address: a few letters are ' +
    'enough, accents and exact spelling do not matter.',
  'search.loading': 'Searching…',
  'search.noResult': 'No result for “{query}”.',
  'search.countOne':
    '1 result. Arrows to browse, Enter to open, Escape to clear.',
  'search.countMany':
    '{count} results. Arrows to browse, Enter to open, Escape to clear.',
  'search.results': 'Search results',
  'search.error': 'The search failed: {message}',
  'search.type.contact': 'Contact',
  'search.type.company': 'Company',
  'search.match.exact': 'exact',
  'search.match.prefix': 'word start',
  'search.match.phonetic': 'phonetic',

  'section.identity': 'Identity',
  'section.reach': 'Contact details',
  'section.affiliations': 'Companies and functions',
  'section.terms': 'Classification',
  'section.preferences': 'Contact preferences',
  'section.notes': 'Notes',
  'section.provenance': 'Provenance',
  'section.contacts': 'Linked contacts',

  'field.id': 'Identifier',
  'field.civility': 'Civility',
  'field.title': 'Title',
  'field.firstName': 'First name',
  'field.lastName': 'Surname',
  'field.birthDate': 'Birth date',
  'field.contactType': 'Contact type',
  'field.preferredChannel': 'Preferred channel',
  'field.origin': 'Origin',
  'field.intermediary': 'Intermediary',
  'field.intermediaryId': 'Intermediary',
  'field.intermediaryRole': 'Intermediary’s role',
  'field.notes': 'Notes',
  'field.doNotContact': 'Do not contact',
  'field.optOut': 'Opt-outs',
  'field.emails': 'Emails',
  'field.phones': 'Phones',
  'field.addresses': 'Addresses',
  'field.socialAccounts': 'Social accounts',
  'field.affiliations': 'Companies',
  'field.termIds': 'Classification',
  'field.name': 'Name',
  'field.legalName': 'Legal name',
  'field.companyType': 'Type',
  'field.sector': 'Sector',
  'field.sectorId': 'Sector',
  'field.address': 'Address',
  'field.street': 'Street',
  'field.street2': 'Address line 2',
  'field.postalCode': 'Postcode',
  'field.city': 'City',
  'field.region': 'Region',
  'field.country': 'Country',
  'field.phone': 'Phone',
  'field.fax': 'Fax',
  'field.email': 'Email',
  'field.website': 'Website',

  'civility.M': 'Mr',
  'civility.MME': 'Ms',

  'contactType.press': 'Press',
  'contactType.public_relations': 'Public relations',
  'contactType.institutional': 'Institutional',
  'contactType.vip': 'VIP',
  'contactType.decision_maker': 'Decision-maker',
  'contactType.partner': 'Partner',
  'contactType.internal': 'Internal',

  'channel.email': 'Email',
  'channel.sms': 'SMS',
  'channel.post': 'Post',
  'channel.phone': 'Phone',
  'channel.fax': 'Fax',

  'phoneKind.mobile': 'Mobile',
  'phoneKind.office': 'Office',
  'phoneKind.home': 'Home',
  'phoneKind.fax': 'Fax',
  'phoneKind.other': 'Other',

  'emailLabel.work': 'Work',
  'emailLabel.home': 'Personal',
  'emailLabel.other': 'Other',

  'addressLabel.work': 'Work',
  'addressLabel.home': 'Home',
  'addressLabel.other': 'Other',

  'social.twitter': 'X (Twitter)',
  'social.linkedin': 'LinkedIn',
  'social.facebook': 'Facebook',
  'social.instagram': 'Instagram',
  'social.mastodon': 'Mastodon',
  'social.bluesky': 'Bluesky',
  'social.youtube': 'YouTube',
  'social.tiktok': 'TikTok',
  'social.other': 'Other network',

  'termKind.domain': 'Domains',
  'termKind.sector': 'Sectors',
  'termKind.category': 'Categories',
  'termKind.other': 'Other',

  'affiliation.current': 'current',
  'affiliation.past': 'past',
  'affiliation.function': 'Function',
  'affiliation.department': 'Department',
  'affiliation.period': 'From {start} to {end}',
  'affiliation.since': 'Since {start}',
  'affiliation.until': 'Until {end}',

  'contact.doNotContact': 'This person must not receive any solicitation.',
  'contact.phoneRaw': 'as entered: {raw}',
  'contact.optedOut': 'Opted out of sends by: {channels}.',
  'record.deleted': 'Record deleted on {date}.',
  'record.deactivated':
    'Record deactivated on {date}: the import feed that supplies it no longer carries it.',
  'contact.intermediaryRole': 'Role: {role}',
  'optOut.allowed': 'Allowed',
  'optOut.refused': 'Refused',

  'company.noContacts':
    'No linked contact: link one from their record, “Companies and functions” section.',

  'provenance.createdAt': 'Created',
  'provenance.updatedAt': 'Updated',
  'provenance.deletedAt': 'Deleted',
  'provenance.version': 'Version',
  'provenance.importBatch': 'Import batch',
  'provenance.sources': 'Source of each field',
  'provenance.field': 'Field',
  'provenance.source': 'Source',
  'provenance.at': 'Date',
  'provenance.noSources': 'No source recorded.',

  ...duplicatesEn,
  ...importsEn,
  ...adminEn,
  ...targetingEn,
  ...listsEn,
  ...historyEn,
  ...templatesEn,
  ...sendersEn,
  ...cardsEn,
  ...tablesEn,
  ...adminScreensEn,
  ...shortcutsEn,
  ...deletedEn,
};

/** The languages the portal speaks. */
export type Locale = 'fr' | 'en';

export const catalogues: Record<Locale, Record<MessageKey, string>> = {
  fr,
  en,
};
