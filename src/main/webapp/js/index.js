// The start page: sends the user to the page of their role.
import { initPage, startPage, showError } from './common.js';

try {
  const { me } = await initPage({ titleKey: 'index.title' });
  location.replace(startPage(me.roles));
} catch (e) {
  if (!(e && e.status === 401)) showError(document.getElementById('main'), e);
}
