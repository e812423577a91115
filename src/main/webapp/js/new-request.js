// The intake form: a new request, or the revision of one (?revise=<id>, PUT) after changes were requested.
import { initPage, api, t, el, showError, param, ApiError } from './common.js';
import { renderIntakeForm, columnsFrom, requestBody } from './intake-form.js';

const reviseId = param('revise');
const { me } = await initPage({ titleKey: reviseId ? 'revise.title' : 'newRequest.title' });
const messages = document.getElementById('messages');
const summary = document.getElementById('error-summary');
const status = document.getElementById('prefill-status');
const fileSource = document.getElementById('file-source');
let upload = null;
let intake;

try {
  const schema = await api('/forms/intake-request');
  let initial = {
    businessUnit: me.businessUnit || '',
    owner: me.username,
    source: { kind: 'JDBC' },
    retentionDays: 365,
  };
  if (reviseId) {
    const r = await api(`/requests/${encodeURIComponent(reviseId)}`);
    document.getElementById('heading').textContent = t('revise.heading', { id: r.id });
    document.getElementById('submit').textContent = t('revise.submit');
    initial = fromRequest(r);
    if (r.source && r.source.kind === 'FILE') setUpload({ uploadId: r.source.uploadId, fileName: r.source.fileName });
  }
  intake = await renderIntakeForm(document.getElementById('form-container'), schema, initial);
} catch (e) {
  showError(messages, e);
}

await loadSources();
// Ready for input: what is typed before the form's data is imported would be overwritten by it.
document.getElementById('form-container').setAttribute('aria-busy', 'false');

/** The form data of an existing request (for a revision). */
function fromRequest(r) {
  const masking = (m) => Object.fromEntries(Object.entries(m || {}).filter(([, v]) => v !== null && v !== undefined));
  return {
    title: r.title,
    businessUnit: r.businessUnit,
    dataset: r.dataset,
    owner: r.owner,
    purpose: r.purpose,
    layer: r.layer,
    refresh: r.refresh,
    retentionDays: r.retentionDays,
    source: { kind: r.source.kind, connection: r.source.connection || undefined, table: r.source.table || undefined },
    columns: r.columns.map((c) => ({
      name: c.name,
      type: c.type,
      pii: c.pii,
      description: c.description || undefined,
      masking: masking(c.masking),
    })),
  };
}

function setUpload(u) {
  upload = u;
  fileSource.hidden = !u;
  fileSource.textContent = u ? t('newRequest.fileSource', { file: u.fileName }) : '';
}

async function loadSources() {
  const select = document.getElementById('prefill-source');
  try {
    const sources = await api('/sources');
    if (!sources.length) {
      select.append(el('option', { value: '', text: t('newRequest.prefill.noSources') }));
      select.disabled = true;
      return;
    }
    select.append(...sources.map((s) => el('option', { value: s.name, text: s.name })));
  } catch (e) {
    showError(messages, e);
  }
}

document.getElementById('prefill-from-source').addEventListener('click', async () => {
  const source = document.getElementById('prefill-source').value;
  const table = document.getElementById('prefill-table').value.trim();
  if (!source || !table) {
    status.textContent = t('newRequest.prefill.chooseTable');
    document.getElementById('prefill-table').focus();
    return;
  }
  try {
    const columns = await api(`/sources/${encodeURIComponent(source)}/columns?table=${encodeURIComponent(table)}`);
    const data = intake.data();
    await intake.setData({
      ...data,
      source: { kind: 'JDBC', connection: source, table },
      columns: columnsFrom(columns),
    });
    setUpload(null);
    status.textContent = t('newRequest.prefill.loaded', { count: columns.length, from: `${source} / ${table}` });
  } catch (e) {
    showError(status, e);
  }
});

document.getElementById('prefill-upload').addEventListener('click', async () => {
  const file = document.getElementById('prefill-file').files[0];
  if (!file) {
    status.textContent = t('newRequest.prefill.chooseFile');
    document.getElementById('prefill-file').focus();
    return;
  }
  const xlsx = /\.xlsx$/i.test(file.name);
  try {
    const view = await api(`/uploads?fileName=${encodeURIComponent(file.name)}`, {
      method: 'POST',
      body: file,
      headers: {
        'Content-Type': xlsx ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv',
      },
    });
    const data = intake.data();
    await intake.setData({ ...data, source: { kind: 'FILE' }, columns: columnsFrom(view.columns) });
    setUpload({ uploadId: view.uploadId, fileName: view.fileName || file.name });
    status.textContent = t('newRequest.prefill.uploaded', {
      count: view.columns.length,
      rows: view.rowCount,
      file: file.name,
    });
  } catch (e) {
    showError(status, e);
  }
});

document.getElementById('intake').addEventListener('submit', async (event) => {
  event.preventDefault();
  if (!intake) return;
  messages.replaceChildren();
  summary.replaceChildren();
  const { data, errors } = intake.submit();
  if (errors && Object.keys(errors).length) {
    // form-js marks each field; focus the first invalid one
    const first = document.querySelector(
      '#form-container .fjs-has-errors input, #form-container .fjs-has-errors select, #form-container .fjs-has-errors textarea',
    );
    if (first) first.focus();
    return;
  }
  const button = document.getElementById('submit');
  button.disabled = true;
  try {
    const body = requestBody(data, upload);
    const answer = reviseId
      ? await api(`/requests/${encodeURIComponent(reviseId)}`, { method: 'PUT', body })
      : await api('/requests', { method: 'POST', body });
    location.assign(`request.html?id=${answer.id}`);
  } catch (e) {
    button.disabled = false;
    if (e instanceof ApiError && e.status === 400 && e.body && Array.isArray(e.body.fieldErrors)) {
      showFieldErrors(e.body.fieldErrors);
    } else {
      showError(messages, e);
    }
  }
});

/** Each server error beside its field, and all of them in a summary at the top (links to the fields). */
function showFieldErrors(list) {
  const shown = intake.showServerErrors(list);
  summary.replaceChildren(
    el(
      'div',
      { class: 'alert error', role: 'alert', id: 'server-errors' },
      el('h2', { text: t('newRequest.errors.heading') }),
      el('p', { text: t('newRequest.errors.intro', { count: shown.length }) }),
      el(
        'ul',
        {},
        ...shown.map((e) =>
          el(
            'li',
            { 'data-field': e.field },
            e.inputId
              ? el('a', { href: `#${e.inputId}`, text: `${fieldName(e)}: ${e.message}` })
              : `${e.field}: ${e.message}`,
          ),
        ),
      ),
    ),
  );
  summary.focus();
}

/** The field's label as the form shows it (with the column's position inside the list), else its path. */
function fieldName(error) {
  const label = document.querySelector(`label[for="${error.inputId}"]`);
  const text = label ? label.textContent.replace(/\*$/, '').trim() : '';
  const row = String(error.field).match(/^columns\[(\d+)\]/);
  if (!text) return error.field;
  return row ? `${t('form.intake.columns.label')} ${Number(row[1]) + 1} – ${text}` : text;
}
