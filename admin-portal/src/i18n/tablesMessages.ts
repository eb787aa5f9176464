/**
 * Messages of the contacts and companies tables (selection, columns,
 * filters, actions on many contacts), French first; merged into the
 * catalogue by `messages.ts`.
 */
export const tablesFr = {
  'table.nav.contacts': 'Contacts',
  'table.nav.companies': 'Sociétés',

  'table.contacts.title': 'Contacts',
  'table.contacts.label': 'Tableau des contacts',
  'table.contacts.count': '{count} contacts',
  'table.contacts.count.one': '1 contact',
  'table.companies.title': 'Sociétés',
  'table.companies.label': 'Tableau des sociétés',
  'table.companies.count': '{count} sociétés',
  'table.companies.count.one': '1 société',
  'table.keys':
    'Flèches pour se déplacer, Espace pour sélectionner, Maj+Espace pour une ' +
    'suite de lignes, Entrée pour ouvrir la fiche.',
  'table.companies.keys':
    'Flèches pour se déplacer, Entrée pour ouvrir la fiche.',
  'table.loadingRow': 'Chargement…',
  'table.error': 'Les lignes n’ont pas pu être chargées : {message}',

  'table.filter.contacts': 'Filtrer les contacts',
  'table.filter.companies': 'Filtrer les sociétés',
  'table.filter.placeholder': 'Nom, société, ville, e-mail, téléphone…',
  'table.filter.hint':
    'Chaque mot tapé commence un mot de la fiche ; accents et majuscules ignorés.',
  'table.filters': 'Filtres',
  'table.filters.count': 'Filtres ({count})',
  'table.filters.title': 'Filtres des contacts',
  'table.filters.contactType': 'Type de contact',
  'table.filters.terms': 'Domaines, secteurs et catégories',
  'table.filters.email': 'Adresse e-mail',
  'table.filters.email.any': 'Avec ou sans',
  'table.filters.email.yes': 'Avec une adresse e-mail',
  'table.filters.email.no': 'Sans adresse e-mail',
  'table.filters.departments': 'Départements',
  'table.filters.clear': 'Effacer les filtres',

  'table.columns': 'Colonnes',
  'table.columns.label': 'Colonnes affichées',
  'table.column.name': 'Nom',
  'table.column.organisation': 'Société',
  'table.column.function': 'Fonction',
  'table.column.type': 'Type',
  'table.column.email': 'E-mail',
  'table.column.phone': 'Téléphone',
  'table.column.city': 'Ville',
  'table.column.postalCode': 'Code postal',
  'table.column.updated': 'Mis à jour',
  'table.column.contacts': 'Contacts liés',
  'table.card.contacts': 'Contacts liés : {count}',
  'table.sort': 'Trier par',
  'table.sortBy': 'Trier par {column}',
  'table.sort.ascending': '{column}, ordre croissant',
  'table.sort.descending': '{column}, ordre décroissant',

  'table.select': 'Sélectionner {name}',
  'table.select.everything': 'Sélectionner tous les contacts correspondants',
  'table.selection': 'Sélection',
  'table.selected': '{count|sélectionné|sélectionnés}',
  'table.selected.all':
    'Les {count} contacts correspondants sont sélectionnés.',
  'table.selectAllMatching': 'Sélectionner les {count} contacts correspondants',
  'table.clearSelection': 'Tout désélectionner',
  'table.selection.tooLarge':
    'Une action porte sur 100 000 contacts au plus : affinez les filtres.',

  'table.addToList': 'Ajouter à une liste',
  'table.addToList.title': 'Ajouter {count|contact|contacts} à une liste',
  'table.addToList.list': 'Liste',
  'table.addToList.choose': 'Choisissez une liste',
  'table.addToList.mine': 'Mes listes',
  'table.addToList.others': 'Listes de mes collègues',
  'table.addToList.none':
    'Aucune liste de contacts : créez-en une dans « Listes », puis revenez ici.',
  'table.addToList.owned':
    'Cette liste appartient à {owner} : vos ajouts lui seront proposés et ' +
    'attendront sa décision.',
  'table.addToList.add': 'Ajouter {count|contact|contacts}',
  'table.addToList.propose': 'Proposer {count|ajout|ajouts}',
  'table.close': 'Fermer',

  'table.export.what': 'la sélection ({count} contacts)',

  'table.delete': 'Supprimer',
  'table.delete.title': 'Supprimer {count|contact|contacts} ?',
  'table.delete.text':
    'Ils quittent la recherche, les listes et les envois. Vous pourrez annuler ' +
    'pendant 10 minutes ; ensuite, seul un administrateur pourra les restaurer.',
  'table.delete.confirm': 'Supprimer',
  'table.delete.keep': 'Ne rien supprimer',
  'table.deleted': '{count|contact supprimé|contacts supprimés}.',
  'table.undo': 'Annuler',
  'table.undone': '{count|contact restauré|contacts restaurés}.',
  'table.delete.failed': 'La suppression a échoué : {message}',
  'table.undo.failed': 'L’annulation a échoué : {message}',
  'table.toast.close': 'Fermer le message',

  'table.empty.title': 'Aucun contact pour l’instant',
  'table.empty.admin':
    'Importez un fichier de contacts depuis « Imports » (Excel, CSV ou vCard) : ' +
    'ils apparaîtront ici.',
  'table.empty.editor':
    'Un administrateur importe les contacts depuis « Imports » : ils ' +
    'apparaîtront ici.',
  'table.empty.companies.title': 'Aucune société pour l’instant',
  'table.empty.companies':
    'Les sociétés viennent avec les contacts importés ou saisis : elles ' +
    'apparaîtront ici.',
  'table.noMatch.title': 'Aucun contact ne correspond',
  'table.noMatch.companies.title': 'Aucune société ne correspond',
  'table.noMatch.text':
    'Raccourcissez les mots du filtre ou effacez les filtres pour tout revoir.',
} as const;

export const tablesEn: Record<keyof typeof tablesFr, string> = {
  'table.nav.contacts': 'Contacts',
  'table.nav.companies': 'Companies',

  'table.contacts.title': 'Contacts',
  'table.contacts.label': 'Table of contacts',
  'table.contacts.count': '{count} contacts',
  'table.contacts.count.one': '1 contact',
  'table.companies.title': 'Companies',
  'table.companies.label': 'Table of companies',
  'table.companies.count': '{count} companies',
  'table.companies.count.one': '1 company',
  'table.keys':
    'Arrows to move, Space to select, Shift+Space for a run of rows, Enter ' +
    'to open the record.',
  'table.companies.keys': 'Arrows to move, Enter to open the record.',
  'table.loadingRow': 'Loading…',
  'table.error': 'The rows could not be loaded: {message}',

  'table.filter.contacts': 'Filter the contacts',
  'table.filter.companies': 'Filter the companies',
  'table.filter.placeholder': 'Name, company, town, email, phone…',
  'table.filter.hint':
    'Each word typed begins a word of the record; accents and capitals ignored.',
  'table.filters': 'Filters',
  'table.filters.count': 'Filters ({count})',
  'table.filters.title': 'Contact filters',
  'table.filters.contactType': 'Contact type',
  'table.filters.terms': 'Domains, sectors and categories',
  'table.filters.email': 'Email address',
  'table.filters.email.any': 'With or without',
  'table.filters.email.yes': 'With an email address',
  'table.filters.email.no': 'Without an email address',
  'table.filters.departments': 'French departments',
  'table.filters.clear': 'Clear the filters',

  'table.columns': 'Columns',
  'table.columns.label': 'Columns shown',
  'table.column.name': 'Name',
  'table.column.organisation': 'Company',
  'table.column.function': 'Function',
  'table.column.type': 'Type',
  'table.column.email': 'Email',
  'table.column.phone': 'Phone',
  'table.column.city': 'Town',
  'table.column.postalCode': 'Postal code',
  'table.column.updated': 'Updated',
  'table.column.contacts': 'Linked contacts',
  'table.card.contacts': 'Linked contacts: {count}',
  'table.sort': 'Sort by',
  'table.sortBy': 'Sort by {column}',
  'table.sort.ascending': '{column}, ascending',
  'table.sort.descending': '{column}, descending',

  'table.select': 'Select {name}',
  'table.select.everything': 'Select every matching contact',
  'table.selection': 'Selection',
  'table.selected': '{count} selected',
  'table.selected.all': 'All {count} matching contacts are selected.',
  'table.selectAllMatching': 'Select all {count} matching contacts',
  'table.clearSelection': 'Clear the selection',
  'table.selection.tooLarge':
    'An action takes 100,000 contacts at most: narrow the filters.',

  'table.addToList': 'Add to a list',
  'table.addToList.title': 'Add {count|contact|contacts} to a list',
  'table.addToList.list': 'List',
  'table.addToList.choose': 'Choose a list',
  'table.addToList.mine': 'My lists',
  'table.addToList.others': 'My colleagues’ lists',
  'table.addToList.none':
    'No list of contacts: create one in “Lists”, then come back here.',
  'table.addToList.owned':
    'This list belongs to {owner}: your additions will be proposed to them ' +
    'and wait for their decision.',
  'table.addToList.add': 'Add {count|contact|contacts}',
  'table.addToList.propose': 'Propose {count|addition|additions}',
  'table.close': 'Close',

  'table.export.what': 'the selection ({count} contacts)',

  'table.delete': 'Delete',
  'table.delete.title': 'Delete {count|contact|contacts}?',
  'table.delete.text':
    'They leave search, lists and sends. You can undo for 10 minutes; after ' +
    'that, only an administrator can restore them.',
  'table.delete.confirm': 'Delete',
  'table.delete.keep': 'Delete nothing',
  'table.deleted': '{count|contact|contacts} deleted.',
  'table.undo': 'Undo',
  'table.undone': '{count|contact|contacts} restored.',
  'table.delete.failed': 'The deletion failed: {message}',
  'table.undo.failed': 'The undo failed: {message}',
  'table.toast.close': 'Close the message',

  'table.empty.title': 'No contact yet',
  'table.empty.admin':
    'Import a file of contacts from “Imports” (Excel, CSV or vCard): they ' +
    'will show here.',
  'table.empty.editor':
    'An administrator imports the contacts from “Imports”: they will show here.',
  'table.empty.companies.title': 'No company yet',
  'table.empty.companies':
    'Companies come with the contacts imported or typed in: they will show here.',
  'table.noMatch.title': 'No contact matches',
  'table.noMatch.companies.title': 'No company matches',
  'table.noMatch.text':
    'Shorten the words of the filter, or clear the filters to see everything.',
};
