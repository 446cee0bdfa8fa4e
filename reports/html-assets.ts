/**
 * The HTML report's inline style sheet and script: the page loads nothing else, so it opens
 * offline. The script only helps reading (filter a long table, open the collapsed section a link
 * points into, show a check's name over its short reference); without it every number and every
 * row is still on the page.
 */

export const CSS = `
:root { --ok: #1a7f37; --bad: #cf222e; --warn: #9a6700; --dim: #57606a; --line: #d0d7de; --soft: #f6f8fa; }
* { box-sizing: border-box; }
body { font: 14px/1.45 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; margin: 0; color: #1f2328; background: #fff; }
header, main { max-width: 1320px; margin: 0 auto; padding: 0 24px; }
header { padding-top: 14px; }
h1 { font-size: 22px; margin: 0 0 2px; }
h2 { font-size: 18px; margin: 22px 0 8px; }
h3 { font-size: 15px; margin: 0 0 6px; }
p.meta { color: var(--dim); margin: 2px 0; }
nav { margin: 6px 0 0; padding: 6px 0; border-bottom: 1px solid var(--line); }
nav a { margin-right: 14px; }
a { color: #0969da; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; }
th, td { border: 1px solid var(--line); padding: 3px 8px; text-align: left; vertical-align: top; }
th { background: var(--soft); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.st, td.num { width: 1%; white-space: nowrap; }
.refs { display: inline-block; min-width: 120px; }
code, pre { font: 12px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
pre { background: var(--soft); padding: 10px; overflow-x: auto; border: 1px solid var(--line); border-radius: 6px; }
ul.names { margin: 0; padding-left: 16px; }
tr[data-item] > td:first-child code, #checks-table td:first-child code { white-space: nowrap; }
.status, .st { font-weight: 600; white-space: nowrap; }
.covered, .passed, .ok { color: var(--ok); }
.uncovered, .failed, .undefined, .below, .vacuous { color: var(--bad); }
.unreachable, .not-run, .skipped, .none { color: var(--dim); }
.verdict { font-size: 15px; font-weight: 600; padding: 6px 12px; border-radius: 6px; margin: 8px 0; }
.verdict.ok { background: #dafbe1; }
.verdict.below { background: #ffebe9; }
#attention h2 { margin-top: 12px; }
.cards { display: grid; grid-template-columns: repeat(4, 1fr); gap: 12px; margin: 8px 0 4px; }
.card { border: 1px solid var(--line); border-left: 5px solid var(--ok); border-radius: 6px; padding: 8px 12px; min-width: 0; }
.card.bad { border-left-color: var(--bad); background: #fff8f7; }
.card.warn { border-left-color: var(--warn); }
.card .n { font-size: 28px; font-weight: 700; line-height: 1.1; font-variant-numeric: tabular-nums; }
.card.bad .n { color: var(--bad); }
.card .what { font-weight: 600; }
.card ul { margin: 4px 0 0; padding-left: 16px; color: var(--dim); }
.card ul.plain { list-style: none; padding-left: 0; }
.card li { overflow: hidden; display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; }
.card .kinds { display: grid; grid-template-columns: 1fr auto; column-gap: 10px; margin-top: 2px; color: var(--dim); }
.card .kinds .num { text-align: right; font-variant-numeric: tabular-nums; }
.card .kinds .num.bad { color: var(--bad); font-weight: 700; }
details.section { border-top: 1px solid var(--line); margin-top: 6px; }
details.section > summary { cursor: pointer; padding: 8px 0; list-style-position: outside; }
details.section > summary h2 { display: inline; font-size: 18px; margin: 0 10px 0 0; }
details.section > summary .counts { color: var(--dim); }
details > summary { cursor: pointer; }
.filter { font: inherit; padding: 3px 8px; width: 340px; border: 1px solid var(--line); border-radius: 6px; }
.shown { color: var(--dim); margin-left: 8px; }
.diagrams { display: flex; flex-wrap: wrap; gap: 12px; align-items: flex-start; }
.diagram { border: 1px solid var(--line); border-radius: 6px; padding: 8px; overflow-x: auto; max-width: 100%; }
.diagram { margin: 0; }
.diagram svg { display: block; max-width: none; }
.diagram svg text { font-family: Helvetica, Arial, sans-serif; }
.diagram h3 .counts { font-weight: normal; color: var(--dim); margin-left: 6px; }
.legend span { margin-right: 18px; white-space: nowrap; }
a.ref, .refs a { font: 12px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; margin-right: 4px; }
small, .small { color: var(--dim); }
`;

export const SCRIPT = `
(function () {
  function openAround(el) { for (var d = el; d; d = d.parentElement) if (d.tagName === 'DETAILS') d.open = true; }
  function target(hash) { return hash.length > 1 ? document.getElementById(decodeURIComponent(hash.slice(1))) : null; }
  document.addEventListener('click', function (e) {
    var a = e.target.closest && e.target.closest('a[href^="#"]');
    var el = a && target(a.getAttribute('href'));
    if (el) openAround(el);
  });
  var start = target(location.hash);
  if (start) { openAround(start); start.scrollIntoView(); }
  document.addEventListener('input', function (e) {
    var input = e.target;
    if (!input.matches || !input.matches('input.filter')) return;
    var table = document.getElementById(input.getAttribute('data-filter'));
    var words = input.value.toLowerCase().split(/\\s+/).filter(Boolean);
    var rows = table.tBodies[0].rows, shown = 0;
    for (var i = 0; i < rows.length; i++) {
      var text = rows[i].textContent.toLowerCase();
      var match = words.every(function (w) { return text.indexOf(w) >= 0; });
      rows[i].hidden = !match;
      if (match) shown++;
    }
    input.nextElementSibling.textContent = words.length ? shown + ' of ' + rows.length + ' rows' : '';
  });
  var names = {};
  document.querySelectorAll('#checks-table tbody tr').forEach(function (tr) { names[tr.id] = tr.cells[1].textContent; });
  document.querySelectorAll('script[data-chains]').forEach(function (s) {
    var d = JSON.parse(s.textContent), body = document.getElementById(s.getAttribute('data-chains')).tBodies[0];
    d.rows.forEach(function (r) {
      var tr = body.insertRow(), code = document.createElement('code');
      code.textContent = typeof r[0] === 'string' ? r[0] : r[0].map(function (t, i) { var id = d.transitions[t]; return i === 0 ? id : id.slice(id.indexOf(' ')); }).join('');
      tr.insertCell().appendChild(code);
      var st = tr.insertCell();
      st.className = 'st ' + (r[1] ? 'covered' : 'unreachable');
      st.textContent = (r[1] ? '✓ covered' : '∅ unreachable') + (r[3] >= 0 ? ' ' + d.reasons[r[3]] : '');
      var n = tr.insertCell();
      n.className = 'num';
      n.textContent = r[2].length;
      var by = tr.insertCell();
      r[2].slice(0, d.limit).forEach(function (c) {
        var ref = typeof c === 'number' ? d.refs[c] : null, el = document.createElement(ref ? 'a' : 'span');
        el.textContent = ref || c;
        if (ref) { el.className = 'ref'; el.href = '#' + ref; el.title = names[ref] || ''; }
        by.appendChild(el);
        by.appendChild(document.createTextNode(' '));
      });
      if (r[2].length > d.limit) { var more = document.createElement('small'); more.textContent = '+' + (r[2].length - d.limit); by.appendChild(more); }
    });
  });
  document.querySelectorAll('a.ref, .refs a').forEach(function (a) { var n = names[a.getAttribute('href').slice(1)]; if (n) a.title = n; });
})();
`;
