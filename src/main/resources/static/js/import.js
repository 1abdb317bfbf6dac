// Upload with a progress bar: first the sending of the file, then the server's checking and loading.
// Without script the form posts normally and the result page shows the outcome.
(function () {
  'use strict';
  var form = document.getElementById('upload-form');
  var panel = document.getElementById('progress-panel');
  var bar = document.getElementById('progress');
  var label = document.getElementById('progress-label');
  var statusText = document.getElementById('progress-status');

  function show(phase, fraction, text) {
    label.textContent = phase;
    var percent = Math.round(fraction * 100);
    bar.value = percent;
    bar.textContent = percent + '%';
    statusText.textContent = text || (phase + ': ' + percent + '%');
  }

  // a care office's import is looked up within its region
  function regionQuery(element) {
    var region = element.getAttribute('data-region');
    return region ? '?region=' + encodeURIComponent(region) : '';
  }

  function csrfHeader(request) {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
      request.setRequestHeader(header.getAttribute('content'), token.getAttribute('content'));
    }
  }

  function poll(id) {
    fetch('/api/v1/imports/' + id + regionQuery(form), {headers: {'Accept': 'application/json'}})
      .then(function (response) { return response.json(); })
      .then(function (result) {
        if (result.status === 'RUNNING') {
          show('Controleren en laden', result.progress,
            'Controleren en laden: ' + Math.round(result.progress * 100) + '% (' +
            result.rowCount.toLocaleString('nl-NL') + ' regels gelezen)');
          window.setTimeout(function () { poll(id); }, 500);
        } else {
          show('Klaar', 1, 'Klaar: ' + result.message);
          window.location.assign('/imports/' + id + regionQuery(form));
        }
      })
      .catch(function () {
        statusText.textContent = 'De voortgang kon niet worden opgehaald. Bekijk de uitkomst op de pagina van import ' + id + '.';
      });
  }

  if (form) {
    form.addEventListener('submit', function (event) {
      if (!window.FormData || !window.XMLHttpRequest) {
        return;
      }
      event.preventDefault();
      var data = new FormData(form);
      var request = new XMLHttpRequest();
      // the region goes in the address: access is decided before the file is read
      request.open('POST', '/api/v1/imports' + regionQuery(form));
      request.setRequestHeader('Accept', 'application/json');
      csrfHeader(request);
      request.upload.addEventListener('progress', function (e) {
        if (e.lengthComputable) {
          show('Bestand versturen', e.loaded / e.total);
        }
      });
      request.addEventListener('load', function () {
        var body = {};
        try { body = JSON.parse(request.responseText); } catch (ignored) { /* shown below */ }
        if (request.status === 202) {
          poll(body.id);
        } else {
          show('Niet gestart', 0, body.message || 'Het bestand kon niet worden verstuurd.');
        }
      });
      request.addEventListener('error', function () {
        show('Niet gestart', 0, 'Het bestand kon niet worden verstuurd. Controleer de verbinding en probeer het opnieuw.');
      });
      panel.hidden = false;
      show('Bestand versturen', 0);
      request.send(data);
    });
  }

  var running = document.querySelector('[data-running-import]');
  if (running) {
    window.setTimeout(function waitForEnd() {
      fetch('/api/v1/imports/' + running.getAttribute('data-running-import') + regionQuery(running))
        .then(function (response) { return response.json(); })
        .then(function (result) {
          if (result.status === 'RUNNING') {
            window.setTimeout(waitForEnd, 1000);
          } else {
            window.location.reload();
          }
        });
    }, 1000);
  }
}());
