// audit.html: the audit trail for auditors and admins: filters, paged table (GET /api/audit),
// chain verification (GET /api/audit/verify) and the Excel export with the same filters (a plain
// link: the session cookie authenticates the GET).
import { initPage, t, api, fmtDateTime, currentLanguage, el, showError, tOr, formParams } from './common.js';

const ACTIONS = [
  'REQUEST_SUBMITTED',
  'REQUEST_REVISED',
  'REQUEST_WITHDRAWN',
  'TASK_CLAIMED',
  'TASK_UNCLAIMED',
  'REVIEW_DECIDED',
  'REVIEW_ESCALATED',
  'STATUS_CHANGED',
  'PROVISIONING_RUN',
  'CATALOG_REGISTERED',
  'CATALOG_EDITED',
  'ACCESS_REFUSED',
  'AUDIT_EXPORTED',
  'AUDIT_RESEALED',
];
const FIELDS = ['from', 'to', 'requestId', 'actor', 'businessUnit', 'action'];
const PAGE_SIZE = 50;

await initPage({ titleKey: 'audit.title' });
const form = document.getElementById('audit-filters');
const exportLink = document.getElementById('audit-export');
const errors = document.getElementById('audit-error');
const status = document.getElementById('audit-status');
const tableHolder = document.getElementById('audit-table');
const prev = document.getElementById('audit-prev');
const next = document.getElementById('audit-next');
const pageLabel = document.getElementById('audit-page');
const chain = document.getElementById('audit-chain');

const actionSelect = form.elements.action;
for (const action of ACTIONS) {
  actionSelect.append(el('option', { value: action, text: tOr('audit.action.' + action, action) }));
}
const initial = new URLSearchParams(location.search);
for (const name of FIELDS) {
  if (initial.has(name)) {
    form.elements[name].value = initial.get(name);
  }
}
let page = Math.max(0, parseInt(initial.get('page') || '0', 10) || 0);

form.addEventListener('submit', (event) => {
  event.preventDefault();
  page = 0;
  show();
});
prev.addEventListener('click', () => {
  if (page > 0) {
    page -= 1;
    show();
  }
});
next.addEventListener('click', () => {
  page += 1;
  show();
});

verify();
await show();

function filters() {
  return formParams(form, FIELDS);
}

async function show() {
  const params = filters();
  // The workbook's headers in the language of the page (a download link cannot set Accept-Language).
  const exportParams = new URLSearchParams(params);
  exportParams.set('lang', currentLanguage());
  exportLink.href = 'api/audit/export.xlsx?' + exportParams;
  const address = new URLSearchParams(params);
  if (page > 0) {
    address.set('page', String(page));
  }
  history.replaceState(null, '', 'audit.html' + (address.toString() ? '?' + address : ''));
  params.set('page', String(page));
  params.set('size', String(PAGE_SIZE));
  let answer;
  try {
    answer = await api('/audit?' + params);
  } catch (e) {
    showError(errors, e);
    tableHolder.replaceChildren();
    return;
  }
  errors.replaceChildren();
  status.textContent = t('audit.count', { count: answer.events.length, page: answer.page + 1 });
  pageLabel.textContent = t('audit.pageNo', { page: answer.page + 1 });
  prev.disabled = answer.page === 0;
  next.disabled = !answer.hasMore;
  tableHolder.replaceChildren(
    answer.events.length === 0
      ? el('p', { class: 'empty', text: t('audit.empty') })
      : el(
          'table',
          { class: 'data-table', id: 'audit-events' },
          el('caption', { class: 'visually-hidden', text: t('audit.title') }),
          el(
            'thead',
            {},
            el(
              'tr',
              {},
              [
                'audit.col.seq',
                'audit.col.at',
                'audit.actor',
                'audit.action',
                'audit.requestId',
                'audit.businessUnit',
                'audit.col.details',
              ].map((k) => el('th', { scope: 'col', text: t(k) })),
            ),
          ),
          el(
            'tbody',
            {},
            answer.events.map((e) =>
              el(
                'tr',
                { 'data-seq': e.seq },
                el('td', { text: e.seq }),
                el('td', {}, el('time', { datetime: e.at, text: fmtDateTime(e.at) })),
                el('td', { text: e.actor }),
                el('td', {}, tOr('audit.action.' + e.action, e.action)),
                el(
                  'td',
                  {},
                  e.requestId ? el('a', { href: 'request.html?id=' + e.requestId, text: '#' + e.requestId }) : '—',
                ),
                el('td', { text: e.businessUnit || '—' }),
                el('td', { class: 'details', text: e.details || '' }),
              ),
            ),
          ),
        ),
  );
}

async function verify() {
  chain.replaceChildren(el('p', { text: t('audit.chain.checking') }));
  try {
    const result = await api('/audit/verify');
    chain.replaceChildren(
      result.ok
        ? el('p', { class: 'chain chain-ok', id: 'chain-ok' }, '✔ ', t('audit.chain.ok', { events: result.events }))
        : el(
            'p',
            { class: 'chain chain-broken', id: 'chain-broken', role: 'alert' },
            '✖ ',
            t('audit.chain.broken', { seq: result.firstBroken }),
            ' ',
            el('q', { lang: 'en', text: result.reason }),
          ),
    );
  } catch (e) {
    showError(chain, e);
  }
}
