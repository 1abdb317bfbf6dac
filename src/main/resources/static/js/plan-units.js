// The unit beside an objective's target value follows the figure chosen in the same row, before saving too.
// A separate file because the Content-Security-Policy allows no inline script; without it the unit of the saved figure shows.
(function () {
  'use strict';
  var selects = document.querySelectorAll('select[id^="objectives-"][id$="-figure"]');
  Array.prototype.forEach.call(selects, function (select) {
    var unit = document.getElementById(select.id.replace(/-figure$/, '-targetValue-unit'));
    if (!unit) {
      return;
    }
    var none = unit.getAttribute('data-none');
    select.addEventListener('change', function () {
      var chosen = select.options[select.selectedIndex];
      var text = chosen && chosen.getAttribute('data-unit');
      unit.textContent = text ? 'in ' + text : none;
    });
  });
}());
