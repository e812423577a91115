// task.html?id=: one review (or provisioning-failure) task with its request, masking, routing
// decision, history and the decision form with the actions the server allows (allowedActions).
// Refusals (400/403/409) are explained in words from their codes.
import { initPage, t, api, fmtDateTime, statusLabel, el, showError, tOr } from './common.js';
import { columnsTable, facts, historyTable, requestFacts, taskName } from './views.js';

const { me } = await initPage({ titleKey: 'task.title' });
const errors = document.getElementById('task-error');
const body = document.getElementById('task-body');
const heading = document.getElementById('task-title');
const taskId = new URLSearchParams(location.search).get('id');

// How each decision the server may allow looks; which of them are shown comes from allowedActions.
const OUTCOMES = [
  { outcome: 'APPROVE', key: 'task.decision.approve', cls: 'primary' },
  { outcome: 'REQUEST_CHANGES', key: 'task.decision.requestChanges', cls: 'secondary', comment: true },
  { outcome: 'REJECT', key: 'task.decision.reject', cls: 'danger', comment: true },
  { outcome: 'RETRY', key: 'task.decision.retry', cls: 'primary' },
  { outcome: 'ABORT', key: 'task.decision.abort', cls: 'danger', comment: true },
];
/** {user} and {request} of the explained refusals on this page. */
let context = { user: me.username };

if (!taskId) {
  showError(errors, { status: 404, body: { code: 'TASK_NOT_FOUND', error: 'no task id' } });
} else {
  await load();
}

async function load() {
  let task;
  let request;
  try {
    task = await api('/tasks/' + encodeURIComponent(taskId));
    request = await api('/requests/' + encodeURIComponent(task.requestId));
  } catch (e) {
    showError(errors, e, context);
    return;
  }
  context = { user: me.username, request: task.requestId };
  heading.textContent = taskName(task) + ' — ' + t('task.requestNo', { id: request.id }) + ' ' + request.title;
  document.title = taskName(task) + ' #' + request.id + ' — ' + t('app.name');
  body.replaceChildren(
    summary(task, request),
    requestSection(request),
    columnsSection(request),
    routingSection(task),
    decisionSection(task),
    historySection(request),
  );
}

function summary(task, request) {
  const section = el(
    'section',
    { class: 'task-summary', 'aria-labelledby': 'summary-h' },
    el('h2', { id: 'summary-h', text: t('task.summary') }),
    facts([
      [
        'task.field.status',
        el('span', {
          class: 'status status-' + request.status,
          id: 'request-status',
          text: statusLabel(request.status),
        }),
      ],
      ['task.field.created', task.created ? fmtDateTime(task.created) : ''],
      [
        'task.field.due',
        el(
          'span',
          { id: 'task-due' },
          task.due ? el('time', { datetime: task.due, text: fmtDateTime(task.due) }) : '—',
          task.overdue ? el('span', { class: 'badge badge-overdue', text: ' ⚠ ' + t('inbox.overdue') }) : null,
        ),
      ],
      ['task.field.assignee', task.assignee || t('inbox.assignee.none')],
    ]),
    task.problem
      ? el(
          'div',
          { class: 'alert info', role: 'note' },
          el('strong', { text: t('task.problem') + ' ' }),
          el('span', { lang: 'en', text: task.problem }),
        )
      : null,
    claimControls(task),
  );
  return section;
}

function claimControls(task) {
  const allowed = task.allowedActions || [];
  if (allowed.includes('CLAIM')) {
    return el(
      'button',
      { type: 'button', class: 'claim', id: 'claim-button', onclick: () => claim('POST') },
      t('inbox.claim'),
    );
  }
  if (allowed.includes('UNCLAIM')) {
    return el(
      'button',
      { type: 'button', class: 'secondary', id: 'unclaim-button', onclick: () => claim('DELETE') },
      t('inbox.unclaim'),
    );
  }
  return task.assignee && task.assignee !== me.username
    ? el('p', { text: t('task.claimedBy', { user: task.assignee }) })
    : null;
}

async function claim(method) {
  try {
    await api('/tasks/' + encodeURIComponent(taskId) + '/claim', { method });
  } catch (e) {
    showError(errors, e, context);
    return;
  }
  errors.replaceChildren();
  await load();
}

function requestSection(r) {
  return el(
    'section',
    { 'aria-labelledby': 'request-h' },
    el('h2', { id: 'request-h', text: t('task.request') }),
    requestFacts(r),
    el('p', {}, el('a', { href: 'request.html?id=' + encodeURIComponent(r.id), text: t('task.openRequest') })),
  );
}

function columnsSection(r) {
  const piiCount = r.columns.filter((c) => c.pii !== 'NONE').length;
  return el(
    'section',
    { 'aria-labelledby': 'columns-h' },
    el('h2', { id: 'columns-h', text: t('columns.title') }),
    el('p', { id: 'pii-summary', text: t('task.piiSummary', { pii: piiCount, total: r.columns.length }) }),
    columnsTable(r.columns),
  );
}

function routingSection(task) {
  const section = el(
    'section',
    { 'aria-labelledby': 'routing-h', id: 'routing' },
    el('h2', { id: 'routing-h', text: t('task.routing') }),
  );
  const routing = task.routing;
  if (!routing) {
    section.append(el('p', { text: t('task.routing.none') }));
    return section;
  }
  const reviews = routing.reviews.map((k) => tOr('task.name.' + k, k)).join(t('task.routing.and'));
  section.append(
    el('p', { id: 'routing-reviews' }, el('strong', { text: t('task.routing.chose') + ' ' }), reviews),
    el(
      'p',
      { id: 'routing-reason' },
      el('strong', { text: t('task.routing.because') + ' ' }),
      tOr('task.routing.rule.' + routing.ruleId, routing.reason || routing.ruleId || '—'),
    ),
    el(
      'details',
      {},
      el('summary', { text: t('task.routing.inputs') }),
      el(
        'table',
        { class: 'data-table' },
        el(
          'thead',
          {},
          el(
            'tr',
            {},
            el('th', { scope: 'col', text: t('task.routing.input') }),
            el('th', { scope: 'col', text: t('task.routing.value') }),
          ),
        ),
        el(
          'tbody',
          {},
          routing.inputs.map((i) =>
            el(
              'tr',
              {},
              el('th', { scope: 'row', text: tOr('task.routing.input.' + i.id, i.label || i.id) }),
              el('td', { text: i.value === null || i.value === undefined ? '—' : String(i.value) }),
            ),
          ),
        ),
      ),
      el('p', {
        class: 'muted',
        text:
          t('task.routing.rule', { rule: routing.ruleId || '—' }) +
          ' · ' +
          (routing.evaluatedAt ? fmtDateTime(routing.evaluatedAt) : ''),
      }),
    ),
  );
  return section;
}

function historySection(r) {
  return el(
    'section',
    { 'aria-labelledby': 'history-h' },
    el('h2', { id: 'history-h', text: t('history.title') }),
    historyTable(r.history),
  );
}

function decisionSection(task) {
  const section = el(
    'section',
    { 'aria-labelledby': 'decision-h', id: 'decision' },
    el('h2', { id: 'decision-h', text: t('task.decision') }),
  );
  const allowed = task.allowedActions || [];
  if (allowed.includes('REVISE')) {
    section.append(
      el(
        'p',
        {},
        el('a', { href: 'request.html?id=' + encodeURIComponent(task.requestId), text: t('task.reviseOnRequestPage') }),
      ),
    );
    return section;
  }
  const outcomes = OUTCOMES.filter((o) => allowed.includes(o.outcome));
  if (!outcomes.length) {
    section.append(
      el('p', {
        text:
          task.assignee && task.assignee !== me.username
            ? t('task.claimedBy', { user: task.assignee })
            : t('task.nothingToDo'),
      }),
    );
    return section;
  }
  const feedback = el('div', { id: 'decision-feedback' });
  const comment = el('textarea', {
    id: 'decision-comment',
    name: 'comment',
    rows: '4',
    maxlength: '2000',
    'aria-describedby': 'decision-comment-hint',
  });
  const buttons = outcomes.map((o) =>
    el(
      'button',
      {
        type: 'submit',
        class: o.cls,
        name: 'outcome',
        value: o.outcome,
        id: 'decide-' + o.outcome.toLowerCase().replace('_', '-'),
      },
      t(o.key),
    ),
  );
  const form = el(
    'form',
    { id: 'decision-form', novalidate: true },
    el(
      'div',
      { class: 'field' },
      el('label', { for: 'decision-comment', text: t('task.comment') }),
      comment,
      el('p', {
        id: 'decision-comment-hint',
        class: 'hint',
        text: t(allowed.includes('RETRY') ? 'task.commentHint.resolution' : 'task.commentHint.review'),
      }),
    ),
    el('div', { class: 'button-row' }, buttons),
    feedback,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const chosen = outcomes.find((o) => o.outcome === (event.submitter && event.submitter.value));
    if (!chosen) {
      return;
    }
    const text = comment.value.trim();
    if (chosen.comment && !text) {
      comment.setAttribute('aria-invalid', 'true');
      feedback.replaceChildren(
        el(
          'div',
          { class: 'alert error', role: 'alert' },
          el('p', { text: t('task.commentRequired', { decision: t(chosen.key) }) }),
        ),
      );
      comment.focus();
      return;
    }
    comment.removeAttribute('aria-invalid');
    buttons.forEach((b) => {
      b.disabled = true;
    });
    try {
      const result = await api('/tasks/' + encodeURIComponent(task.id) + '/decision', {
        method: 'POST',
        body: { outcome: chosen.outcome, comment: text || null },
      });
      form.replaceChildren(
        el(
          'div',
          { class: 'alert ok', role: 'status', id: 'decision-done' },
          el('p', { text: t('task.decided', { decision: t(chosen.key), status: statusLabel(result.status) }) }),
          el('p', {}, el('a', { href: 'inbox.html', text: t('task.backToInbox') })),
        ),
      );
      const status = document.getElementById('request-status');
      if (status) {
        status.textContent = statusLabel(result.status);
      }
    } catch (e) {
      buttons.forEach((b) => {
        b.disabled = false;
      });
      showError(feedback, e, context);
    }
  });
  section.append(form);
  return section;
}
