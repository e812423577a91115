// The login page: texts in the chosen language, the error of a failed attempt, where to go next.
import { loadTexts, translate, t, languageSwitcher, param, isDemo } from './common.js';

await loadTexts();
translate();
document.title = `${t('login.title')} – ${t('app.name')}`;
document.getElementById('lang-slot').replaceChildren(languageSwitcher());
document.getElementById('next').value = param('next') || '';
document.getElementById('demo-hint').hidden = !isDemo();
if (param('error')) {
  const error = document.getElementById('login-error');
  error.hidden = false;
  if (param('error') === 'throttled') error.textContent = t('login.throttled');
  const user = document.getElementById('username');
  user.setAttribute('aria-describedby', 'login-error');
  user.focus();
}
