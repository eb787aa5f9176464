/**
 * Messages of the targeting screens (query builder, saved queries), French
 * first; merged into the catalogue by `messages.ts`. Field and operator
 * labels come from the API's catalogue, which carries both languages.
 */
export const targetingFr = {
  'nav.targeting': 'Ciblage',

  'picker.chosen': '{label} : choix faits',
  'picker.remove': 'Retirer',
  'picker.open': 'Afficher les choix : {label}',
  'picker.typeToFilter': 'Tapez pour filtrer…',
  'picker.typeAndEnter': 'Tapez puis Entrée…',
  'picker.noOption': 'Aucune proposition.',
  'picker.pressEnter': 'Entrée pour ajouter « {text} ».',

  'targeting.title': 'Ciblage',
  'targeting.intro':
    'Combinez des critères pour trouver une cible ; le nombre de contacts ' +
    'se met à jour à chaque changement.',
  'targeting.entity': 'Cibler',
  'targeting.entity.contact': 'Des contacts',
  'targeting.entity.company': 'Des sociétés',
  'targeting.conditions': 'Critères',
  'targeting.rootGroup': 'Tous les critères',
  'targeting.group': 'Groupe {path}',
  'targeting.itemsOf': '{name} : critères',
  'targeting.criterion': 'Critère {n}',
  'targeting.match': 'Retenir si',
  'targeting.op.and': 'toutes les conditions sont vraies (ET)',
  'targeting.op.or': 'au moins une condition est vraie (OU)',
  'targeting.and': 'et',
  'targeting.or': 'ou',
  'targeting.not': 'Exclure ce qui correspond (SAUF)',
  'targeting.emptyGroup':
    'Aucun critère : le groupe retient tout le monde. Ajoutez un critère.',
  'targeting.addCriterion': 'Ajouter un critère',
  'targeting.addGroup': 'Ajouter un groupe',
  'targeting.removeGroup': 'Supprimer le groupe {path}',
  'targeting.remove': 'Retirer',
  'targeting.removeCriterion': 'Retirer : {name}',
  'targeting.field': 'Champ',
  'targeting.operator': 'Condition',
  'targeting.value': 'Valeur : {field}',
  'targeting.dateFrom': '{field} : du',
  'targeting.dateTo': '{field} : au',
  'targeting.date.placeholder': 'jj/mm/aaaa',
  'targeting.date.invalid':
    'Saisissez une date jj/mm/aaaa, par exemple 05/03/2026.',
  'targeting.unit.months': 'mois',
  'targeting.unit.days': 'jours',
  'targeting.texts.hint': 'Une valeur par ligne : tapez-la puis Entrée.',
  'targeting.incomplete':
    'Critère incomplet : il n’est pas compté tant que la valeur manque.',
  'targeting.terms.filter': 'Filtrer le classement',
  'targeting.terms.hint':
    '{count|coché|cochés}. Un domaine comprend ses sous-domaines.',
  'targeting.termKind.domain': 'Domaines',
  'targeting.termKind.sector': 'Secteurs',
  'targeting.termKind.category': 'Catégories',
  'targeting.group.identity': 'Identité',
  'targeting.group.classification': 'Classement',
  'targeting.group.organisation': 'Société et fonction',
  'targeting.group.geography': 'Géographie',
  'targeting.group.channels': 'Canaux et coordonnées',
  'targeting.group.dates': 'Dates',
  'targeting.group.lists': 'Listes',

  'targeting.channel': 'Canal de l’envoi',
  'targeting.channel.none': 'Aucun (ne rien écarter)',
  'targeting.channel.hint':
    'Les contacts désinscrits de ce canal ou à ne pas contacter sont écartés.',
  'targeting.count.contact': '{count} contact correspond',
  'targeting.count.contacts': '{count} contacts correspondent',
  'targeting.count.company': '{count} société correspond',
  'targeting.count.companies': '{count} sociétés correspondent',
  'targeting.count.excluded':
    '{excluded} écartés pour le canal {channel} (désinscrits ou à ne pas ' +
    'contacter) : {included} retenus',
  'targeting.counting': 'Comptage…',
  'targeting.use': 'Utiliser cette requête',
  'targeting.thisQuery': 'cette requête',
  'targeting.savedQueryNamed': 'la requête « {name} »',
  'targeting.listName': 'Nom de la liste statique',
  'targeting.createList': 'Créer une liste statique',

  'results.title': 'Résultats',
  'results.frame': 'Tableau des résultats',
  'results.cards': 'Liste des résultats',
  'results.sort': 'Trier par',
  'results.sort.name': 'Nom (A → Z)',
  'results.sort.nameDesc': 'Nom (Z → A)',
  'results.sort.company': 'Société / Organisme',
  'results.sort.city': 'Ville',
  'results.sort.updated': 'Dernière mise à jour',
  'results.name': 'Nom',
  'results.type': 'Type',
  'results.function': 'Fonction',
  'results.organisation': 'Société / Organisme',
  'results.companyName': 'Société',
  'results.email': 'E-mail',
  'results.city': 'Ville',
  'results.none':
    'Aucun résultat pour ces critères : retirez-en un ou élargissez ses valeurs.',

  'savedQueries.title': 'Requêtes enregistrées',
  'savedQueries.whose': 'Requêtes à afficher',
  'savedQueries.all': 'Toutes',
  'savedQueries.mine': 'Les miennes',
  'savedQueries.empty':
    'Aucune requête enregistrée : composez des critères ci-dessous, puis ' +
    'enregistrez-les dans « Utiliser cette requête ».',
  'savedQueries.owner': 'par {name}',
  'savedQueries.updated': 'modifiée le {date}',

  'savedQuery.heading': 'Requête : {name}',
  'savedQuery.notFound':
    'Cette requête enregistrée n’existe pas ou a été supprimée.',
  'savedQuery.newQuery': 'Construire une nouvelle requête',
  'savedQuery.name': 'Nom de la requête',
  'savedQuery.copyName': 'Nom de la copie',
  'savedQuery.save': 'Enregistrer la requête',
  'savedQuery.saveCopy': 'Enregistrer une copie',
  'savedQuery.update': 'Enregistrer les modifications',
  'savedQuery.saved': 'Requête « {name} » enregistrée.',
  'savedQuery.delete': 'Supprimer la requête',
  'savedQuery.deleteConfirm':
    'Supprimer la requête « {name} » ? Les listes créées depuis elle restent.',
  'savedQuery.deleteYes': 'Oui, supprimer',
  'savedQuery.keep': 'Garder',
  'savedQuery.conflict':
    'Quelqu’un a modifié cette requête entre-temps : rechargez la page ' +
    'pour voir sa version, ou enregistrez une copie.',
} as const satisfies Record<string, string>;

/** The English messages of the targeting screens: the same keys. */
export const targetingEn: Record<keyof typeof targetingFr, string> = {
  'nav.targeting': 'Targeting',

  'picker.chosen': '{label}: chosen',
  'picker.remove': 'Remove',
  'picker.open': 'Show the choices: {label}',
  'picker.typeToFilter': 'Type to filter…',
  'picker.typeAndEnter': 'Type, then Enter…',
  'picker.noOption': 'No suggestion.',
  'picker.pressEnter': 'Enter to add “{text}”.',

  'targeting.title': 'Targeting',
  'targeting.intro':
    'Combine criteria to find a target; the number of contacts is updated ' +
    'after each change.',
  'targeting.entity': 'Target',
  'targeting.entity.contact': 'Contacts',
  'targeting.entity.company': 'Companies',
  'targeting.conditions': 'Criteria',
  'targeting.rootGroup': 'All criteria',
  'targeting.group': 'Group {path}',
  'targeting.itemsOf': '{name}: criteria',
  'targeting.criterion': 'Criterion {n}',
  'targeting.match': 'Keep when',
  'targeting.op.and': 'all conditions are true (AND)',
  'targeting.op.or': 'at least one condition is true (OR)',
  'targeting.and': 'and',
  'targeting.or': 'or',
  'targeting.not': 'Exclude what matches (NOT)',
  'targeting.emptyGroup':
    'No criterion: the group keeps everyone. Add a criterion.',
  'targeting.addCriterion': 'Add a criterion',
  'targeting.addGroup': 'Add a group',
  'targeting.removeGroup': 'Delete group {path}',
  'targeting.remove': 'Remove',
  'targeting.removeCriterion': 'Remove: {name}',
  'targeting.field': 'Field',
  'targeting.operator': 'Condition',
  'targeting.value': 'Value: {field}',
  'targeting.dateFrom': '{field}: from',
  'targeting.dateTo': '{field}: to',
  'targeting.date.placeholder': 'dd/mm/yyyy',
  'targeting.date.invalid':
    'Type a date as dd/mm/yyyy, for example 05/03/2026.',
  'targeting.unit.months': 'months',
  'targeting.unit.days': 'days',
  'targeting.texts.hint': 'One value at a time: type it, then Enter.',
  'targeting.incomplete':
    'Incomplete criterion: it is not counted until its value is given.',
  'targeting.terms.filter': 'Filter the classification',
  'targeting.terms.hint': '{count} ticked. A domain includes its sub-domains.',
  'targeting.termKind.domain': 'Domains',
  'targeting.termKind.sector': 'Sectors',
  'targeting.termKind.category': 'Categories',
  'targeting.group.identity': 'Identity',
  'targeting.group.classification': 'Classification',
  'targeting.group.organisation': 'Company and function',
  'targeting.group.geography': 'Geography',
  'targeting.group.channels': 'Channels and details',
  'targeting.group.dates': 'Dates',
  'targeting.group.lists': 'Lists',

  'targeting.channel': 'Channel of the send',
  'targeting.channel.none': 'None (leave nobody out)',
  'targeting.channel.hint':
    'Contacts who opted out of this channel or must not be contacted are left out.',
  'targeting.count.contact': '{count} contact matches',
  'targeting.count.contacts': '{count} contacts match',
  'targeting.count.company': '{count} company matches',
  'targeting.count.companies': '{count} companies match',
  'targeting.count.excluded':
    '{excluded} left out for {channel} (opted out or not to be contacted): ' +
    '{included} kept',
  'targeting.counting': 'Counting…',
  'targeting.use': 'Use this query',
  'targeting.thisQuery': 'this query',
  'targeting.savedQueryNamed': 'the query “{name}”',
  'targeting.listName': 'Name of the static list',
  'targeting.createList': 'Create a static list',

  'results.title': 'Results',
  'results.frame': 'Results table',
  'results.cards': 'Results list',
  'results.sort': 'Sort by',
  'results.sort.name': 'Name (A → Z)',
  'results.sort.nameDesc': 'Name (Z → A)',
  'results.sort.company': 'Company',
  'results.sort.city': 'City',
  'results.sort.updated': 'Last updated',
  'results.name': 'Name',
  'results.type': 'Type',
  'results.function': 'Function',
  'results.organisation': 'Company',
  'results.companyName': 'Company',
  'results.email': 'Email',
  'results.city': 'City',
  'results.none':
    'No result for these criteria: remove one or widen its values.',

  'savedQueries.title': 'Saved queries',
  'savedQueries.whose': 'Queries to show',
  'savedQueries.all': 'All',
  'savedQueries.mine': 'Mine',
  'savedQueries.empty':
    'No saved query: build criteria below, then save them in “Use this query”.',
  'savedQueries.owner': 'by {name}',
  'savedQueries.updated': 'changed {date}',

  'savedQuery.heading': 'Query: {name}',
  'savedQuery.notFound': 'This saved query does not exist or was deleted.',
  'savedQuery.newQuery': 'Build a new query',
  'savedQuery.name': 'Name of the query',
  'savedQuery.copyName': 'Name of the copy',
  'savedQuery.save': 'Save the query',
  'savedQuery.saveCopy': 'Save a copy',
  'savedQuery.update': 'Save the changes',
  'savedQuery.saved': 'Query “{name}” saved.',
  'savedQuery.delete': 'Delete the query',
  'savedQuery.deleteConfirm':
    'Delete the query “{name}”? Lists made from it stay.',
  'savedQuery.deleteYes': 'Yes, delete',
  'savedQuery.keep': 'Keep',
  'savedQuery.conflict':
    'Someone changed this query meanwhile: reload the page to see their ' +
    'version, or save a copy.',
};
