// One request: status and timeline, routing, columns with masking, provisioning runs and result,
// history; revise and withdraw where the server allows them (allowedActions), the catalog entry once
// provisioned.
import { initPage, api, t, el, fmtDateTime, fmtNumber, statusBadge, statusLabel, showError, param } from './common.js';
import { columnsTable, historyTable, requestFacts } from './views.js';

const STEPS = ['SUBMITTED', 'IN_PRIVACY_REVIEW', 'IN_PLATFORM_REVIEW', 'PROVISIONING', 'PROVISIONED'];
const RUNNING = ['PROVISIONING'];

await initPage({ titleKey: 'request.title' });
const id = param('id');
const content = document.getElementById('content');
const messages = document.getElementById('messages');
let poll = null;

async function load() {
  try {
    const r = await api(`/requests/${encodeURIComponent(id)}`);
    render(r);
    clearTimeout(poll);
    if (RUNNING.includes(r.status) || ['SUBMITTED'].includes(r.status)) poll = setTimeout(load, 3000);
  } catch (e) {
    showError(messages, e);
  }
}

function render(r) {
  document.getElementById('heading').textContent = t('request.heading', { id: r.id, title: r.title });
  document.title = `${t('request.heading', { id: r.id, title: r.title })} – ${t('app.name')}`;
  const transitions = r.history
    .filter((h) => h.action === 'STATUS_CHANGED')
    .map((h) => ({
      at: h.at,
      to: String(h.details || '')
        .split('->')
        .pop()
        .trim(),
    }));
  const round = currentRound(r, transitions);
  content.replaceChildren(
    ...[
      el('p', {}, el('span', { class: 'muted', text: `${t('request.field.status')}: ` }), statusBadge(r.status)),
      r.status === 'CHANGES_REQUESTED'
        ? el('div', { class: 'alert info', role: 'status', text: t('request.changesRequested') })
        : null,
      actions(r),
      el('h2', { id: 'timeline-heading', text: t('request.timeline') }),
      timeline(r, round),
      el('h2', { text: t('request.routing') }),
      el('p', { id: 'routing', text: routing(r, round) }),
      el('h2', { text: t('request.summary') }),
      requestFacts(r),
      el('h2', { text: t('columns.title') }),
      columnsTable(r.columns),
      el('h2', { text: t('request.provisioning') }),
      provisioning(r),
      el('h2', { text: t('history.title') }),
      historyTable(r.history),
    ].filter(Boolean),
  );
}

/** Status changes since the last (re)submission: a revision starts a new round of reviews. */
function currentRound(r, transitions) {
  let start = 0;
  transitions.forEach((tr, i) => {
    if (tr.to === 'SUBMITTED' || tr.to === 'CHANGES_REQUESTED') start = i;
  });
  return transitions.slice(start);
}

function timeline(r, round) {
  const reached = new Map(round.map((tr) => [tr.to, tr.at]));
  const pii = r.columns.some((c) => c.pii !== 'NONE');
  const currentIndex = STEPS.indexOf(r.status);
  const failed = r.status === 'PROVISIONING_FAILED' || r.status === 'PROVISIONING_ABORTED';
  return el(
    'ol',
    { class: 'timeline', 'aria-labelledby': 'timeline-heading' },
    ...STEPS.map((step, i) => {
      let state;
      if (step === 'IN_PRIVACY_REVIEW' && !pii && !reached.has(step)) state = 'skipped';
      else if (step === r.status && step !== 'PROVISIONED') state = 'current';
      else if (step === 'PROVISIONED' && r.status === 'PROVISIONED') state = 'done';
      else if (failed && step === 'PROVISIONING') state = 'failed';
      else if ((currentIndex >= 0 && i < currentIndex) || (failed && i < STEPS.indexOf('PROVISIONING')) || i === 0)
        state = 'done';
      else state = 'pending';
      const at = step === 'SUBMITTED' ? reached.get('SUBMITTED') || r.createdAt : reached.get(step);
      const label =
        state === 'current'
          ? t('request.timeline.current')
          : state === 'failed'
            ? statusLabel(r.status)
            : t('request.step.' + state);
      return el(
        'li',
        { class: state, ...(state === 'current' ? { 'aria-current': 'step' } : {}) },
        el('strong', { text: t('request.step.' + step) }),
        el('span', { class: 'state', text: label }),
        at && state !== 'pending' && state !== 'skipped' ? el('span', { class: 'state', text: fmtDateTime(at) }) : null,
      );
    }),
  );
}

function routing(r, round) {
  const privacy = round.some((tr) => tr.to === 'IN_PRIVACY_REVIEW') || r.columns.some((c) => c.pii !== 'NONE');
  return t(privacy ? 'request.routing.privacy' : 'request.routing.platform');
}

function provisioning(r) {
  const runs = r.provisioningRuns || [];
  const parts = [];
  const ok = runs.filter(
    (run) => run.outcome === 'SUCCEEDED' || run.outcome === 'SUCCESS' || (!run.error && run.finishedAt),
  );
  if (r.status === 'PROVISIONED' && ok.length) {
    const last = ok[ok.length - 1];
    parts.push(
      el('p', {
        class: 'alert ok',
        id: 'provisioning-result',
        role: 'status',
        text: t('request.result.loaded', { rows: fmtNumber(last.rowsWritten), table: last.table }),
      }),
    );
  }
  if (r.status === 'PROVISIONING') parts.push(el('p', { role: 'status', text: t('request.provisioning.running') }));
  if (!runs.length) {
    if (r.status !== 'PROVISIONING') parts.push(el('p', { class: 'muted', text: t('request.provisioning.none') }));
    return el('div', { id: 'provisioning' }, ...parts);
  }
  const col = (key, cls) => el('th', { scope: 'col', class: cls, text: t(key) });
  parts.push(
    el(
      'table',
      { id: 'runs-table' },
      el('caption', { class: 'visually-hidden', text: t('request.provisioning') }),
      el(
        'thead',
        {},
        el(
          'tr',
          {},
          col('request.run.started'),
          col('request.run.table'),
          col('request.run.rowsRead', 'num'),
          col('request.run.rowsWritten', 'num'),
          col('request.run.duration', 'num'),
          col('request.run.keyId'),
          col('request.run.outcome'),
          col('request.run.error'),
        ),
      ),
      el(
        'tbody',
        {},
        ...runs.map((run) =>
          el(
            'tr',
            {},
            el('th', { scope: 'row', text: fmtDateTime(run.startedAt) }),
            el('td', {}, el('code', { text: run.table || '' })),
            el('td', { class: 'num', text: fmtNumber(run.rowsRead) }),
            el('td', { class: 'num', text: fmtNumber(run.rowsWritten) }),
            el('td', { class: 'num', text: t('request.run.durationMs', { ms: fmtNumber(run.durationMs) }) }),
            el('td', { text: run.keyId || '' }),
            el('td', { text: run.outcome || '' }),
            el('td', { text: run.error || '' }),
          ),
        ),
      ),
    ),
  );
  return el('div', { id: 'provisioning' }, ...parts);
}

function actions(r) {
  const allowed = r.allowedActions || [];
  const buttons = [];
  if (allowed.includes('REVISE')) {
    buttons.push(
      el('a', { class: 'button', id: 'revise', href: `new-request.html?revise=${r.id}`, text: t('request.revise') }),
    );
  }
  if (allowed.includes('WITHDRAW')) {
    buttons.push(
      el('button', { type: 'button', class: 'danger', id: 'withdraw', text: t('request.withdraw'), onclick: withdraw }),
    );
  }
  if (r.status === 'PROVISIONED') {
    const key = r.datasetKey || `${r.businessUnit}__${r.dataset}`;
    buttons.push(
      el('a', {
        class: 'button secondary',
        id: 'catalog-link',
        href: `catalog-entry.html?key=${encodeURIComponent(key)}`,
        text: t('request.catalogLink'),
      }),
    );
  }
  if (!buttons.length) return null;
  return el('div', { class: 'form-actions', role: 'group', 'aria-label': t('request.actions') }, ...buttons);
}

async function withdraw() {
  if (!confirm(t('request.withdraw.confirm'))) return;
  try {
    await api(`/requests/${encodeURIComponent(id)}/withdraw`, { method: 'POST' });
    messages.replaceChildren(el('p', { class: 'alert ok', role: 'status', text: t('request.withdrawn') }));
    await load();
  } catch (e) {
    showError(messages, e);
  }
}

await load();
