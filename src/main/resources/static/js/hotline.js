// Hotline intake: offers agencies from the matcher while the operator types. Without this script
// the Find button does the same on the server.
(function () {
  var input = document.getElementById('agencyQuery');
  var box = document.getElementById('agency-candidates');
  if (!input || !box || !window.fetch) { return; }
  var timer = null;
  var asked = 0;
  function option(value, text, checked) {
    var label = document.createElement('label');
    label.className = 'choice';
    var radio = document.createElement('input');
    radio.type = 'radio';
    radio.name = 'agencyId';
    radio.value = value;
    radio.checked = checked;
    var span = document.createElement('span');
    span.textContent = text;
    label.appendChild(radio);
    label.appendChild(document.createTextNode(' '));
    label.appendChild(span);
    return label;
  }
  function show(candidates) {
    var chosen = box.querySelector('input[name=agencyId]:checked');
    var keep = chosen ? chosen.value : '';
    box.textContent = '';
    box.appendChild(option('', box.getAttribute('data-none'), keep === ''));
    candidates.forEach(function (c) {
      box.appendChild(option(String(c.id), c.name + ' (' + c.registrationNumber + ')', keep === String(c.id)));
    });
  }
  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var q = input.value.trim();
      var mine = ++asked;
      if (q.length < 2) { return; }
      fetch('/staff/hotline/agencies?q=' + encodeURIComponent(q), {headers: {Accept: 'application/json'}, credentials: 'same-origin'})
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(function (list) { if (mine === asked) { show(list); } })
        .catch(function () { /* the Find button still works */ });
    }, 250);
  });
})();
