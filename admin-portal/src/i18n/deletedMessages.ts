/**
 * Messages of the deleted contacts and companies (found, then restored one
 * by one or many at once), French first; merged into the catalogue by
 * `messages.ts`.
 */
export const deletedFr = {
  'deleted.link': 'Supprimés',
  'deleted.title.contact': 'Contacts supprimés',
  'deleted.title.company': 'Sociétés supprimées',
  'deleted.back.contact': 'Tous les contacts',
  'deleted.back.company': 'Toutes les sociétés',
  'deleted.intro':
    'Une fiche supprimée n’apparaît plus dans les recherches, ciblages et ' +
    'listes. Restaurée, elle y revient telle qu’elle était.',
  'deleted.adminOnly':
    'Les fiches supprimées ne sont visibles que des administrateurs, seuls à ' +
    'pouvoir les restaurer.',
  'deleted.filter': 'Rechercher par nom',
  'deleted.count': '{count|fiche supprimée|fiches supprimées}',
  'deleted.when.contact': 'Supprimé le {date} par {who}',
  'deleted.when.contact.unknown': 'Supprimé le {date}',
  'deleted.when.company': 'Supprimée le {date} par {who}',
  'deleted.when.company.unknown': 'Supprimée le {date}',
  'deleted.merged':
    'Fusionné dans un autre contact : annulez la fusion pour le retrouver.',
  'deleted.survivor': 'Voir le contact n° {id}',
  'deleted.selectPage': 'Tout sélectionner sur cette page',
  'deleted.restore': 'Restaurer',
  'deleted.restore.one': 'Restaurer {name}',
  'deleted.restore.selection': 'Restaurer la sélection ({count})',
  'deleted.open': 'Voir la fiche',
  'deleted.open.one': 'Voir la fiche {de:name}',
  'deleted.restored': '{count|fiche restaurée|fiches restaurées}.',
  'deleted.refused':
    '{count|fiche n’a pas pu être restaurée|fiches n’ont pas pu être restaurées} :',
  'deleted.refusedLine': '{name} : {reason}',
  'deleted.unknownRecord': 'Fiche n° {id}',
  'deleted.openRestored': 'Ouvrir {name}',
  'deleted.empty.title.contact': 'Aucun contact supprimé',
  'deleted.empty.title.company': 'Aucune société supprimée',
  'deleted.empty.contact':
    'Un contact supprimé depuis sa fiche ou depuis le tableau des contacts ' +
    'apparaîtra ici : cochez-le puis « Restaurer » pour le faire revenir.',
  'deleted.empty.company':
    'Une société supprimée depuis sa fiche apparaîtra ici : cochez-la puis ' +
    '« Restaurer » pour la faire revenir.',
  'deleted.noMatch.title': 'Aucune fiche supprimée ne correspond à « {name} »',
  'deleted.noMatch.text':
    'Raccourcissez les mots recherchés, ou videz la recherche pour tout voir.',
  'deleted.clear': 'Vider la recherche',
  'deleted.loadFailed':
    'Les fiches supprimées n’ont pas pu être chargées : {message}',
  'deleted.restoreFailed': 'La restauration a échoué : {message}',
};

export const deletedEn: Record<keyof typeof deletedFr, string> = {
  'deleted.link': 'Deleted',
  'deleted.title.contact': 'Deleted contacts',
  'deleted.title.company': 'Deleted companies',
  'deleted.back.contact': 'All contacts',
  'deleted.back.company': 'All companies',
  'deleted.intro':
    'A deleted record no longer shows in searches, targets and lists. ' +
    'Restored, it comes back as it was.',
  'deleted.adminOnly':
    'Only administrators see deleted records, and only they can restore them.',
  'deleted.filter': 'Search by name',
  'deleted.count': '{count|deleted record|deleted records}',
  'deleted.when.contact': 'Deleted on {date} by {who}',
  'deleted.when.contact.unknown': 'Deleted on {date}',
  'deleted.when.company': 'Deleted on {date} by {who}',
  'deleted.when.company.unknown': 'Deleted on {date}',
  'deleted.merged':
    'Merged into another contact: undo the merge to bring it back.',
  'deleted.survivor': 'See contact no. {id}',
  'deleted.selectPage': 'Select all on this page',
  'deleted.restore': 'Restore',
  'deleted.restore.one': 'Restore {name}',
  'deleted.restore.selection': 'Restore the selection ({count})',
  'deleted.open': 'Open the record',
  'deleted.open.one': 'Open the record of {name}',
  'deleted.restored': '{count|record|records} restored.',
  'deleted.refused': '{count|record|records} could not be restored:',
  'deleted.refusedLine': '{name}: {reason}',
  'deleted.unknownRecord': 'Record no. {id}',
  'deleted.openRestored': 'Open {name}',
  'deleted.empty.title.contact': 'No deleted contact',
  'deleted.empty.title.company': 'No deleted company',
  'deleted.empty.contact':
    'A contact deleted from its record or from the contacts table will show ' +
    'here: tick it, then “Restore” to bring it back.',
  'deleted.empty.company':
    'A company deleted from its record will show here: tick it, then ' +
    '“Restore” to bring it back.',
  'deleted.noMatch.title': 'No deleted record matches “{name}”',
  'deleted.noMatch.text':
    'Shorten the words searched for, or clear the search to see everything.',
  'deleted.clear': 'Clear the search',
  'deleted.loadFailed': 'The deleted records could not be loaded: {message}',
  'deleted.restoreFailed': 'Restoring failed: {message}',
};
