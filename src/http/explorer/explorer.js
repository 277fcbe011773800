/* Explorer: search, draw a neighbourhood, expand on click, highlight a shortest path,
   filter by type, and a chart of filings by province. Talks only to this server. */
(() => {
  const status = document.getElementById('status');
  const setStatus = (state) => {
    status.dataset.state = state;
  };
  let categories = [];
  const picked = [];
  // The graph as of a date: the slider steps month by month from the first batch (2023-08);
  // its last position is "all" (no date). Everything drawn afterwards uses the same date.
  let asOf = null;
  let centre = null;
  const asOfParam = () => (asOf ? `&asOf=${asOf}` : '');

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
          // Labels centred on their node, as the server's layout places them apart.
          'text-valign': 'center',
          'text-outline-color': '#fff',
          'text-outline-width': 2,
        },
      },
      {
        selector: 'edge',
        style: {
          // Labels on hover only (edge.hover): with every caption drawn, labels pile up.
          label: '',
          'font-size': 8,
          width: 1,
          'curve-style': 'bezier',
          'target-arrow-shape': 'triangle',
          'line-color': '#bbb',
          'target-arrow-color': '#bbb',
        },
      },
      { selector: '.picked', style: { 'border-width': 3, 'border-color': '#333' } },
      {
        selector: 'edge.hover',
        style: {
          label: 'data(label)',
          'font-size': 10,
          'text-background-color': '#fff',
          'text-background-opacity': 0.9,
        },
      },
      { selector: 'edge.path', style: { 'line-color': '#d33', 'target-arrow-color': '#d33', width: 4, 'z-index': 10 } },
      { selector: 'node.path', style: { 'background-color': '#d33', 'border-width': 3, 'border-color': '#900' } },
      {
        selector: 'edge.evidence',
        style: { 'line-color': '#1a7f37', 'target-arrow-color': '#1a7f37', width: 4, 'z-index': 9 },
      },
      { selector: 'node.evidence', style: { 'border-width': 4, 'border-color': '#1a7f37' } },
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
    return added;
  }

  // After an expansion, the whole picture is laid out again by the server (ForceAtlas2 and no
  // overlapping labels, src/viz/layout.ts) from the ids on screen; past 200 nodes, by cose here.
  async function relayout() {
    const ids = cy.nodes().map((n) => n.id());
    if (ids.length > 200) {
      cy.layout({ name: 'cose', animate: false, randomize: false, fit: true, nodeDimensionsIncludeLabels: true }).run();
      return;
    }
    const placed = await feed(
      `/graph/subgraph?ids=${ids.map(encodeURIComponent).join(',')}${asOfParam()}&format=canonical`,
    );
    const at = new Map(placed.nodes.map((n) => [n.id, { x: n.x, y: n.y }]));
    cy.layout({ name: 'preset', positions: (n) => at.get(n.id()) ?? n.position(), fit: true, animate: false }).run();
  }

  async function draw(id) {
    setStatus('loading');
    centre = id;
    const url = `/graph/neighborhood/${encodeURIComponent(id)}?depth=1&limit=60${asOfParam()}`;
    const canonical = await feed(`${url}&format=canonical`);
    categories = canonical.categories;
    renderFilters();
    const data = await feed(`${url}&format=cytoscape`);
    merge(data);
    cy.layout({ name: 'preset', fit: true, animate: false }).run();
    if (isCompany(id)) await showPolicies(id).catch(failed);
    setStatus('drawn');
  }

  /** Marks the nodes of a path, in order, and the edge between each two (either direction), with a class. */
  function markPath(ids, cls) {
    ids.forEach((id, i) => {
      cy.getElementById(id).addClass(cls);
      if (i > 0)
        cy.edges()
          .filter(
            (e) =>
              (e.source().id() === ids[i - 1] && e.target().id() === id) ||
              (e.source().id() === id && e.target().id() === ids[i - 1]),
          )
          .addClass(cls);
    });
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

  // The company policies panel: the policies that apply to the selected company, by rule
  // (src/policy/applicability.ts), each with its reason; choosing one highlights its evidence.
  const RULE_NAMES = { NAMED: '点名 named', SUBJECT: '主题 subject', LOCAL: '属地 local', NATIONAL: '全国 national' };
  let policyCompany = null;
  async function showPolicies(id) {
    const list = document.getElementById('policies');
    const head = document.getElementById('policy-company');
    const data = await gql(
      `query($id: ID!, $d: Date) { company(id: $id) { name policies(asOf: $d) { rule score reason reasonEn
         target { id name } matches { rule basis evidence { nodes { id } } } } } }`,
      { id, d: asOf },
    );
    if (!data.company) return;
    policyCompany = id;
    list.replaceChildren();
    const links = data.company.policies;
    head.textContent = links.length
      ? `${data.company.name}${asOf ? `（截至 as of ${asOf}）` : ''}`
      : `${data.company.name}: 无适用政策 / no policy applies${asOf ? ` as of ${asOf}` : ''}`;
    let first = null;
    links.forEach((link, i) => {
      const li = document.createElement('li');
      li.tabIndex = 0;
      li.dataset.policy = link.target.id;
      li.dataset.rule = link.rule;
      const badge = document.createElement('span');
      badge.className = `rule rule-${link.rule}`;
      badge.textContent = RULE_NAMES[link.rule] ?? link.rule;
      const reason = document.createElement('span');
      reason.className = 'reason';
      reason.textContent = link.reason;
      reason.title = link.reasonEn;
      li.append(badge, link.target.name, reason);
      const choose = () => highlightEvidence(link, li, true).catch(failed);
      li.addEventListener('click', choose);
      li.addEventListener('keydown', (event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          choose();
        }
      });
      list.appendChild(li);
      if (i === 0) first = () => highlightEvidence(link, li, false);
    });
    // The strongest policy's evidence is shown at once; the caller says when all is drawn.
    if (first) await first();
  }

  async function highlightEvidence(link, item, announce) {
    if (announce) setStatus('evidence');
    for (const li of document.querySelectorAll('#policies li')) li.classList.toggle('selected', li === item);
    const segments = link.matches[0].evidence.map((path) => path.nodes.map((n) => n.id));
    const ids = [...new Set([...segments.flat(), link.target.id])];
    if (merge(await feed(`/graph/subgraph?ids=${ids.map(encodeURIComponent).join(',')}&format=cytoscape`)).length)
      await relayout();
    cy.elements().removeClass('evidence');
    for (const nodes of segments) markPath(nodes, 'evidence');
    cy.getElementById(link.target.id).addClass('evidence');
    if (announce) setStatus('policies-shown');
  }

  function failed(error) {
    document.getElementById('policy-company').textContent = `出错 error: ${error.message}`;
    setStatus('error');
  }

  const isCompany = (id) => cy.getElementById(id).data('type') === 'Company';

  cy.on('mouseover', 'edge', (event) => event.target.addClass('hover'));
  cy.on('mouseout', 'edge', (event) => event.target.removeClass('hover'));

  // The detail panel: what the graph knows of a clicked entity, built as text (never markup).
  async function showDetail(id) {
    const box = document.getElementById('detail');
    const data = await gql(
      `query($id: ID!) { node(id: $id) { ... on Entity { __typename name nameEn key aliases
         sources { key title } claims { metric value valueText asOf source { key } } } }
         conflicts { kind description subjects { id } } }`,
      { id },
    );
    const e = data.node;
    box.replaceChildren();
    if (!e) return;
    const line = (label, text) => {
      const p = document.createElement('p');
      const b = document.createElement('b');
      b.textContent = `${label}: `;
      p.append(b, text);
      box.appendChild(p);
    };
    line('名称 Name', `${e.name}${e.nameEn ? ` (${e.nameEn})` : ''}`);
    line('类型 Type', e.__typename);
    line('键 Key', e.key);
    if (e.aliases.length) line('别名 Aliases', e.aliases.join('、'));
    line('来源 Sources', e.sources.map((s) => s.title).join('；') || '—');
    line(
      '数据 Claims',
      e.claims
        .map((c) => `${c.metric} ${c.value ?? c.valueText ?? ''}${c.asOf ? ` @${c.asOf}` : ''} [${c.source.key}]`)
        .join('；') || '—',
    );
    const conflicts = (data.conflicts ?? []).filter((c) => c.subjects.some((x) => x.id === id));
    line('冲突 Conflicts', conflicts.map((c) => `${c.kind}: ${c.description}`).join('；') || '—');
    box.dataset.entity = id;
  }

  cy.on('tap', 'node', async (event) => {
    const node = event.target;
    showDetail(node.id()).catch((error) => {
      document.getElementById('detail').textContent = error.message;
    });
    picked.push(node.id());
    if (picked.length > 2) cy.getElementById(picked.shift()).removeClass('picked');
    node.addClass('picked');
    document.getElementById('picked').textContent = picked.map((id) => cy.getElementById(id).data('label')).join(' → ');
    setStatus('expanding');
    const added = merge(
      await feed(
        `/graph/neighborhood/${encodeURIComponent(node.id())}?depth=1&limit=40${asOfParam()}&format=cytoscape`,
      ),
    );
    if (added.length) await relayout();
    if (isCompany(node.id())) await showPolicies(node.id()).catch(failed);
    setStatus('expanded');
  });

  document.getElementById('path-button').addEventListener('click', async () => {
    if (picked.length < 2) return;
    setStatus('path');
    cy.elements().removeClass('path');
    // Paths keep the walk rules unless the user asks otherwise; such a path is labelled as such.
    const walk = document.getElementById('path-unrestricted').checked ? 'UNRESTRICTED' : 'MEANINGFUL';
    const data = await gql(
      'query($a: ID!, $b: ID!, $w: PathWalk, $d: Date) { shortestPath(from: $a, to: $b, maxHops: 6, walk: $w, asOf: $d) { walk explanation explanationEn nodes { id } } }',
      { a: picked[0], b: picked[1], w: walk, d: asOf },
    );
    const path = data.shortestPath;
    const out = document.getElementById('explanation');
    if (!path) {
      out.textContent =
        walk === 'MEANINGFUL'
          ? '6 跳内无合乎含义的路径 / no meaningful path within 6 hops (try unrestricted)'
          : '6 跳内无路径 / no path within 6 hops';
      setStatus('no-path');
      return;
    }
    const ids = path.nodes.map((n) => n.id);
    if (merge(await feed(`/graph/subgraph?ids=${ids.map(encodeURIComponent).join(',')}&format=cytoscape`)).length)
      await relayout();
    markPath(ids, 'path');
    const label = path.walk === 'UNRESTRICTED' ? '[不限含义 unrestricted] ' : '';
    out.textContent = label + path.explanation;
    out.title = label + path.explanationEn;
    setStatus('path-shown');
  });

  const chart = echarts.init(document.getElementById('chart'));
  async function drawChart() {
    const data = await gql(
      'query($d: Date) { filingsByRegion(rankBy: STATED, asOf: $d) { asOf rows { label counted statedCount } } }',
      { d: asOf },
    );
    const rows = data.filingsByRegion.rows;
    chart.setOption({
      tooltip: {},
      legend: { data: ['报告 stated', '名单 counted'] },
      textStyle: { fontFamily: 'Noto Sans CJK SC, WenQuanYi Zen Hei, sans-serif' },
      grid: { left: 40, right: 10, top: 30, bottom: 60 },
      xAxis: { type: 'category', data: rows.map((r) => r.label), axisLabel: { interval: 0, rotate: 30 } },
      yAxis: { type: 'value' },
      series: [
        { name: '报告 stated', type: 'bar', data: rows.map((r) => r.statedCount) },
        { name: '名单 counted', type: 'bar', data: rows.map((r) => r.counted) },
      ],
    });
    document.getElementById('chart').dataset.ready = 'true';
  }
  drawChart();

  // Months from the first batch (2023-08) to this month; the slider's last stop is "all".
  const months = [];
  for (let d = new Date(Date.UTC(2023, 7, 1)); d <= new Date(); d.setUTCMonth(d.getUTCMonth() + 1))
    months.push(d.toISOString().slice(0, 7));
  const slider = document.getElementById('as-of');
  slider.max = String(months.length);
  slider.value = slider.max;
  const lastDay = (month) => {
    const [y, m] = month.split('-').map(Number);
    return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  };
  async function applyAsOf() {
    const i = Number(slider.value);
    asOf = i < months.length ? lastDay(months[i]) : null;
    document.getElementById('as-of-label').textContent = asOf ? months[i] : '全部 all';
    setStatus('as-of-loading');
    await drawChart();
    if (centre) {
      cy.elements().remove();
      await draw(centre);
    }
    if (policyCompany && policyCompany !== centre) await showPolicies(policyCompany).catch(failed);
    setStatus('as-of-shown');
  }
  slider.addEventListener('change', applyAsOf);
  let playing = null;
  document.getElementById('as-of-play').addEventListener('click', () => {
    if (playing) {
      clearInterval(playing);
      playing = null;
      return;
    }
    slider.value = '0';
    applyAsOf();
    playing = setInterval(() => {
      if (Number(slider.value) >= months.length) {
        clearInterval(playing);
        playing = null;
        return;
      }
      slider.value = String(Number(slider.value) + 1);
      applyAsOf();
    }, 800);
  });

  window.__explorer = { cy };
})();
