import {
  Sequelize,
  Utils,
  type FindOptions,
  type Model,
  type ModelStatic,
} from 'sequelize';
import { connectionOptions } from '../platform/db/database.ts';
import { defineModels, type Models } from '../platform/db/models.ts';

/**
 * The statement a `findAll(options)` of the model `pick` names would send
 * to SQL Server. No server is reachable here: it is only generated, never
 * connected, and its text checked.
 */
export function tsqlSelect(
  pick: (models: Models) => ModelStatic<Model>,
  options: Omit<FindOptions, 'attributes'>,
): string {
  const sequelize = new Sequelize(
    connectionOptions('mssql://relais@127.0.0.1:1/relais'),
  );
  const model = pick(defineModels(sequelize));
  const generator = sequelize.getQueryInterface().queryGenerator as {
    selectQuery: (table: string, options: object, model: unknown) => string;
  };

  // What findAll does before generating: attribute names to columns.
  return generator.selectQuery(
    model.getTableName() as string,
    Utils.mapOptionFieldNames(
      options as Parameters<typeof Utils.mapOptionFieldNames>[0],
      model,
    ),
    model,
  );
}
