// Upload progress for large import files (htmx reports XHR upload progress); the page works without it.
document.addEventListener('htmx:xhr:progress', (event) => {
  const form = event.target.closest && event.target.closest('form[data-voortgang]');
  if (!form || !event.detail.lengthComputable) return;
  const balk = document.getElementById(form.dataset.voortgang);
  const tekst = document.getElementById('voortgang-tekst');
  const procent = Math.round((event.detail.loaded / event.detail.total) * 100);
  balk.hidden = false;
  balk.value = procent;
  balk.textContent = `${procent}%`;
  tekst.textContent = procent < 100 ? `Uploaden… ${procent}%` : 'Controleren…';
});
document.addEventListener('htmx:afterRequest', () => {
  const tekst = document.getElementById('voortgang-tekst');
  const balk = document.getElementById('voortgang');
  if (tekst) tekst.textContent = '';
  if (balk) balk.hidden = true;
});
