/// <reference types="mocha" />
import { expect } from 'chai';
import { setupDom } from '../../test/dom.ts';
import { fakeApi } from '../../test/fakeApi.ts';

type Modules = {
  ColumnTable: typeof import('./ColumnTable.tsx').ColumnTable;
  choiceKey: typeof import('./ColumnTable.tsx').choiceKey;
  TestProviders: typeof import('../../test/TestProviders.tsx').TestProviders;
  createApiClient: typeof import('../../api.ts').createApiClient;
};

const column = (index: number, header: string, key: string | null) => ({
  index,
  header,
  suggested: key,
  key,
});

describe('ColumnTable', () => {
  const dom = setupDom();
  let m: Modules;

  before(async () => {
    const [table, providers, api] = await Promise.all([
      import('./ColumnTable.tsx'),
      import('../../test/TestProviders.tsx'),
      import('../../api.ts'),
    ]);
    m = {
      ColumnTable: table.ColumnTable,
      choiceKey: table.choiceKey,
      TestProviders: providers.TestProviders,
      createApiClient: api.createApiClient,
    };
  });

  it('keys a repeated or untitled column by its position, another by its header', () => {
    const columns = [
      column(0, 'Prénom', 'firstName'),
      column(1, 'Nom', 'lastName'),
      column(2, ' Nom ', null),
      column(3, '', null),
    ];
    expect(columns.map((one) => m.choiceKey(columns, one))).to.deep.equal([
      'Prénom',
      '#2',
      '#3',
      '#4',
    ]);
  });

  it('lets two columns of one name take different fields', async () => {
    const chosen: [string, string | null][] = [];
    const { fetch } = fakeApi({});
    const view = dom.render(
      <m.TestProviders client={m.createApiClient({ fetch })}>
        <m.ColumnTable
          mapping={{
            columns: [
              column(0, 'Nom', 'lastName'),
              column(1, 'E-mail', 'email'),
              column(2, 'Nom', null),
            ],
          }}
          choices={{}}
          onChoose={(key, value) => chosen.push([key, value])}
        />
      </m.TestProviders>,
    );
    const selects = view.getAllByRole('combobox') as HTMLSelectElement[];
    expect(selects).to.have.length(3);
    expect(selects.every((select) => !select.disabled)).to.equal(true);

    dom.fireEvent.change(selects[2] as HTMLSelectElement, {
      target: { value: 'function' },
    });
    expect(chosen).to.deep.equal([['#3', 'function']]);
  });
});
