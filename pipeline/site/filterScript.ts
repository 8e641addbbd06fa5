/**
 * The table filter, inline vanilla JS. The form ships hidden and this shows it: with scripts off the
 * whole table simply stays visible. Rows carry their filter values as data-f0, data-f1…; a select's
 * option values are "=" + value, and "" means all.
 */
export const FILTER_SCRIPT = `
(() => {
  const form = document.getElementById('filters');
  const table = document.getElementById('records');
  const count = document.getElementById('record-count');
  if (!form || !table || !count || !table.tBodies[0]) return;
  const rows = Array.from(table.tBodies[0].rows);
  const text = form.querySelector('input[type="search"]');
  const selects = Array.from(form.querySelectorAll('select[data-filter]'));
  const norm = (s) => s.normalize('NFKC').toLowerCase();
  const haystacks = rows.map((row) => norm(row.textContent || ''));
  const apply = () => {
    const query = text ? norm(text.value.trim()) : '';
    let shown = 0;
    rows.forEach((row, i) => {
      const match = (!query || haystacks[i].includes(query)) &&
        selects.every((s) => s.value === '' || '=' + (row.getAttribute('data-' + s.dataset.filter) || '') === s.value);
      row.hidden = !match;
      if (match) shown += 1;
    });
    count.textContent = shown + '件を表示（全' + rows.length + '件）/ showing ' + shown + ' of ' + rows.length;
  };
  form.addEventListener('input', apply);
  form.addEventListener('change', apply);
  form.addEventListener('submit', (event) => event.preventDefault());
  form.hidden = false;
  apply();
})();
`;
