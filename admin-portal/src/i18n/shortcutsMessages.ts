/**
 * Messages of the keyboard shortcuts help (« ? »), French first; merged
 * into the catalogue by `messages.ts`. Key names (Ctrl, Maj, Entrée…) are
 * those printed on French keyboards.
 */
export const shortcutsFr = {
  'shortcuts.open': 'Raccourcis',
  'shortcuts.title': 'Raccourcis clavier',
  'shortcuts.intro':
    'Sur Mac, ⌘ remplace Ctrl. Les touches seules ne jouent pas pendant la ' +
    'saisie dans un champ.',
  'shortcuts.close': 'Fermer',
  'shortcuts.keys': 'Touches',
  'shortcuts.action': 'Action',
  'shortcuts.or': 'ou',

  'shortcuts.group.everywhere': 'Partout',
  'shortcuts.help': 'Afficher cette aide',
  'shortcuts.search':
    'Aller à la recherche de contacts et de sociétés (depuis un autre écran, ' +
    'ouvre les contacts)',
  'shortcuts.escape': 'Fermer une fenêtre ou une liste déroulante',

  'shortcuts.group.search': 'Recherche',
  'shortcuts.search.browse': 'Parcourir les résultats',
  'shortcuts.search.open': 'Ouvrir le résultat choisi (le premier sinon)',
  'shortcuts.search.clear': 'Effacer la recherche',

  'shortcuts.group.tables': 'Tableaux des contacts et des sociétés',
  'shortcuts.table.move': 'Passer à la ligne suivante ou précédente',
  'shortcuts.table.page': 'Avancer ou reculer d’un écran',
  'shortcuts.table.ends': 'Aller à la première ou à la dernière ligne',
  'shortcuts.table.open': 'Ouvrir la fiche de la ligne',
  'shortcuts.table.tick': 'Cocher ou décocher la ligne',
  'shortcuts.table.range': 'Cocher les lignes depuis la dernière cochée',
  'shortcuts.table.extend': 'Cocher en se déplaçant',
  'shortcuts.table.all': 'Cocher tout le tableau',
  'shortcuts.table.none': 'Tout décocher',

  'shortcuts.group.forms': 'Fiches et formulaires',
  'shortcuts.form.save':
    'Enregistrer : la section d’une fiche en cours de modification, une ' +
    'nouvelle fiche, un modèle d’e-mail, les règles de doublons, un flux',
  'shortcuts.form.cancel': 'Abandonner la modification d’une section de fiche',

  'shortcuts.key.ctrl': 'Ctrl',
  'shortcuts.key.shift': 'Maj',
  'shortcuts.key.enter': 'Entrée',
  'shortcuts.key.escape': 'Échap',
  'shortcuts.key.space': 'Espace',
  'shortcuts.key.pageUp': 'Pg préc.',
  'shortcuts.key.pageDown': 'Pg suiv.',
  'shortcuts.key.home': 'Début',
  'shortcuts.key.end': 'Fin',
  'shortcuts.key.up': 'Flèche haut',
  'shortcuts.key.down': 'Flèche bas',
} as const satisfies Record<string, string>;

export const shortcutsEn: Record<keyof typeof shortcutsFr, string> = {
  'shortcuts.open': 'Shortcuts',
  'shortcuts.title': 'Keyboard shortcuts',
  'shortcuts.intro':
    'On a Mac, ⌘ stands for Ctrl. Single keys do nothing while you type in a ' +
    'field.',
  'shortcuts.close': 'Close',
  'shortcuts.keys': 'Keys',
  'shortcuts.action': 'Action',
  'shortcuts.or': 'or',

  'shortcuts.group.everywhere': 'Everywhere',
  'shortcuts.help': 'Show this help',
  'shortcuts.search':
    'Go to the contact and company search (from another screen, opens the ' +
    'contacts)',
  'shortcuts.escape': 'Close a dialog or a drop-down list',

  'shortcuts.group.search': 'Search',
  'shortcuts.search.browse': 'Move through the results',
  'shortcuts.search.open': 'Open the chosen result (else the first one)',
  'shortcuts.search.clear': 'Clear the search',

  'shortcuts.group.tables': 'Contact and company tables',
  'shortcuts.table.move': 'Go to the next or previous row',
  'shortcuts.table.page': 'Move one screen down or up',
  'shortcuts.table.ends': 'Go to the first or last row',
  'shortcuts.table.open': 'Open the row’s record',
  'shortcuts.table.tick': 'Tick or untick the row',
  'shortcuts.table.range': 'Tick the rows since the last one ticked',
  'shortcuts.table.extend': 'Tick while moving',
  'shortcuts.table.all': 'Tick the whole table',
  'shortcuts.table.none': 'Untick everything',

  'shortcuts.group.forms': 'Records and forms',
  'shortcuts.form.save':
    'Save: the section of a record being edited, a new record, an e-mail ' +
    'template, the duplicate rules, a feed',
  'shortcuts.form.cancel': 'Drop the changes to a record’s section',

  'shortcuts.key.ctrl': 'Ctrl',
  'shortcuts.key.shift': 'Shift',
  'shortcuts.key.enter': 'Enter',
  'shortcuts.key.escape': 'Esc',
  'shortcuts.key.space': 'Space',
  'shortcuts.key.pageUp': 'Page Up',
  'shortcuts.key.pageDown': 'Page Down',
  'shortcuts.key.home': 'Home',
  'shortcuts.key.end': 'End',
  'shortcuts.key.up': 'Up arrow',
  'shortcuts.key.down': 'Down arrow',
};
