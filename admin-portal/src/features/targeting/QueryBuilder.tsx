import {
  Button,
  Checkbox,
  makeStyles,
  mergeClasses,
  Select,
  tokens,
} from '@fluentui/react-components';
import type { CriterionOperator, TargetEntity } from 'core-api/client';
import { useId } from 'react';
import { useT } from '../../i18n/useT.ts';
import { CriterionRow } from './CriterionRow.tsx';
import { fieldsOf, initialValue, shapeOf } from './fieldCatalogue.ts';
import {
  appendTo,
  newCriterion,
  newGroup,
  removeNode,
  updateNode,
  type DraftCriterion,
  type DraftGroup,
} from './queryDraft.ts';

const useStyles = makeStyles({
  group: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    minWidth: 0,
    margin: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorBrandStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    '@media (max-width: 30rem)': {
      padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXS}`,
    },
  },
  negated: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  legend: {
    padding: `0 ${tokens.spacingHorizontalXS}`,
    fontWeight: tokens.fontWeightSemibold,
  },
  head: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
  },
  op: { minWidth: 0, maxWidth: '100%' },
  items: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
  },
  joiner: {
    margin: `0 0 ${tokens.spacingVerticalXXS}`,
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    textTransform: 'uppercase',
  },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
  },
  empty: { margin: 0, color: tokens.colorNeutralForeground3 },
});

/** A criterion on the catalogue's first field, ready to be changed. */
function firstCriterion(entity: TargetEntity): DraftCriterion {
  const spec = fieldsOf(entity)[0];
  if (!spec) throw new Error(`no field for ${entity}`);
  const operator = spec.operators[0] as CriterionOperator;

  return newCriterion(
    spec.field,
    operator,
    initialValue(shapeOf(spec, operator)),
  );
}

type GroupEditorProps = {
  entity: TargetEntity;
  group: DraftGroup;
  root: DraftGroup;
  /** « Groupe 1.2 »: where the group sits, for its legend. */
  path: string;
  onChange: (root: DraftGroup) => void;
};

function GroupEditor({
  entity,
  group,
  root,
  path,
  onChange,
}: GroupEditorProps) {
  const styles = useStyles();
  const t = useT();
  const isRoot = group.key === root.key;
  const opId = useId();
  const name = isRoot
    ? t('targeting.rootGroup')
    : t('targeting.group', { path });
  const change = (next: Partial<DraftGroup>) =>
    onChange(
      updateNode(
        root,
        group.key,
        (node) => ({ ...node, ...next }) as DraftGroup,
      ),
    );
  const joiner = t(group.op === 'and' ? 'targeting.and' : 'targeting.or');
  let criteria = 0;
  let groups = 0;

  return (
    <fieldset
      className={mergeClasses(styles.group, group.not && styles.negated)}
    >
      <legend className={styles.legend}>{name}</legend>
      <div className={styles.head}>
        <label htmlFor={opId} className={styles.op}>
          {t('targeting.match')}
        </label>
        <Select
          id={opId}
          className={styles.op}
          value={group.op}
          onChange={(_, data) => change({ op: data.value as 'and' | 'or' })}
        >
          <option value="and">{t('targeting.op.and')}</option>
          <option value="or">{t('targeting.op.or')}</option>
        </Select>
        <Checkbox
          label={t('targeting.not')}
          checked={group.not}
          onChange={(_, data) => change({ not: data.checked === true })}
        />
      </div>
      {group.items.length === 0 ? (
        <p className={styles.empty}>{t('targeting.emptyGroup')}</p>
      ) : (
        <ol
          className={styles.items}
          aria-label={t('targeting.itemsOf', { name })}
        >
          {group.items.map((item, index) => {
            const label =
              item.kind === 'group'
                ? `${path}.${++groups}`
                : t('targeting.criterion', { n: ++criteria });

            return (
              <li key={item.key}>
                {index > 0 && (
                  <p className={styles.joiner} aria-hidden="true">
                    {joiner}
                  </p>
                )}
                {item.kind === 'group' ? (
                  <GroupEditor
                    entity={entity}
                    group={item}
                    root={root}
                    path={label}
                    onChange={onChange}
                  />
                ) : (
                  <CriterionRow
                    entity={entity}
                    criterion={item}
                    name={isRoot ? label : `${label} (${name})`}
                    onChange={(next) =>
                      onChange(updateNode(root, item.key, () => next))
                    }
                    onRemove={() => onChange(removeNode(root, item.key))}
                  />
                )}
              </li>
            );
          })}
        </ol>
      )}
      <div className={styles.actions}>
        <Button
          onClick={() =>
            onChange(appendTo(root, group.key, firstCriterion(entity)))
          }
        >
          {t('targeting.addCriterion')}
        </Button>
        <Button
          onClick={() =>
            onChange(
              appendTo(root, group.key, {
                ...newGroup(group.op === 'and' ? 'or' : 'and'),
                items: [firstCriterion(entity)],
              }),
            )
          }
        >
          {t('targeting.addGroup')}
        </Button>
        {!isRoot && (
          <Button
            appearance="subtle"
            onClick={() => onChange(removeNode(root, group.key))}
          >
            {t('targeting.removeGroup', { path })}
          </Button>
        )}
      </div>
    </fieldset>
  );
}

export type QueryBuilderProps = {
  entity: TargetEntity;
  root: DraftGroup;
  onChange: (root: DraftGroup) => void;
};

/**
 * The conditions of a target: groups of criteria combined by ET / OU,
 * negated with SAUF, nested as deep as needed; each new sub-group starts
 * with the other combination, which is what nesting is for.
 */
export function QueryBuilder({ entity, root, onChange }: QueryBuilderProps) {
  return (
    <GroupEditor
      entity={entity}
      group={root}
      root={root}
      path="1"
      onChange={onChange}
    />
  );
}
