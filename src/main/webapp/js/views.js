// What the request and task pages (and the catalog entry) draw alike: facts, the columns with their
// masking, the history; task names and masking methods in the user's language.
import { t, tOr, el, fmtDateTime, statusLabel } from './common.js';

/** The name of a task in the user's language (task key), else the engine's name. */
export function taskName(task) {
  return tOr('task.name.' + task.key, task.name || task.key);
}

/** A masking method as the intake form names it (the form's own texts). */
export function methodLabel(method) {
  return tOr('form.intake.columns.masking.method.option.' + method, method || '—');
}

/** A definition list from [labelKey, value] pairs; empty values show a dash. */
export function facts(pairs) {
  const dl = el('dl', { class: 'facts' });
  for (const [key, value] of pairs) {
    const empty = value === null || value === undefined || value === '';
    dl.append(el('dt', { text: t(key) }), el('dd', {}, value instanceof Node ? value : empty ? '—' : String(value)));
  }
  return dl;
}

/** What a request is, in the same words on the request and task pages. */
export function requestFacts(r) {
  const source = r.source || {};
  const sourceText =
    source.kind === 'FILE'
      ? t('request.source.FILE', { file: source.fileName || '' })
      : t('request.source.JDBC', { connection: source.connection || '', table: source.table || '' });
  return facts([
    ['request.field.dataset', el('code', { text: r.datasetKey || r.businessUnit + '__' + r.dataset })],
    ['request.field.businessUnit', r.businessUnit],
    ['request.field.owner', r.owner],
    ['request.field.purpose', r.purpose],
    ['request.field.layer', tOr('layer.' + r.layer, r.layer)],
    ['request.field.source', sourceText],
    ['request.field.refresh', tOr('refresh.' + r.refresh, r.refresh)],
    ['request.field.retention', t('request.field.retentionDays', { days: r.retentionDays })],
    ['request.field.requester', r.requester],
    ['request.field.created', fmtDateTime(r.createdAt)],
    ['request.field.updated', fmtDateTime(r.updatedAt)],
  ]);
}

function maskingParameters(m) {
  const parts = [];
  if (m.n !== null && m.n !== undefined) parts.push('n = ' + m.n);
  if (m.to) parts.push(t('columns.masking.to') + ' = ' + tOr('granularity.' + m.to, m.to));
  if (m.width !== null && m.width !== undefined) parts.push(t('columns.masking.width') + ' = ' + m.width);
  if (m.justification) parts.push(t('columns.masking.justification') + ': ' + m.justification);
  return parts.join('; ');
}

function headings(keys) {
  return el(
    'thead',
    {},
    el(
      'tr',
      {},
      keys.map((k) => el('th', { scope: 'col', text: t(k) })),
    ),
  );
}

/** The columns of a request: name, type, personal data, masking method and its parameters, description. */
export function columnsTable(columns) {
  return el(
    'table',
    { class: 'data-table', id: 'columns-table' },
    el('caption', { class: 'visually-hidden', text: t('columns.title') }),
    headings([
      'columns.col.name',
      'columns.col.type',
      'columns.col.pii',
      'columns.col.method',
      'columns.col.parameters',
      'columns.col.description',
    ]),
    el(
      'tbody',
      {},
      columns.map((c) =>
        el(
          'tr',
          { class: c.pii !== 'NONE' ? 'pii' : null },
          el('th', { scope: 'row' }, el('code', { text: c.name })),
          el('td', { text: c.type }),
          el(
            'td',
            {},
            c.pii !== 'NONE'
              ? el('span', { class: 'badge badge-pii', text: tOr('pii.' + c.pii, c.pii) })
              : tOr('pii.' + c.pii, c.pii),
          ),
          el(
            'td',
            {},
            el('span', { text: methodLabel(c.masking.method) }),
            el('span', { class: 'muted', text: ' (' + c.masking.method + ')' }),
          ),
          el('td', { text: maskingParameters(c.masking) || '—' }),
          el('td', { text: c.description || '—' }),
        ),
      ),
    ),
  );
}

function historyDetails(h) {
  if (h.action === 'STATUS_CHANGED' && h.details && h.details.includes('->')) {
    return h.details
      .split('->')
      .map((s) => statusLabel(s.trim()))
      .join(' → ');
  }
  return h.details || '';
}

/** The history of a request: when, who, what (the audit's action names), details. */
export function historyTable(history) {
  return el(
    'table',
    { class: 'data-table', id: 'history-table' },
    el('caption', { class: 'visually-hidden', text: t('history.title') }),
    headings(['history.col.at', 'history.col.actor', 'history.col.action', 'history.col.details']),
    el(
      'tbody',
      {},
      (history || []).map((h) =>
        el(
          'tr',
          {},
          el('th', { scope: 'row' }, el('time', { datetime: h.at, text: fmtDateTime(h.at) })),
          el('td', { text: h.actor }),
          el('td', { text: tOr('audit.action.' + h.action, h.action) }),
          el('td', { text: historyDetails(h) }),
        ),
      ),
    ),
  );
}
