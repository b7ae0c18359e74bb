/* The release editor's "awards announced": chosen awards listed with "Remove", and
   "Add award" opening the award chooser (Wagtail's ModalWorkflow with its chooser onload
   handlers) limited to the clusters ticked in the form, else the release's own cluster.
   The server renders the widget (newsroom/models/announcing.py); this file only adds and
   removes hidden inputs named like the field, so the form posts the list of award pks. */
(function () {
  'use strict';

  function clustersFor(root) {
    const form = root.closest('form');
    const name = root.dataset.clustersField;
    const ticked = form
      ? Array.from(form.querySelectorAll(`input[name="${name}"]:checked`), (input) => input.value)
      : [];
    if (ticked.length) return ticked;
    return (root.dataset.defaultClusters || '').split(',').filter(Boolean);
  }

  function refresh(root) {
    const empty = root.querySelector('[data-awards-chooser-empty]');
    empty.hidden = root.querySelector('[data-awards-chooser-list] [data-award-id]') !== null;
  }

  function addAward(root, award) {
    const list = root.querySelector('[data-awards-chooser-list]');
    const id = String(award.id);
    if (list.querySelector(`[data-award-id="${CSS.escape(id)}"]`)) return;
    const template = root.querySelector('template[data-awards-chooser-item]');
    const item = template.content.firstElementChild.cloneNode(true);
    item.dataset.awardId = id;
    item.querySelector('input[type="hidden"]').value = id;
    item.querySelector('[data-awards-chooser-title]').textContent = award.string || award.title;
    const edit = item.querySelector('[data-awards-chooser-edit]');
    if (award.edit_url) {
      edit.href = award.edit_url;
      edit.hidden = false;
    }
    list.appendChild(item);
    list.dispatchEvent(new Event('change', { bubbles: true }));
  }

  function openChooser(root) {
    const params = { multiple: 1 };
    const clusters = clustersFor(root);
    if (clusters.length) params.cluster = clusters.join(',');
    window.ModalWorkflow({
      url: root.dataset.chooserUrl,
      urlParams: params,
      onload: new window.ChooserModalOnloadHandlerFactory().getOnLoadHandlers(),
      responses: {
        chosen: (result) => {
          [].concat(result).forEach((award) => addAward(root, award));
          refresh(root);
        },
      },
    });
  }

  // Delegated from the document: the widget also works when Wagtail renders a panel later.
  document.addEventListener('click', (event) => {
    const root = event.target.closest('[data-awards-chooser]');
    if (!root) return;
    const remove = event.target.closest('[data-awards-chooser-remove]');
    if (remove) {
      const item = remove.closest('[data-award-id]');
      const list = item.parentElement;
      item.remove();
      list.dispatchEvent(new Event('change', { bubbles: true }));
      refresh(root);
      root.querySelector('[data-awards-chooser-add]').focus();
    } else if (event.target.closest('[data-awards-chooser-add]')) {
      openChooser(root);
    }
  });
})();
