// Dutch date entry (issue 30.5): every date field is typed as dd-mm-jjjj; beside it a button opens the browser's own
// calendar, whose choice is written back as dd-mm-jjjj. Without JavaScript the field is typed, as before.
(function () {
  function alsIso(tekst) {
    var m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec((tekst || '').trim());
    return m ? m[3] + '-' + ('0' + m[2]).slice(-2) + '-' + ('0' + m[1]).slice(-2) : '';
  }
  function voegKiezerToe(veld) {
    if (veld.dataset.kiezer) return;
    veld.dataset.kiezer = '1';
    var kiezer = document.createElement('input');
    kiezer.type = 'date';
    kiezer.className = 'datumkiezer';
    kiezer.tabIndex = -1;
    kiezer.setAttribute('aria-hidden', 'true');
    var knop = document.createElement('button');
    knop.type = 'button';
    knop.className = 'knop-datum';
    knop.textContent = 'Kies';
    var label = veld.labels && veld.labels[0] ? veld.labels[0].textContent.trim() : 'datum';
    knop.setAttribute('aria-label', 'Kies ' + label + ' in een kalender');
    knop.addEventListener('click', function () {
      kiezer.value = alsIso(veld.value);
      if (typeof kiezer.showPicker === 'function') kiezer.showPicker();
      else kiezer.click();
    });
    kiezer.addEventListener('change', function () {
      var d = kiezer.value;
      if (!d) return;
      veld.value = d.slice(8, 10) + '-' + d.slice(5, 7) + '-' + d.slice(0, 4);
      veld.dispatchEvent(new Event('input', { bubbles: true }));
      veld.dispatchEvent(new Event('change', { bubbles: true }));
      veld.focus();
    });
    var omhulsel = document.createElement('span');
    omhulsel.className = 'datumveld';
    veld.parentNode.insertBefore(omhulsel, veld);
    omhulsel.appendChild(veld);
    omhulsel.appendChild(knop);
    omhulsel.appendChild(kiezer);
  }
  function overal(root) {
    (root.querySelectorAll ? root : document).querySelectorAll('input[data-datum]').forEach(voegKiezerToe);
  }
  document.addEventListener('DOMContentLoaded', function () {
    overal(document);
  });
  document.addEventListener('htmx:afterSwap', function (e) {
    overal(e.target);
  });
})();
