// Warns before leaving a page whose form has text that was not saved; saving the form itself is not leaving.
// A separate file because the Content-Security-Policy allows no inline script.
(function () {
  'use strict';
  var forms = document.querySelectorAll('form[data-unsaved-warning]');
  Array.prototype.forEach.call(forms, function (form) {
    var changed = false;
    form.addEventListener('input', function () { changed = true; });
    form.addEventListener('change', function () { changed = true; });
    form.addEventListener('submit', function () { changed = false; });
    window.addEventListener('beforeunload', function (event) {
      if (changed) {
        event.preventDefault();
        // older browsers show their own words only when a value is returned
        event.returnValue = '';
        return '';
      }
      return undefined;
    });
  });
}());
