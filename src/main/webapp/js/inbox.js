// inbox.html: the caller's tasks (GET /api/tasks) with overdue markers, assignee, and claim or give
// back where the server allows it (allowedActions).
import { initPage, t, api, fmtDateTime, el, showError } from './common.js';
import { taskName } from './views.js';

const { me } = await initPage({ titleKey: 'inbox.title' });
const list = document.getElementById('inbox-list');
const errors = document.getElementById('inbox-error');
const status = document.getElementById('inbox-status');
const pager = document.getElementById('inbox-pager');
const PAGE_SIZE = 50;
let page = 0;

await load();

async function load(message) {
  let tasks;
  try {
    tasks = await api('/tasks?page=' + page + '&size=' + PAGE_SIZE);
  } catch (e) {
    showError(errors, e);
    return;
  }
  errors.replaceChildren();
  status.textContent = message || t('inbox.count', { count: tasks.length });
  list.replaceChildren(tasks.length === 0 ? el('p', { class: 'empty', text: t('inbox.empty') }) : table(tasks));
  pages(tasks.length === PAGE_SIZE);
}

// The inbox answers one page (oldest first); Previous/Next walk through the rest.
function pages(more) {
  const buttons = [];
  if (page > 0) {
    buttons.push(
      el('button', {
        type: 'button',
        id: 'inbox-prev',
        text: t('inbox.prev'),
        onclick: () => {
          page--;
          load();
        },
      }),
    );
  }
  if (more) {
    buttons.push(
      el('button', {
        type: 'button',
        id: 'inbox-next',
        text: t('inbox.next'),
        onclick: () => {
          page++;
          load();
        },
      }),
    );
  }
  pager.replaceChildren(
    ...(buttons.length ? [el('span', { text: t('inbox.page', { page: page + 1 }) }), ...buttons] : []),
  );
}

function table(tasks) {
  const head = [
    'inbox.col.task',
    'inbox.col.request',
    'inbox.col.requester',
    'inbox.col.created',
    'inbox.col.due',
    'inbox.col.assignee',
    'inbox.col.actions',
  ];
  return el(
    'table',
    { class: 'data-table', id: 'inbox-table' },
    el('caption', { class: 'visually-hidden', text: t('inbox.caption') }),
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        head.map((k) => el('th', { scope: 'col', text: t(k) })),
      ),
    ),
    el('tbody', {}, tasks.map(row)),
  );
}

function row(task) {
  const revise = (task.allowedActions || []).includes('REVISE');
  const link = revise
    ? el('a', { href: 'request.html?id=' + encodeURIComponent(task.requestId), text: taskName(task) })
    : el('a', { href: 'task.html?id=' + encodeURIComponent(task.id), class: 'task-link', text: taskName(task) });
  return el(
    'tr',
    { 'data-task-id': task.id, 'data-request-id': task.requestId, class: task.overdue ? 'overdue' : null },
    el(
      'th',
      { scope: 'row' },
      link,
      task.overdue ? el('span', { class: 'badge badge-overdue', text: '⚠ ' + t('inbox.overdue') }) : null,
      task.problem ? el('div', { class: 'problem', text: task.problem }) : null,
    ),
    el(
      'td',
      {},
      el('span', { text: '#' + task.requestId + ' ' }),
      task.title || '',
      el('div', { class: 'muted', text: (task.businessUnit || '') + ' / ' + (task.dataset || '') }),
    ),
    el('td', { text: task.requester || '—' }),
    el('td', {}, el('time', { datetime: task.created, text: task.created ? fmtDateTime(task.created) : '—' })),
    el(
      'td',
      {},
      task.due ? el('time', { datetime: task.due, text: fmtDateTime(task.due) }) : '—',
      task.overdue ? el('div', { class: 'overdue-text', text: t('inbox.overdueSince') }) : null,
    ),
    el('td', {
      class: 'assignee',
      text: task.assignee
        ? task.assignee === me.username
          ? t('inbox.assignee.you', { user: task.assignee })
          : task.assignee
        : t('inbox.assignee.none'),
    }),
    el('td', {}, actions(task)),
  );
}

function actions(task) {
  const allowed = task.allowedActions || [];
  if (allowed.includes('CLAIM')) {
    return el(
      'button',
      {
        type: 'button',
        class: 'claim',
        'aria-label': t('inbox.claimTask', { task: taskName(task), request: task.requestId }),
        onclick: () =>
          act(
            () => api('/tasks/' + encodeURIComponent(task.id) + '/claim', { method: 'POST' }),
            t('inbox.claimed', { request: task.requestId }),
            task,
          ),
      },
      t('inbox.claim'),
    );
  }
  if (allowed.includes('UNCLAIM')) {
    return el(
      'button',
      {
        type: 'button',
        class: 'secondary unclaim',
        'aria-label': t('inbox.unclaimTask', { task: taskName(task), request: task.requestId }),
        onclick: () =>
          act(
            () => api('/tasks/' + encodeURIComponent(task.id) + '/claim', { method: 'DELETE' }),
            t('inbox.unclaimed', { request: task.requestId }),
            task,
          ),
      },
      t('inbox.unclaim'),
    );
  }
  return null;
}

async function act(call, message, task) {
  try {
    await call();
  } catch (e) {
    showError(errors, e, { user: me.username, request: task.requestId });
    return;
  }
  await load(message);
}
