// My requests: the requests of the user's business unit (staff: all), filtered by status.
import { initPage, api, t, el, fmtDateTime, statusBadge, statusLabel, showError, param } from './common.js';

const STATUSES = [
  'SUBMITTED',
  'IN_PRIVACY_REVIEW',
  'IN_PLATFORM_REVIEW',
  'CHANGES_REQUESTED',
  'REJECTED',
  'PROVISIONING',
  'PROVISIONING_FAILED',
  'PROVISIONING_ABORTED',
  'PROVISIONED',
  'WITHDRAWN',
];

const { me } = await initPage({ titleKey: 'requests.title' });
const requester = me.roles.includes('requester');
if (!requester) {
  document.getElementById('heading').textContent = t('nav.requests');
  document.title = `${t('nav.requests')} – ${t('app.name')}`;
}
document.getElementById('new-request').hidden = !requester;

const filter = document.getElementById('status-filter');
filter.append(
  el('option', { value: '', text: t('requests.filter.all') }),
  ...STATUSES.map((s) => el('option', { value: s, text: statusLabel(s) })),
);
filter.value = STATUSES.includes(param('status')) ? param('status') : '';
filter.addEventListener('change', () => {
  const url = new URL(location.href);
  if (filter.value) url.searchParams.set('status', filter.value);
  else url.searchParams.delete('status');
  history.replaceState(null, '', url);
  load();
});

async function load() {
  const list = document.getElementById('list');
  const messages = document.getElementById('messages');
  messages.replaceChildren();
  try {
    const query = new URLSearchParams({ mine: 'true' });
    if (filter.value) query.set('status', filter.value);
    const rows = await api(`/requests?${query}`);
    if (!rows.length) {
      list.replaceChildren(el('p', { class: 'muted', text: t('requests.empty') }));
      return;
    }
    const col = (key, cls) => el('th', { scope: 'col', class: cls, text: t(key) });
    list.replaceChildren(
      el(
        'table',
        { id: 'requests-table' },
        el('caption', { class: 'visually-hidden', text: document.getElementById('heading').textContent }),
        el(
          'thead',
          {},
          el(
            'tr',
            {},
            col('requests.col.id', 'num'),
            col('requests.col.title'),
            col('requests.col.dataset'),
            col('requests.col.businessUnit'),
            col('requests.col.status'),
            col('requests.col.requester'),
            col('requests.col.updated'),
          ),
        ),
        el(
          'tbody',
          {},
          ...rows.map((r) =>
            el(
              'tr',
              { 'data-id': r.id },
              el('td', { class: 'num', text: r.id }),
              el('th', { scope: 'row' }, el('a', { href: `request.html?id=${r.id}`, text: r.title })),
              el('td', {}, el('code', { text: r.dataset })),
              el('td', { text: r.businessUnit }),
              el('td', {}, statusBadge(r.status)),
              el('td', { text: r.requester }),
              el('td', { text: fmtDateTime(r.updatedAt) }),
            ),
          ),
        ),
      ),
    );
  } catch (e) {
    showError(messages, e);
  }
}

await load();
