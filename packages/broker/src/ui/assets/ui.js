// The broker's pages work without this script; it adds live filtering, copying commands and the graph's pan/zoom.
(() => {
  // Live filter: typing in a search box hides the rows of its table that do not match (the form still submits).
  for (const input of document.querySelectorAll('input[data-filter-table]')) {
    const table = document.querySelector(`table.${input.dataset.filterTable}`);
    const count = document.getElementById(`${input.dataset.filterTable}-count`);
    if (!table) continue;
    input.addEventListener('input', () => {
      const needle = input.value.trim().toLowerCase();
      let shown = 0;
      const rows = table.tBodies[0]?.rows ?? [];
      for (const row of rows) {
        const names = `${row.cells[0]?.textContent ?? ''} ${row.cells[1]?.textContent ?? ''}`.toLowerCase();
        const match = needle === '' || names.includes(needle);
        row.classList.toggle('hidden', !match);
        if (match) shown += 1;
      }
      if (count) count.textContent = `${shown} of ${rows.length} integrations shown`;
    });
  }

  for (const button of document.querySelectorAll('button[data-copy]')) {
    button.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(button.dataset.copy ?? '');
        button.textContent = 'Copied';
      } catch {
        button.textContent = 'Select the command to copy it';
      }
    });
  }

  // Run a webhook now: the same POST the API takes, so the broker's auth decides who may (a 401/403 is shown).
  for (const button of document.querySelectorAll('button[data-execute]')) {
    button.addEventListener('click', async () => {
      const output = document.getElementById(button.dataset.output ?? '');
      if (!output) return;
      button.disabled = true;
      output.textContent = 'Running…';
      try {
        const response = await fetch(button.dataset.execute, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/hal+json' },
          body: '{}',
          credentials: 'same-origin',
        });
        const body = await response.json().catch(() => ({}));
        if (!response.ok) {
          output.textContent = `Not run (HTTP ${response.status}): ${body.message ?? response.statusText}`;
          output.dataset.result = 'refused';
        } else {
          const status = body.response ? `HTTP ${body.response.status}` : (body.error?.message ?? 'no response');
          output.textContent = `${body.success ? 'Succeeded' : 'Failed'}: ${status}`;
          output.dataset.result = body.success ? 'success' : 'failure';
          if (body.logs) {
            const logs = document.createElement('pre');
            logs.className = 'logs';
            logs.tabIndex = 0;
            logs.setAttribute('aria-label', 'Log of this run');
            logs.textContent = body.logs;
            output.append(logs);
          }
        }
      } catch (err) {
        output.textContent = `Not run: ${err.message}`;
        output.dataset.result = 'refused';
      } finally {
        button.disabled = false;
      }
    });
  }

  const svg = document.getElementById('network');
  if (!svg) return;
  const full = (svg.dataset.full ?? '0 0 1 1').split(' ').map(Number);
  let box = svg.getAttribute('viewBox').split(' ').map(Number);
  const apply = () => svg.setAttribute('viewBox', box.map((n) => Math.round(n)).join(' '));
  const zoom = (factor, cx = box[0] + box[2] / 2, cy = box[1] + box[3] / 2) => {
    const w = Math.min(Math.max(box[2] * factor, 100), full[2] * 4);
    const h = (w / box[2]) * box[3];
    box = [cx - ((cx - box[0]) * w) / box[2], cy - ((cy - box[1]) * h) / box[3], w, h];
    apply();
  };
  const pan = (dx, dy) => {
    box = [box[0] + dx, box[1] + dy, box[2], box[3]];
    apply();
  };
  const fit = () => {
    box = [...full];
    apply();
  };
  const toSvg = (event) => {
    const rect = svg.getBoundingClientRect();
    const scale = Math.max(box[2] / rect.width, box[3] / rect.height);
    return { scale, x: box[0] + (event.clientX - rect.left) * scale, y: box[1] + (event.clientY - rect.top) * scale };
  };
  svg.addEventListener(
    'wheel',
    (event) => {
      event.preventDefault();
      const p = toSvg(event);
      zoom(event.deltaY > 0 ? 1.2 : 1 / 1.2, p.x, p.y);
    },
    { passive: false },
  );
  let drag;
  svg.addEventListener('pointerdown', (event) => {
    drag = { x: event.clientX, y: event.clientY, moved: false };
  });
  svg.addEventListener('pointermove', (event) => {
    if (!drag) return;
    const { scale } = toSvg(event);
    const dx = event.clientX - drag.x;
    const dy = event.clientY - drag.y;
    if (Math.abs(dx) + Math.abs(dy) > 3) drag.moved = true;
    if (!drag.moved) return;
    pan(-dx * scale, -dy * scale);
    drag.x = event.clientX;
    drag.y = event.clientY;
  });
  svg.addEventListener('pointerup', () => {
    setTimeout(() => {
      drag = undefined;
    });
  });
  svg.addEventListener('click', (event) => {
    if (drag?.moved) event.preventDefault();
  });
  svg.addEventListener('keydown', (event) => {
    const step = box[2] / 10;
    const keys = {
      '+': () => zoom(1 / 1.25),
      '=': () => zoom(1 / 1.25),
      '-': () => zoom(1.25),
      0: fit,
      ArrowLeft: () => pan(-step, 0),
      ArrowRight: () => pan(step, 0),
      ArrowUp: () => pan(0, -step),
      ArrowDown: () => pan(0, step),
    };
    const action = keys[event.key];
    if (action) {
      event.preventDefault();
      action();
    }
  });
  for (const button of document.querySelectorAll('[data-zoom]')) {
    button.addEventListener('click', () => {
      const kind = button.dataset.zoom;
      if (kind === 'in') zoom(1 / 1.25);
      else if (kind === 'out') zoom(1.25);
      else fit();
    });
  }
})();
