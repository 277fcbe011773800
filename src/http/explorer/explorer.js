/* Explorer: search, draw a neighbourhood, expand on click, highlight a shortest path,
   filter by type, and a chart of filings by province. Talks only to this server. */
(() => {
  const status = document.getElementById('status');
  const setStatus = (state) => {
    status.dataset.state = state;
  };
  let categories = [];
  const picked = [];

  async function gql(query, variables) {
    const res = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const body = await res.json();
    if (body.errors) throw new Error(body.errors[0].message);
    return body.data;
  }
  async function feed(url) {
    const res = await fetch(url);
    const body = await res.json();
    if (!res.ok) throw new Error(body.errors[0].message);
    return body;
  }

  const cy = cytoscape({
    container: document.getElementById('graph'),
    style: [
      {
        selector: 'node',
        style: {
          label: 'data(label)',
          'font-size': 10,
          'background-color': 'data(color)',
          width: 'mapData(degree, 0, 40, 14, 40)',
          height: 'mapData(degree, 0, 40, 14, 40)',
          'font-family': 'Noto Sans CJK SC, WenQuanYi Zen Hei, sans-serif',
        },
      },
      {
        selector: 'edge',
        style: {
          label: 'data(label)',
          'font-size': 8,
          width: 1,
          'curve-style': 'bezier',
          'target-arrow-shape': 'triangle',
          'line-color': '#bbb',
          'target-arrow-color': '#bbb',
        },
      },
      { selector: '.picked', style: { 'border-width': 3, 'border-color': '#333' } },
      { selector: 'edge.path', style: { 'line-color': '#d33', 'target-arrow-color': '#d33', width: 4, 'z-index': 10 } },
      { selector: 'node.path', style: { 'background-color': '#d33', 'border-width': 3, 'border-color': '#900' } },
      { selector: '.hidden', style: { display: 'none' } },
    ],
    layout: { name: 'preset' },
  });

  function merge(data) {
    categories = categories.length ? categories : data.categories || categories;
    const color = (n) => categories[n.data.categoryIndex]?.color || '#888';
    const added = cy.add([
      ...data.elements.nodes
        .filter((n) => cy.getElementById(n.data.id).empty())
        .map((n) => ({ ...n, data: { ...n.data, color: color(n) } })),
      ...data.elements.edges.filter((e) => cy.getElementById(e.data.id).empty()),
    ]);
    applyFilters();
    if (added.length) cy.layout({ name: 'cose', animate: false, randomize: false, fit: true }).run();
    return added;
  }

  async function draw(id) {
    setStatus('loading');
    const canonical = await feed(`/graph/neighborhood/${encodeURIComponent(id)}?depth=1&limit=60&format=canonical`);
    categories = canonical.categories;
    renderFilters();
    const data = await feed(`/graph/neighborhood/${encodeURIComponent(id)}?depth=1&limit=60&format=cytoscape`);
    merge(data);
    setStatus('drawn');
  }

  function renderFilters() {
    const box = document.getElementById('filters');
    if (box.childElementCount) return;
    for (const c of categories) {
      // Built from nodes, never from markup: names and server messages are text.
      const label = document.createElement('label');
      const input = document.createElement('input');
      input.type = 'checkbox';
      input.checked = true;
      input.dataset.type = c.name;
      const dot = document.createElement('span');
      dot.style.color = c.color;
      dot.textContent = '●';
      label.append(input, ' ', dot, ` ${c.name}`);
      box.appendChild(label);
    }
    box.addEventListener('change', applyFilters);
  }

  function applyFilters() {
    const off = [...document.querySelectorAll('#filters input:not(:checked)')].map((i) => i.dataset.type);
    cy.nodes().forEach((n) => {
      n.toggleClass('hidden', off.includes(n.data('type')));
    });
  }

  document.getElementById('search-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = document.getElementById('search').value.trim();
    if (!text) return;
    setStatus('searching');
    const list = document.getElementById('results');
    list.replaceChildren();
    try {
      const data = await gql('query($t: String!) { search(text: $t, first: 15) { node { __typename id name } } }', {
        t: text,
      });
      for (const hit of data.search) {
        const li = document.createElement('li');
        li.textContent = `${hit.node.name} (${hit.node.__typename})`;
        li.addEventListener('click', () => draw(hit.node.id));
        list.appendChild(li);
      }
      if (data.search[0]) await draw(data.search[0].node.id);
      else setStatus('no-results');
    } catch (error) {
      const li = document.createElement('li');
      li.textContent = error.message;
      list.replaceChildren(li);
      setStatus('error');
    }
  });

  cy.on('tap', 'node', async (event) => {
    const node = event.target;
    picked.push(node.id());
    if (picked.length > 2) cy.getElementById(picked.shift()).removeClass('picked');
    node.addClass('picked');
    document.getElementById('picked').textContent = picked.map((id) => cy.getElementById(id).data('label')).join(' → ');
    setStatus('expanding');
    merge(await feed(`/graph/neighborhood/${encodeURIComponent(node.id())}?depth=1&limit=40&format=cytoscape`));
    setStatus('expanded');
  });

  document.getElementById('path-button').addEventListener('click', async () => {
    if (picked.length < 2) return;
    setStatus('path');
    cy.elements().removeClass('path');
    const data = await gql(
      'query($a: ID!, $b: ID!) { shortestPath(from: $a, to: $b, maxHops: 6) { explanation explanationEn nodes { id } } }',
      { a: picked[0], b: picked[1] },
    );
    const path = data.shortestPath;
    const out = document.getElementById('explanation');
    if (!path) {
      out.textContent = '6 跳内无路径 / no path within 6 hops';
      setStatus('no-path');
      return;
    }
    const ids = path.nodes.map((n) => n.id);
    merge(await feed(`/graph/subgraph?ids=${ids.map(encodeURIComponent).join(',')}&format=cytoscape`));
    ids.forEach((id, i) => {
      cy.getElementById(id).addClass('path');
      if (i > 0)
        cy.edges()
          .filter(
            (e) =>
              (e.source().id() === ids[i - 1] && e.target().id() === id) ||
              (e.source().id() === id && e.target().id() === ids[i - 1]),
          )
          .addClass('path');
    });
    out.textContent = path.explanation;
    out.title = path.explanationEn;
    setStatus('path-shown');
  });

  gql('{ filingsByRegion(rankBy: STATED) { rows { label counted statedCount } } }').then((data) => {
    const rows = data.filingsByRegion.rows;
    echarts.init(document.getElementById('chart')).setOption({
      tooltip: {},
      legend: { data: ['报告 stated', '名单 counted'] },
      textStyle: { fontFamily: 'Noto Sans CJK SC, WenQuanYi Zen Hei, sans-serif' },
      xAxis: { type: 'category', data: rows.map((r) => r.label), axisLabel: { interval: 0, rotate: 30 } },
      yAxis: { type: 'value' },
      series: [
        { name: '报告 stated', type: 'bar', data: rows.map((r) => r.statedCount) },
        { name: '名单 counted', type: 'bar', data: rows.map((r) => r.counted) },
      ],
    });
    document.getElementById('chart').dataset.ready = 'true';
  });

  window.__explorer = { cy };
})();
