/// <reference types="mocha" />
import { expect } from 'chai';
import { setupDom } from '../test/dom.ts';

type Modules = {
  submitOnSaveKey: typeof import('./submitOnSaveKey.ts').submitOnSaveKey;
};

describe('submitOnSaveKey', () => {
  const dom = setupDom();
  let m: Modules;

  before(async () => {
    m = await import('./submitOnSaveKey.ts');
  });

  /** A form with one field; counts its submissions. */
  function renderForm(button: 'on' | 'off' | 'none') {
    const submitted: string[] = [];
    const view = dom.render(
      <form
        onKeyDown={m.submitOnSaveKey}
        onSubmit={(event) => {
          event.preventDefault();
          submitted.push('saved');
        }}
      >
        <input aria-label="Nom" />
        {button !== 'none' && (
          <button type="submit" disabled={button === 'off'}>
            Enregistrer
          </button>
        )}
      </form>,
    );

    return { field: view.getByRole('textbox', { name: 'Nom' }), submitted };
  }

  it('submits on Ctrl+S and ⌘S, and keeps the browser from saving the page', () => {
    const { field, submitted } = renderForm('on');

    const ctrl = dom.fireEvent.keyDown(field, { key: 's', ctrlKey: true });
    dom.fireEvent.keyDown(field, { key: 'S', metaKey: true });
    dom.fireEvent.keyDown(field, { key: 's' });

    expect(ctrl, 'default prevented').to.equal(false);
    expect(submitted).to.deep.equal(['saved', 'saved']);
  });

  it('does nothing while the save button is off or absent', () => {
    for (const state of ['off', 'none'] as const) {
      const { field, submitted } = renderForm(state);
      dom.fireEvent.keyDown(field, { key: 's', ctrlKey: true });
      expect(submitted, state).to.deep.equal([]);
      dom.cleanup();
    }
  });
});
