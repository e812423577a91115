// The intake form (forms/intake-request.form) rendered by the form-js viewer, in the UI's language:
// texts translated from the bundles, column prefill, server field errors shown beside the fields.
// Used by new-request.html for a new request and for revising one (?revise=<id>).
import { t, hasText, el } from './common.js';

const PREFIX = 'form.intake.';

/** Walks the schema: fn(component, path) with path like "columns.masking.method" (no indexes). */
function walk(components, parentPath, fn) {
  for (const c of components || []) {
    const own = c.key || c.path;
    const path = own ? (parentPath ? `${parentPath}.${own}` : own) : parentPath;
    fn(c, own ? path : c.id || '', parentPath);
    if (c.components) walk(c.components, own ? path : parentPath, fn);
  }
}

/**
 * A translated copy of the schema: label, description, option labels, pattern error message, text
 * of text components, each from form.intake.<path>.<what> when the bundles have it (else English).
 */
export function translateSchema(schema) {
  const copy = JSON.parse(JSON.stringify(schema));
  const tr = (key, fallback) => (hasText(PREFIX + key) ? t(PREFIX + key) : fallback);
  walk(copy.components, '', (c, path) => {
    if (c.type === 'text') {
      c.text = tr(`${c.id}.text`, c.text);
      return;
    }
    if (c.label !== undefined) c.label = tr(`${path}.label`, c.label);
    if (c.description !== undefined) c.description = tr(`${path}.description`, c.description);
    if (Array.isArray(c.values))
      c.values = c.values.map((v) => ({ ...v, label: tr(`${path}.option.${v.value}`, v.label) }));
    if (c.validate && c.validate.patternErrorMessage)
      c.validate.patternErrorMessage = tr(`${path}.pattern`, c.validate.patternErrorMessage);
  });
  return copy;
}

/** Server path without indexes ("columns.masking") → id of the field that shows its error. */
function errorTargets(schema) {
  const targets = {};
  walk(schema.components, '', (c, path, parentPath) => {
    if (c.key) {
      targets[path] = c.id;
      // a group's own error (e.g. columns[1].masking) shows at its first field
      if (parentPath && !(parentPath in targets)) targets[parentPath] = c.id;
    } else if (c.path) {
      targets[path] = targets[path] || null;
    }
  });
  // groups registered before their children: fill with the first child field
  walk(schema.components, '', (c, path) => {
    if (c.path && !targets[path]) {
      const first = (c.components || []).find((x) => x.key);
      targets[path] = first ? first.id : c.id;
    }
  });
  return targets;
}

// form-js's own validation messages are English; these patterns give them bundle keys.
const BUILT_IN = [
  [/^Field is required\.$/, () => t('form.validation.required')],
  [/^Field must have minimum length of (\d+)\.$/, (m) => t('form.validation.minLength', { n: m[1] })],
  [/^Field must have maximum length of (\d+)\.$/, (m) => t('form.validation.maxLength', { n: m[1] })],
  [/^Field must have minimum value of (.+)\.$/, (m) => t('form.validation.min', { n: m[1] })],
  [/^Field must have maximum value of (.+)\.$/, (m) => t('form.validation.max', { n: m[1] })],
  [/^Field must match pattern (.+)\.$/, () => t('form.validation.pattern')],
  [/^Value is not a number\.?$/, () => t('form.validation.number')],
];

function translateBuiltInMessages(root) {
  root.querySelectorAll('.fjs-select-placeholder').forEach((e) => {
    if (e.textContent === 'Select') e.textContent = t('form.select');
  });
  root.querySelectorAll('.fjs-form-field-error li, .fjs-form-field-error > span').forEach((e) => {
    if (e.dataset.translated === e.textContent) return;
    for (const [re, fn] of BUILT_IN) {
      const m = e.textContent.trim().match(re);
      if (m) {
        e.textContent = fn(m);
        break;
      }
    }
    e.dataset.translated = e.textContent;
  });
}

/**
 * Renders the form into container. Returns {form, data(), setData(data), submit(), showServerErrors(list)}.
 * data() is the current form data; submit() validates (form-js marks the fields) and returns {data, errors}.
 */
export async function renderIntakeForm(container, schema, initialData = {}) {
  if (!window.FormViewer) throw new Error('form-js viewer missing (vendor/form-js/form-viewer.umd.js)');
  const translated = translateSchema(schema);
  const targets = errorTargets(schema);
  const form = new window.FormViewer.Form({ container });
  let current = initialData;
  form.on('changed', (e) => {
    current = e.data;
  });
  await form.importSchema(translated, initialData);
  current = form._getState().data;

  const observer = new MutationObserver(() => translateBuiltInMessages(container));
  observer.observe(container, { childList: true, subtree: true, characterData: true });
  translateBuiltInMessages(container);

  return {
    form,
    data: () => current,
    async setData(data) {
      clearServerErrors(container);
      await form.importSchema(translated, data);
      current = form._getState().data;
    },
    submit() {
      clearServerErrors(container);
      const result = form.submit();
      translateBuiltInMessages(container);
      return result;
    },
    /** Puts each server field error beside its field; returns [{field, message, inputId}] for a summary. */
    showServerErrors(list) {
      clearServerErrors(container);
      const formId = form._id;
      return list.map((error, n) => {
        const inputId = locate(container, formId, targets, error.field);
        const errorId = `server-error-${n}`;
        if (inputId) {
          const input = document.getElementById(inputId);
          const wrapper = input.closest('.fjs-form-field') || input.parentElement;
          wrapper.classList.add('server-invalid');
          wrapper.append(
            el('div', {
              id: errorId,
              class: 'field-error server-error',
              role: 'alert',
              'data-field': error.field,
              text: error.message,
            }),
          );
          const described = (input.getAttribute('aria-describedby') || '').split(' ').filter(Boolean);
          input.setAttribute('aria-describedby', [...described, errorId].join(' '));
          input.setAttribute('aria-invalid', 'true');
        }
        return { ...error, inputId, errorId: inputId ? errorId : null };
      });
    },
  };
}

function clearServerErrors(container) {
  container.querySelectorAll('.server-error').forEach((e) => {
    const input = e.parentElement.querySelector(`[aria-describedby~="${e.id}"]`);
    if (input) {
      const rest = input
        .getAttribute('aria-describedby')
        .split(' ')
        .filter((x) => x !== e.id);
      if (rest.length) input.setAttribute('aria-describedby', rest.join(' '));
      else input.removeAttribute('aria-describedby');
      input.removeAttribute('aria-invalid');
    }
    e.remove();
  });
  container.querySelectorAll('.server-invalid').forEach((e) => e.classList.remove('server-invalid'));
}

/** The id of the input for a server path like "columns[1].masking.method", or null. */
function locate(container, formId, targets, field) {
  const indexes = [];
  const path = String(field || '').replace(/\[(\d+)\]/g, (m, i) => {
    indexes.push(i);
    return '';
  });
  let fieldId = targets[path];
  // "columns[1]" or an unknown sub-path: the nearest known ancestor
  let p = path;
  while (!fieldId && p.includes('.')) {
    p = p.slice(0, p.lastIndexOf('.'));
    fieldId = targets[p];
  }
  if (!fieldId) return null;
  const suffix = indexes.map((i) => `_${i}`).join('');
  const exact = `fjs-form-${formId}-${fieldId}${suffix}`;
  if (document.getElementById(exact)) return exact;
  // a list-level error ("columns") or a field form-js renders without the index: first match
  const any = container.querySelector(`[id^="fjs-form-${formId}-${fieldId}"]`);
  return any && any.id ? any.id : null;
}

/** Columns of the form from a source's or upload's columns: lowercase names, our types, no PII, kept. */
export function columnsFrom(sourceColumns) {
  return sourceColumns.map((c) => {
    const column = {
      name: String(c.name || '').toLowerCase(),
      type: c.type || 'VARCHAR',
      pii: 'NONE',
      masking: { method: 'KEEP' },
    };
    if (c.header && c.header !== c.name) column.description = c.header;
    return column;
  });
}

/**
 * The request body from the form's data: the fields the form has, plus the upload of a FILE
 * source (which the form does not show: the prefill panel sets it).
 */
export function requestBody(data, upload) {
  const body = JSON.parse(JSON.stringify(data));
  body.source = body.source || {};
  if (body.source.kind === 'FILE') {
    delete body.source.connection;
    delete body.source.table;
    if (upload) {
      body.source.uploadId = upload.uploadId;
      body.source.fileName = upload.fileName;
    }
  }
  for (const c of body.columns || []) {
    if (c.description === '') delete c.description;
    if (c.masking && c.masking.justification === '') delete c.masking.justification;
  }
  return body;
}
