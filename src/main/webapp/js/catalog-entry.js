// catalog-entry.html?key=: one catalog entry (GET /api/catalog/{key}) with its revisions; the
// markdown comes rendered and sanitised by the server (descriptionHtml, gapsHtml). The dataset's
// owner and platform engineers may edit descriptions and known gaps (PUT /api/catalog/{key}).
import { initPage, t, api, fmtDateTime, fmtNumber, el, showError, tOr } from './common.js';
import { facts, methodLabel } from './views.js';

const { me } = await initPage({ titleKey: 'entry.title' });
const key = new URLSearchParams(location.search).get('key');
const errors = document.getElementById('entry-error');
const body = document.getElementById('entry-body');
const heading = document.getElementById('entry-title');

if (!key) {
  showError(errors, { status: 404, body: { code: 'CATALOG_ENTRY_NOT_FOUND', error: 'no catalog key' } });
} else {
  await load();
}

async function load(message) {
  let entry;
  let revisions;
  try {
    [entry, revisions] = await Promise.all([
      api('/catalog/' + encodeURIComponent(key)),
      api('/catalog/' + encodeURIComponent(key) + '/revisions'),
    ]);
  } catch (e) {
    showError(errors, e);
    return;
  }
  errors.replaceChildren();
  heading.textContent = entry.title || entry.key;
  document.title = (entry.title || entry.key) + ' — ' + t('app.name');
  const mayEdit = me.roles.includes('platform-engineer') || me.username === entry.owner;
  body.replaceChildren(
    ...[
      message ? el('div', { class: 'alert ok', role: 'status', text: message }) : null,
      overview(entry),
      markdown('entry.description', 'entry-description', entry.descriptionHtml, 'entry.noDescription'),
      markdown('entry.knownGaps', 'entry-gaps', entry.gapsHtml, 'entry.noGaps'),
      columns(entry),
      revisionList(revisions),
      mayEdit ? editor(entry) : null,
    ].filter(Boolean),
  );
}

function overview(e) {
  const lineage = e.lineage || {};
  const source =
    lineage.sourceKind === 'FILE'
      ? t('entry.lineage.file', { file: lineage.fileName || '' })
      : t('entry.lineage.jdbc', { connection: lineage.connection || '', table: lineage.sourceTable || '' });
  const load = e.lastLoad;
  return el(
    'section',
    { 'aria-labelledby': 'overview-h' },
    el('h2', { id: 'overview-h', text: t('entry.overview') }),
    facts([
      ['entry.key', el('code', { text: e.key })],
      ['entry.owner', e.owner],
      ['entry.businessUnit', e.businessUnit],
      ['entry.layer', tOr('layer.' + e.layer, e.layer)],
      ['entry.lineage', el('span', { id: 'entry-lineage' }, source, ' → ', el('code', { text: lineage.target || '' }))],
      ['entry.refresh', tOr('refresh.' + e.refresh, e.refresh)],
      ['entry.retention', t('request.field.retentionDays', { days: e.retentionDays })],
      [
        'entry.lastLoad',
        load
          ? el('span', {
              id: 'entry-last-load',
              text: t('entry.lastLoadText', {
                rows: fmtNumber(load.rowCount),
                at: load.loadedAt ? fmtDateTime(load.loadedAt) : '—',
              }),
            })
          : t('entry.neverLoaded'),
      ],
      [
        'entry.revision',
        t('entry.revisionText', {
          n: e.revision,
          by: e.revisedBy || '—',
          at: e.revisedAt ? fmtDateTime(e.revisedAt) : '—',
        }),
      ],
    ]),
  );
}

// The server renders markdown with a safe renderer (no raw HTML, no script URLs): inserted as is.
function markdown(titleKey, id, html, emptyKey) {
  const content = el('div', { class: 'markdown', id });
  if (html && html.trim()) {
    content.innerHTML = html;
  } else {
    content.append(el('p', { class: 'muted', text: t(emptyKey) }));
  }
  return el('section', { 'aria-labelledby': id + '-h' }, el('h2', { id: id + '-h', text: t(titleKey) }), content);
}

function columns(e) {
  return el(
    'section',
    { 'aria-labelledby': 'entry-columns-h' },
    el('h2', { id: 'entry-columns-h', text: t('entry.columns') }),
    el(
      'table',
      { class: 'data-table', id: 'entry-columns' },
      el('caption', { class: 'visually-hidden', text: t('entry.columns') }),
      el(
        'thead',
        {},
        el(
          'tr',
          {},
          ['columns.col.name', 'entry.col.type', 'columns.col.description', 'columns.col.pii', 'entry.col.masking'].map(
            (k) => el('th', { scope: 'col', text: t(k) }),
          ),
        ),
      ),
      el(
        'tbody',
        {},
        e.columns.map((c) =>
          el(
            'tr',
            { class: c.loaded ? null : 'not-loaded' },
            el('th', { scope: 'row' }, el('code', { text: c.name })),
            el(
              'td',
              {},
              c.loaded
                ? c.type === c.sourceType
                  ? c.type
                  : c.sourceType + ' → ' + c.type
                : el('span', { text: t('entry.notLoaded') }),
            ),
            el('td', { text: c.description || '—' }),
            el(
              'td',
              {},
              c.pii && c.pii !== 'NONE'
                ? el('span', { class: 'badge badge-pii', text: tOr('pii.' + c.pii, c.pii) })
                : tOr('pii.NONE', 'NONE'),
            ),
            el(
              'td',
              {},
              el('span', { text: methodLabel(c.method) }),
              c.masking ? el('div', { class: 'muted', text: c.masking }) : null,
            ),
          ),
        ),
      ),
    ),
  );
}

function revisionList(revisions) {
  const sorted = [...revisions].sort((a, b) => b.number - a.number);
  return el(
    'section',
    { 'aria-labelledby': 'revisions-h' },
    el('h2', { id: 'revisions-h', text: t('entry.revisions') }),
    el(
      'ol',
      { class: 'revisions', id: 'entry-revisions', reversed: true },
      sorted.map((r) =>
        el(
          'li',
          { 'data-revision': r.number },
          el(
            'p',
            {},
            el('strong', { text: t('entry.revisionNo', { n: r.number }) }),
            ' · ',
            r.author || '—',
            ' · ',
            r.at ? el('time', { datetime: r.at, text: fmtDateTime(r.at) }) : '',
            ' · ',
            r.reason || '',
          ),
          changes(r.changes),
        ),
      ),
    ),
  );
}

function changes(c) {
  if (!c) {
    return null;
  }
  const items = [];
  for (const f of c.fields || []) {
    items.push(
      el(
        'li',
        {},
        t('entry.change.field', { field: f.field }),
        ' ',
        el('del', { text: shorten(f.before) }),
        ' → ',
        el('ins', { text: shorten(f.after) }),
      ),
    );
  }
  for (const name of c.columnsAdded || []) {
    items.push(el('li', { text: t('entry.change.columnAdded', { column: name }) }));
  }
  for (const name of c.columnsRemoved || []) {
    items.push(el('li', { text: t('entry.change.columnRemoved', { column: name }) }));
  }
  for (const col of c.columnsChanged || []) {
    for (const f of col.changes) {
      items.push(
        el(
          'li',
          {},
          t('entry.change.columnField', { column: col.name, field: f.field }),
          ' ',
          el('del', { text: shorten(f.before) }),
          ' → ',
          el('ins', { text: shorten(f.after) }),
        ),
      );
    }
  }
  return items.length ? el('ul', { class: 'changes' }, items) : el('p', { class: 'muted', text: t('entry.noChanges') });
}

function shorten(text) {
  if (text === null || text === undefined || text === '') {
    return '∅';
  }
  return text.length > 120 ? text.slice(0, 117) + '…' : text;
}

function editor(e) {
  const feedback = el('div', { id: 'edit-feedback' });
  const description = el('textarea', { id: 'edit-description', name: 'description', rows: '6' });
  description.value = e.description || '';
  const gaps = el('textarea', { id: 'edit-gaps', name: 'knownGaps', rows: '4' });
  gaps.value = e.knownGaps || '';
  const columnInputs = e.columns.map((c, i) => {
    const input = el('input', { type: 'text', id: 'edit-col-' + i, 'data-column': c.name });
    input.value = c.description || '';
    return el(
      'div',
      { class: 'field' },
      el('label', { for: 'edit-col-' + i }, t('entry.edit.columnDescription', { column: c.name })),
      input,
    );
  });
  const form = el(
    'form',
    { id: 'entry-edit' },
    el(
      'div',
      { class: 'field' },
      el('label', { for: 'edit-description', text: t('entry.edit.description') }),
      description,
      el('p', { class: 'hint', text: t('entry.edit.markdownHint') }),
    ),
    el('div', { class: 'field' }, el('label', { for: 'edit-gaps', text: t('entry.edit.gaps') }), gaps),
    el('fieldset', {}, el('legend', { text: t('entry.edit.columns') }), columnInputs),
    el('button', { type: 'submit', class: 'primary', text: t('entry.edit.save') }),
    feedback,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = {
      description: description.value,
      knownGaps: gaps.value,
      columns: columnInputs
        .map((div) => div.querySelector('input'))
        .map((input) => ({ name: input.dataset.column, description: input.value })),
    };
    try {
      await api('/catalog/' + encodeURIComponent(e.key), { method: 'PUT', body });
    } catch (err) {
      showError(feedback, err);
      return;
    }
    await load(t('entry.edit.saved'));
  });
  return el(
    'section',
    { 'aria-labelledby': 'edit-h' },
    el('details', {}, el('summary', {}, el('h2', { id: 'edit-h', class: 'inline', text: t('entry.edit') })), form),
  );
}
