// Shared by the inbox, task, catalog and audit pages: texts with a fallback, and server refusals
// explained in the user's language (the server's own text is kept as a detail).
import { t } from './common.js';

/**
 * A DOM element: attrs class, text, html-free; on<event> handlers; hidden/disabled/checked/selected/value
 * as properties; everything else (aria-*, href, for, scope, …) as attributes; null/false attrs are
 * skipped. Children: nodes, strings, numbers, arrays; null/undefined/false are skipped.
 */
export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name === 'class') {
      node.className = value;
    } else if (name === 'text') {
      node.textContent = String(value);
    } else if (name.startsWith('on') && typeof value === 'function') {
      node.addEventListener(name.slice(2).toLowerCase(), value);
    } else if (['hidden', 'disabled', 'checked', 'selected', 'value', 'required'].includes(name)) {
      node[name] = value;
    } else {
      node.setAttribute(name, value === true ? '' : String(value));
    }
  }
  const add = (c) => {
    if (c === null || c === undefined || c === false) {
      return;
    }
    if (Array.isArray(c)) {
      c.forEach(add);
    } else {
      node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
  };
  children.forEach(add);
  return node;
}

/** The text for key, or fallback when the bundles have no such key. */
export function tOr(key, fallback, params) {
  const text = t(key, params);
  return text === key ? fallback : text;
}

/** The name of a task in the user's language (task key), else the engine's name. */
export function taskName(task) {
  return tOr('task.name.' + task.key, task.name || task.key);
}

/** A masking method as the intake form names it (the foundation's form texts). */
export function methodLabel(method) {
  return tOr('form.intake.columns.masking.method.option.' + method, method || '—');
}

/** Known server refusals, matched on the server's (English) text. */
const KNOWN = [
  {
    status: 403,
    re: /^(\S+) submitted request (\S+) and cannot review it/,
    key: 'refusal.fourEyes.ownRequest',
    params: (m) => ({ user: m[1], request: m[2] }),
  },
  {
    status: 403,
    re: /^(\S+) did the (.+) of request (\S+); the (.+) needs another person/,
    key: 'refusal.fourEyes.otherReview',
    params: (m) => ({ user: m[1], request: m[3] }),
  },
  { status: 403, re: /cannot be completed without a known reviewer/, key: 'refusal.fourEyes.unknownReviewer' },
  { status: 409, re: /is already done/, key: 'refusal.taskDone' },
  { status: 409, re: /was decided or claimed by someone else meanwhile/, key: 'refusal.raced' },
  {
    status: 409,
    re: /is claimed by (\S+), not by you/,
    key: 'refusal.claimedByOther',
    params: (m) => ({ user: m[1] }),
  },
  { status: 409, re: /is already claimed by (\S+)/, key: 'refusal.claimedByOther', params: (m) => ({ user: m[1] }) },
  { status: 409, re: /is claimed by (\S+)/, key: 'refusal.claimedByOther', params: (m) => ({ user: m[1] }) },
  { status: 409, re: /is not decided here/, key: 'refusal.notDecidedHere' },
  { status: 400, re: /a comment is required/, key: 'refusal.commentRequired' },
  { status: 400, re: /comment must be at most/, key: 'refusal.commentTooLong' },
];

/** The server's own text of an error (ApiError body {error} or {fieldErrors}), or the error's message. */
export function serverText(err) {
  const body = err && err.body;
  if (body && typeof body.error === 'string') {
    return body.error;
  }
  if (body && Array.isArray(body.fieldErrors)) {
    return body.fieldErrors.map((f) => f.field + ': ' + f.message).join('; ');
  }
  return err && err.message ? String(err.message) : '';
}

/** {message, detail}: the refusal in the user's language and the server's text. */
export function explain(err) {
  const status = err && err.status;
  const detail = serverText(err);
  for (const known of KNOWN) {
    const m = status === known.status && detail.match(known.re);
    if (m) {
      return { message: t(known.key, known.params ? known.params(m) : {}), detail };
    }
  }
  const generic = {
    400: 'refusal.badRequest',
    401: 'refusal.unauthenticated',
    403: 'refusal.forbidden',
    404: 'refusal.notFound',
    409: 'refusal.conflict',
  }[status];
  return { message: t(generic || 'refusal.unexpected'), detail };
}

/** Renders an explained refusal into container (role="alert"): the message, then the server's text. */
export function showRefusal(container, err) {
  const { message, detail } = explain(err);
  container.replaceChildren(
    el(
      'div',
      { class: 'alert error', role: 'alert' },
      el('p', { class: 'refusal-message', text: message }),
      detail
        ? el(
            'p',
            { class: 'refusal-detail' },
            el('span', { text: t('refusal.serverSaid') + ' ' }),
            el('q', { lang: 'en', text: detail }),
          )
        : null,
    ),
  );
}

/** A definition list from [labelKey, value] pairs; empty values show a dash. */
export function facts(pairs) {
  const dl = el('dl', { class: 'facts' });
  for (const [key, value] of pairs) {
    dl.append(
      el('dt', { text: t(key) }),
      el(
        'dd',
        {},
        value instanceof Node ? value : String(value === null || value === undefined || value === '' ? '—' : value),
      ),
    );
  }
  return dl;
}
