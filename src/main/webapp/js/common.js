// Shared by every page of the Data Intake UI: language and texts, the signed-in user, the header,
// calls to the API, and small DOM helpers. Plain ES module, no framework.

const LANG_KEY = 'intake.lang';
const LANGUAGES = ['ja', 'en'];
const UI_HEADER = { 'X-Requested-With': 'intake-ui' };

let texts = {};
let currentLang = 'en';

/** The language to show: the user's choice, else the browser's first ja/en language, else English. */
export function chosenLang() {
  const stored = safeStorage(() => localStorage.getItem(LANG_KEY));
  if (LANGUAGES.includes(stored)) return stored;
  for (const l of navigator.languages || [navigator.language || '']) {
    const lower = (l || '').toLowerCase();
    if (lower.startsWith('ja')) return 'ja';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}

export function currentLanguage() {
  return currentLang;
}

/** Remembers the choice and reloads the page in that language. */
export function switchLang(lang) {
  safeStorage(() => localStorage.setItem(LANG_KEY, lang));
  location.reload();
}

function safeStorage(fn) {
  try {
    return fn();
  } catch (e) {
    return null;
  }
}

/**
 * Loads the texts of a language (GET /i18n, public) and sets <html lang>. A node in demo mode says
 * so in a header of every answer; then the page gets the demo banner, before anyone signs in.
 */
export async function loadTexts(lang = chosenLang()) {
  const res = await fetch(`i18n?lang=${encodeURIComponent(lang)}`, { credentials: 'same-origin' });
  if (!res.ok) throw new Error(`i18n ${res.status}`);
  texts = await res.json();
  currentLang = lang;
  document.documentElement.lang = lang;
  demo = res.headers.get('X-Intake-Demo') === 'true';
  if (demo) showDemoBanner();
  return texts;
}

let demo = false;

/** True when the node runs in demo mode (demo users, public demo key). */
export function isDemo() {
  return demo;
}

function showDemoBanner() {
  let banner = document.getElementById('demo-banner');
  if (!banner) {
    banner = document.createElement('div');
    banner.id = 'demo-banner';
    banner.className = 'demo-banner';
    banner.setAttribute('role', 'note');
    document.body.prepend(banner);
  }
  banner.textContent = t('demo.banner');
}

/** The text for key with {name} placeholders replaced; the key itself when there is no text. */
export function t(key, params) {
  const text = Object.prototype.hasOwnProperty.call(texts, key) ? texts[key] : key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (m, name) =>
    params[name] === undefined || params[name] === null ? m : String(params[name]),
  );
}

/** True when the bundles have a text for key (to fall back to other text otherwise). */
export function hasText(key) {
  return Object.prototype.hasOwnProperty.call(texts, key);
}

/** Translates [data-i18n] (text), [data-i18n-placeholder], [data-i18n-aria-label] and [data-i18n-title] under root. */
export function translate(root = document) {
  root.querySelectorAll('[data-i18n]').forEach((e) => {
    e.textContent = t(e.dataset.i18n);
  });
  root.querySelectorAll('[data-i18n-placeholder]').forEach((e) => {
    e.placeholder = t(e.dataset.i18nPlaceholder);
  });
  root.querySelectorAll('[data-i18n-aria-label]').forEach((e) => {
    e.setAttribute('aria-label', t(e.dataset.i18nAriaLabel));
  });
  root.querySelectorAll('[data-i18n-title]').forEach((e) => {
    e.title = t(e.dataset.i18nTitle);
  });
}

export class ApiError extends Error {
  constructor(status, body) {
    super((body && body.error) || `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.body = body;
  }
}

/**
 * Calls the API: fetch('api' + path) with the session cookie and the UI header (needed for changes:
 * CSRF guard; and it keeps the browser's own login dialog away). An object body is sent as JSON.
 * Returns the parsed JSON (null on 204); throws ApiError otherwise. A 401 goes to the login page.
 */
export async function api(path, { method = 'GET', body, headers = {} } = {}) {
  const init = {
    method,
    credentials: 'same-origin',
    headers: { Accept: 'application/json', ...UI_HEADER, ...headers },
  };
  if (body !== undefined && body !== null) {
    const raw = body instanceof Blob || body instanceof ArrayBuffer || typeof body === 'string';
    init.body = raw ? body : JSON.stringify(body);
    if (!raw) init.headers['Content-Type'] = 'application/json';
  }
  let res;
  try {
    res = await fetch('api' + path, init);
  } catch (e) {
    throw new ApiError(0, { error: t('common.error.network') });
  }
  if (res.status === 401) {
    goToLogin();
    throw new ApiError(401, { error: 'not signed in' });
  }
  if (res.status === 204) return null;
  const type = res.headers.get('Content-Type') || '';
  const parsed = type.includes('json') ? await res.json().catch(() => null) : null;
  if (!res.ok) throw new ApiError(res.status, parsed || { error: t('common.error.status', { status: res.status }) });
  return parsed;
}

function goToLogin() {
  const here = location.pathname + location.search;
  location.assign(`login.html?next=${encodeURIComponent(here)}`);
}

/** Nav links of the header by role (admin sees all). */
const NAV = [
  { href: 'new-request.html', key: 'nav.newRequest', roles: ['requester'] },
  {
    href: 'requests.html',
    key: 'nav.myRequests',
    roles: ['requester'],
    staffKey: 'nav.requests',
    staff: ['privacy-reviewer', 'platform-engineer', 'governance-lead'],
  },
  { href: 'inbox.html', key: 'nav.inbox', roles: ['privacy-reviewer', 'platform-engineer', 'governance-lead'] },
  { href: 'audit.html', key: 'nav.audit', roles: ['auditor'] },
  {
    href: 'catalog.html',
    key: 'nav.catalog',
    roles: ['requester', 'privacy-reviewer', 'platform-engineer', 'governance-lead', 'auditor'],
  },
];

export function navLinks(roles) {
  const admin = roles.includes('admin');
  return NAV.filter(
    (n) => admin || n.roles.some((r) => roles.includes(r)) || (n.staff || []).some((r) => roles.includes(r)),
  ).map((n) => ({
    href: n.href,
    key: !admin && !roles.includes('requester') && n.staffKey ? n.staffKey : n.key,
  }));
}

/** The start page of a user: requesters → their requests, reviewers → inbox, auditor → audit. */
export function startPage(roles) {
  if (
    roles.includes('admin') ||
    roles.some((r) => ['privacy-reviewer', 'platform-engineer', 'governance-lead'].includes(r))
  )
    return 'inbox.html';
  if (roles.includes('requester')) return 'requests.html';
  if (roles.includes('auditor')) return 'audit.html';
  return 'catalog.html';
}

function renderHeader(me) {
  const header = document.getElementById('app-header');
  if (!header) return;
  const page = location.pathname.split('/').pop() || 'index.html';
  const nav = el(
    'nav',
    { 'aria-label': t('nav.label') },
    el(
      'ul',
      {},
      ...navLinks(me.roles).map((n) =>
        el('li', {}, el('a', { href: n.href, text: t(n.key), ...(page === n.href ? { 'aria-current': 'page' } : {}) })),
      ),
    ),
  );
  const langSelect = languageSwitcher();
  const logout = el(
    'form',
    { method: 'post', action: 'logout', class: 'logout' },
    el('button', { type: 'submit', class: 'secondary', text: t('common.logout') }),
  );
  header.replaceChildren(
    el('a', { class: 'brand', href: './', text: t('app.name') }),
    nav,
    el(
      'div',
      { class: 'user' },
      el('span', { class: 'who', text: t('common.signedInAs', { name: me.username }) }),
      langSelect,
      logout,
    ),
  );
}

/** A labelled select that switches the language (used in the header and on the login page). */
export function languageSwitcher() {
  const select = el(
    'select',
    { id: 'lang-switch', onchange: (e) => switchLang(e.target.value) },
    ...LANGUAGES.map((l) =>
      el('option', { value: l, text: t('common.lang.' + l), ...(l === currentLang ? { selected: '' } : {}) }),
    ),
  );
  return el('span', { class: 'lang' }, el('label', { for: 'lang-switch', text: t('common.language') }), select);
}

/**
 * Starts a page: texts in the chosen language, the signed-in user (401 → login page), the shared
 * header, [data-i18n] translated, document.title from opts.titleKey. Returns {me, lang}.
 */
export async function initPage(opts = {}) {
  await loadTexts();
  translate();
  if (opts.titleKey) document.title = `${t(opts.titleKey)} – ${t('app.name')}`;
  const me = await api('/me');
  renderHeader(me);
  return { me, lang: currentLang };
}

export function fmtDateTime(isoString) {
  if (!isoString) return '';
  const d = new Date(isoString);
  if (Number.isNaN(d.getTime())) return String(isoString);
  return new Intl.DateTimeFormat(currentLang === 'ja' ? 'ja-JP' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(d);
}

export function fmtNumber(n) {
  return new Intl.NumberFormat(currentLang === 'ja' ? 'ja-JP' : 'en-GB').format(n);
}

/**
 * The one DOM helper of the UI. attrs: class, text (never HTML: no innerHTML of data), on<event>
 * handlers; hidden/disabled/checked/selected/required/value as properties; anything else (aria-*,
 * data-*, href, for, scope, …) as an attribute; null/undefined/false attrs are skipped. Children:
 * nodes, strings, numbers, arrays; null/undefined/false are skipped.
 */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'class') node.className = value;
    else if (name === 'text') node.textContent = String(value);
    else if (name.startsWith('on') && typeof value === 'function')
      node.addEventListener(name.slice(2).toLowerCase(), value);
    else if (BOOLEAN_PROPERTIES.includes(name)) node[name] = true;
    else if (name === 'value') node.value = String(value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

const BOOLEAN_PROPERTIES = ['hidden', 'disabled', 'checked', 'selected', 'required'];

/** The text for key, or fallback when the bundles have no such key. */
export function tOr(key, fallback, params) {
  return hasText(key) ? t(key, params) : fallback;
}

/** The server's own text of an error ({error}, or {fieldErrors}), or the error's message. */
export function serverText(err) {
  const body = err && err.body;
  if (body && Array.isArray(body.fieldErrors) && body.fieldErrors.length) {
    return body.fieldErrors.map((f) => f.field + ': ' + f.message).join('; ');
  }
  if (body && typeof body.error === 'string') return body.error;
  return err && err.message ? String(err.message) : String(err || '');
}

/**
 * {message, detail}: an error answer in the user's language, translated from its stable code
 * (error.code.<CODE>; context fills {user}, {request}), with the server's text as detail. Without
 * a code the bundles know (a network failure, a newer server), the server's text is the message.
 */
export function explain(err, context = {}) {
  const code = err && err.body && err.body.code;
  const detail = serverText(err);
  if (code && hasText('error.code.' + code)) {
    return { message: t('error.code.' + code, context), detail };
  }
  return { message: detail || t('error.code.HTTP_ERROR'), detail: null };
}

/** The one error renderer: the explained error in container as an alert, then the server's own text. */
export function showError(container, err, context) {
  const { message, detail } = explain(err, context);
  const box = el(
    'div',
    { class: 'alert error', role: 'alert' },
    el('p', { class: 'refusal-message', text: message }),
    detail
      ? el(
          'p',
          { class: 'refusal-detail' },
          el('span', { text: t('error.serverSaid') + ' ' }),
          el('q', { lang: 'en', text: detail }),
        )
      : null,
  );
  container.replaceChildren(box);
  return box;
}

export function statusLabel(status) {
  return t('status.' + status);
}

/** A status as a badge (text, not only colour). */
export function statusBadge(status) {
  return el('span', {
    class: `badge status-${String(status).toLowerCase().replace(/_/g, '-')}`,
    text: statusLabel(status),
  });
}

/** The value of a query parameter of this page. */
export function param(name) {
  return new URLSearchParams(location.search).get(name);
}

/** The non-blank fields of a filter form as query parameters, so the address can be shared. */
export function formParams(form, names) {
  const params = new URLSearchParams();
  for (const name of names) {
    const value = form.elements[name].value.trim();
    if (value) {
      params.set(name, value);
    }
  }
  return params;
}
