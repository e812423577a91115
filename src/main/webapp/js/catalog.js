// catalog.html: search the catalog (GET /api/catalog?q=&businessUnit=&layer=&pii=); the filters
// live in the address so that a search can be bookmarked and the back button works.
import { initPage, t, api, fmtDateTime, el, showError, tOr, formParams } from './common.js';

await initPage({ titleKey: 'catalog.title' });
const form = document.getElementById('catalog-search');
const results = document.getElementById('catalog-results');
const status = document.getElementById('catalog-status');
const errors = document.getElementById('catalog-error');
const FIELDS = ['q', 'businessUnit', 'layer', 'pii'];

const initial = new URLSearchParams(location.search);
for (const name of FIELDS) {
  if (initial.has(name)) {
    form.elements[name].value = initial.get(name);
  }
}
form.addEventListener('submit', (event) => {
  event.preventDefault();
  const params = query();
  history.replaceState(null, '', 'catalog.html' + (params.toString() ? '?' + params : ''));
  search(params);
});
await search(query());

function query() {
  return formParams(form, FIELDS);
}

async function search(params) {
  let hits;
  try {
    hits = await api('/catalog' + (params.toString() ? '?' + params : ''));
  } catch (e) {
    showError(errors, e);
    return;
  }
  errors.replaceChildren();
  status.textContent = t('catalog.count', { count: hits.length });
  results.replaceChildren(
    ...hits.map((hit) =>
      el(
        'li',
        { class: 'result', 'data-key': hit.key },
        el(
          'h2',
          { class: 'result-title' },
          el('a', { href: 'catalog-entry.html?key=' + encodeURIComponent(hit.key), text: hit.title || hit.key }),
        ),
        el('p', { class: 'muted' }, el('code', { text: hit.key })),
        el(
          'ul',
          { class: 'tags', 'aria-label': t('catalog.properties') },
          el('li', { text: t('catalog.businessUnit') + ': ' + hit.businessUnit }),
          el('li', { text: t('catalog.layer') + ': ' + tOr('layer.' + hit.layer, hit.layer) }),
          el('li', { text: t('catalog.owner') + ': ' + (hit.owner || '—') }),
          el('li', {
            class: hit.pii ? 'badge badge-pii' : null,
            text: hit.pii ? t('catalog.pii.true') : t('catalog.pii.false'),
          }),
          el('li', { text: t('catalog.revision', { n: hit.revision }) }),
          hit.updatedAt ? el('li', { text: t('catalog.updated', { at: fmtDateTime(hit.updatedAt) }) }) : null,
        ),
      ),
    ),
  );
  if (hits.length === 0) {
    results.replaceChildren(el('li', { class: 'empty', text: t('catalog.empty') }));
  }
}
