/* Explorer: search, draw a neighbourhood, expand on click, highlight a shortest path,
   filter by type, and a chart of filings by province. Talks only to this server.
   The view (centre, expansions, path, date, search) lives in the address bar: opening the
   same address draws the same picture. */
(() => {
  const status = document.getElementById('status');
  const setStatus = (state) => {
    status.dataset.state = state;
  };
  /** What the page says about an empty or failed step (never silence, never a stuck status). */
  const say = (text, kind = 'info') => {
    const box = document.getElementById('message');
    box.textContent = text;
    box.dataset.kind = kind;
  };
  /** Every node label's size on screen, in pixels (see declutter). */
  const LABEL_PX = 12;
  let categories = [];
  let picked = [];
  // The graph as of a date: the slider steps month by month from the first batch (2023-08);
  // its last position is "all" (no date). Everything drawn afterwards uses the same date.
  let asOf = null;
  let centre = null;
  /** Nodes expanded by a click, in order: kept across date changes and in the address. */
  let expanded = [];
  /** The two ends of the path shown, and how it walked. */
  let pathEnds = null;
  let walk = 'MEANINGFUL';
  let query = '';
  const asOfParam = () => (asOf ? `&asOf=${asOf}` : '');

  /** The view in the address bar (#c=…&x=…&p=…&w=…&d=…&q=…), replaced at each change. */
  function writeUrl() {
    const params = new URLSearchParams();
    if (query) params.set('q', query);
    if (centre) params.set('c', centre);
    if (expanded.length) params.set('x', expanded.join(','));
    if (pathEnds) params.set('p', pathEnds.join(','));
    if (walk !== 'MEANINGFUL') params.set('w', walk);
    if (asOf) params.set('d', asOf.slice(0, 7));
    const hash = params.toString();
    history.replaceState(null, '', hash ? `#${hash}` : location.pathname);
  }

  /** Undo: the canvas and the view before each change (the last 20). */
  const undoStack = [];
  function remember() {
    undoStack.push({
      elements: cy.elements().jsons(),
      view: { centre, expanded: [...expanded], pathEnds, walk, query },
    });
    if (undoStack.length > 20) undoStack.shift();
    document.getElementById('undo').disabled = false;
  }

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
          // Labels draw at LABEL_PX on screen whatever the zoom (declutter() decides which show).
          'font-size': (ele) => LABEL_PX / ele.cy().zoom(),
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
      // The path in near-black: no entity type is drawn in it (Cluster is red, Policy orange).
      {
        selector: 'edge.path',
        style: { 'line-color': '#1f2937', 'target-arrow-color': '#1f2937', width: 5, 'z-index': 10 },
      },
      { selector: 'node.path', style: { 'border-width': 5, 'border-color': '#1f2937' } },
      {
        selector: 'edge.evidence',
        style: { 'line-color': '#1a7f37', 'target-arrow-color': '#1a7f37', width: 4, 'z-index': 9 },
      },
      { selector: 'node.evidence', style: { 'border-width': 4, 'border-color': '#1a7f37' } },
      { selector: '.hidden', style: { display: 'none' } },
      // A label declutter() left out: the node stays, its name shows on hover, on selection, or zoomed in.
      { selector: 'node.unlabelled', style: { label: '' } },
      {
        selector: 'node.unlabelled:selected, node.unlabelled.picked, node.unlabelled.path',
        style: { label: 'data(label)' },
      },
    ],
    layout: { name: 'preset' },
  });

  /**
   * Labels at a readable size at any zoom and any number of nodes: every label is drawn at
   * LABEL_PX on screen, and where two would overlap the more connected node keeps its label
   * (greedy: picked and path nodes first, then most relationships first); the others show theirs
   * on hover or when zoomed in.
   */
  function declutter() {
    // Measured as Cytoscape draws them: every label on, then each box read.
    cy.nodes().removeClass('unlabelled');
    cy.style().update();
    const placed = [];
    const first = (n) => (n.hasClass('picked') || n.hasClass('path') ? 1 : 0);
    const nodes = cy
      .nodes(':visible')
      .sort((a, b) => first(b) - first(a) || b.data('degree') - a.data('degree') || a.id().localeCompare(b.id()));
    const hide = [];
    for (const n of nodes) {
      const box = n.renderedBoundingBox({ includeLabels: true, includeNodes: false, includeOverlays: false });
      // Two pixels of air between labels.
      const free = !placed.some(
        (b) => box.x1 < b.x2 + 2 && b.x1 < box.x2 + 2 && box.y1 < b.y2 + 2 && b.y1 < box.y2 + 2,
      );
      if (free) placed.push(box);
      else hide.push(n);
    }
    cy.batch(() => {
      for (const n of hide) n.addClass('unlabelled');
    });
  }
  let declutterTimer = null;
  cy.on('viewport', () => {
    clearTimeout(declutterTimer);
    declutterTimer = setTimeout(declutter, 60);
  });
  // A hidden label shows while the pointer is on its node (drawn over the others, for that moment).
  cy.on('mouseover', 'node', (event) => event.target.addClass('hovered'));
  cy.on('mouseout', 'node', (event) => event.target.removeClass('hovered'));

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
    updateCounts();
    return added;
  }

  /** The legend's counts: how many nodes of each type the canvas holds. */
  function updateCounts() {
    for (const input of document.querySelectorAll('#filters input')) {
      const n = cy.nodes().filter((node) => node.data('type') === input.dataset.type).length;
      input.parentElement.querySelector('.count').textContent = ` (${n})`;
    }
  }

  /** Fits the picture, but never zooms a small one past 1.5 (two nodes are not drawn with 40 px labels). */
  function fitView() {
    cy.fit(undefined, 30);
    if (cy.zoom() > 1.5) {
      cy.zoom(1.5);
      cy.center();
    }
    declutter();
  }

  // After an expansion, the whole picture is laid out again by the server (ForceAtlas2 and no
  // overlapping labels, src/viz/layout.ts) from the ids on screen; past 200 nodes, by cose here.
  async function relayout() {
    const ids = cy.nodes().map((n) => n.id());
    if (ids.length > 200) {
      cy.layout({
        name: 'cose',
        animate: false,
        randomize: false,
        fit: false,
        nodeDimensionsIncludeLabels: true,
      }).run();
      fitView();
      return;
    }
    const placed = await feed(
      `/graph/subgraph?ids=${ids.map(encodeURIComponent).join(',')}${asOfParam()}&format=canonical`,
    );
    const at = new Map(placed.nodes.map((n) => [n.id, { x: n.x, y: n.y }]));
    cy.layout({ name: 'preset', positions: (n) => at.get(n.id()) ?? n.position(), fit: false, animate: false }).run();
    fitView();
  }

  /** A new centre replaces the canvas (a second search never lies over the first). */
  async function draw(id, { keep = false } = {}) {
    setStatus('loading');
    say('');
    try {
      const url = `/graph/neighborhood/${encodeURIComponent(id)}?depth=1&limit=60${asOfParam()}`;
      const canonical = await feed(`${url}&format=canonical`);
      categories = canonical.categories;
      renderFilters();
      const data = await feed(`${url}&format=cytoscape`);
      if (!keep) {
        remember();
        expanded = [];
        pathEnds = null;
        clearPicked();
        document.getElementById('explanation').textContent = '';
      }
      centre = id;
      cy.elements().remove();
      merge(data);
      cy.layout({ name: 'preset', fit: false, animate: false }).run();
      fitView();
      writeUrl();
      if (isCompany(id)) await showPolicies(id).catch(failed);
      else clearPolicies();
      setStatus('drawn');
    } catch (error) {
      say(`无法绘制 / could not draw: ${error.message}`, 'error');
      setStatus('error');
    }
  }

  function clearPicked() {
    for (const id of picked) cy.getElementById(id).removeClass('picked');
    picked = [];
    document.getElementById('picked').textContent = '—';
  }

  function clearPolicies() {
    policyCompany = null;
    document.getElementById('policies').replaceChildren();
    document.getElementById('policy-company').textContent = '选择一家公司 / select a company';
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
      const count = document.createElement('span');
      count.className = 'count';
      label.append(input, ' ', dot, ` ${c.name}`, count);
      box.appendChild(label);
    }
    box.addEventListener('change', applyFilters);
    updateCounts();
  }

  function applyFilters() {
    const off = [...document.querySelectorAll('#filters input:not(:checked)')].map((i) => i.dataset.type);
    cy.nodes().forEach((n) => {
      n.toggleClass('hidden', off.includes(n.data('type')));
    });
  }

  async function search(text) {
    query = text;
    setStatus('searching');
    say('');
    const list = document.getElementById('results');
    list.replaceChildren();
    try {
      const data = await gql('query($t: String!) { search(text: $t, first: 15) { node { __typename id name } } }', {
        t: text,
      });
      for (const hit of data.search) {
        const li = document.createElement('li');
        // A button: reachable with Tab, chosen with Enter or Space.
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'result';
        button.textContent = `${hit.node.name} (${hit.node.__typename})`;
        button.addEventListener('click', () => draw(hit.node.id));
        li.appendChild(button);
        list.appendChild(li);
      }
      if (data.search[0]) await draw(data.search[0].node.id);
      else {
        const li = document.createElement('li');
        li.className = 'empty';
        li.textContent = `无结果 / nothing matches “${text}”`;
        list.appendChild(li);
        say(`无结果 / nothing matches “${text}”: try a shorter name, English, or pinyin`);
        writeUrl();
        setStatus('no-results');
      }
    } catch (error) {
      const li = document.createElement('li');
      li.className = 'empty';
      li.textContent = error.message;
      list.replaceChildren(li);
      say(`搜索失败 / search failed: ${error.message}`, 'error');
      setStatus('error');
    }
  }

  document.getElementById('search-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const text = document.getElementById('search').value.trim();
    if (!text) {
      say('输入名称 / type a name to search');
      return;
    }
    search(text);
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

  /** Adds a node's neighbours (as of the date shown); false when the feed failed. */
  async function expand(id) {
    const added = merge(
      await feed(`/graph/neighborhood/${encodeURIComponent(id)}?depth=1&limit=40${asOfParam()}&format=cytoscape`),
    );
    if (added.length) await relayout();
    return added.length;
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
    say('');
    try {
      remember();
      await expand(node.id());
      if (node.id() !== centre && !expanded.includes(node.id())) expanded.push(node.id());
      writeUrl();
      if (isCompany(node.id())) await showPolicies(node.id()).catch(failed);
      setStatus('expanded');
    } catch (error) {
      say(`展开失败 / could not expand ${node.data('label')}: ${error.message}`, 'error');
      setStatus('error');
    }
  });

  // Right-click dismisses a node (and what only it held); undo brings it back.
  cy.on('cxttap', 'node', (event) => {
    const node = event.target;
    remember();
    const id = node.id();
    node.remove();
    cy.nodes()
      .filter((n) => n.degree(false) === 0 && n.id() !== centre)
      .remove();
    expanded = expanded.filter((x) => x !== id && cy.getElementById(x).nonempty());
    picked = picked.filter((x) => x !== id);
    if (id === centre) centre = cy.nodes()[0]?.id() ?? null;
    updateCounts();
    writeUrl();
    setStatus('dismissed');
  });

  document.getElementById('path-button').addEventListener('click', async () => {
    if (picked.length < 2) {
      say('先点击两个节点 / click two nodes first, then ask for the path');
      setStatus('path-needs-two');
      return;
    }
    // Paths keep the walk rules unless the user asks otherwise; such a path is labelled as such.
    walk = document.getElementById('path-unrestricted').checked ? 'UNRESTRICTED' : 'MEANINGFUL';
    remember();
    await showPath([picked[0], picked[1]]).catch((error) => {
      say(`路径失败 / path failed: ${error.message}`, 'error');
      setStatus('error');
    });
  });

  async function showPath([a, b]) {
    setStatus('path');
    say('');
    pathEnds = [a, b];
    writeUrl();
    cy.elements().removeClass('path');
    const data = await gql(
      'query($a: ID!, $b: ID!, $w: PathWalk, $d: Date) { shortestPath(from: $a, to: $b, maxHops: 6, walk: $w, asOf: $d) { walk explanation explanationEn nodes { id } } }',
      { a, b, w: walk, d: asOf },
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
  }

  const chart = echarts.init(document.getElementById('chart'));
  window.addEventListener('resize', () => {
    chart.resize();
    cy.resize();
  });
  async function drawChart() {
    const data = await gql(
      'query($d: Date) { filingsByRegion(rankBy: STATED, asOf: $d) { asOf rows { label counted statedCount } } }',
      { d: asOf },
    );
    const rows = data.filingsByRegion.rows;
    chart.setOption({
      tooltip: {},
      legend: { data: ['报告 stated', '名单 counted'], top: 0, right: 10 },
      textStyle: { fontFamily: 'Noto Sans CJK SC, WenQuanYi Zen Hei, sans-serif' },
      grid: { left: 40, right: 10, top: 28, bottom: 72 },
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
  /**
   * The same view as of another date: the centre and every expansion fetched first, then the
   * canvas swapped in one batch (never blank between two dates), the path asked again.
   */
  async function rebuild() {
    if (!centre) return;
    const urls = [centre, ...expanded].map(
      (id, i) =>
        `/graph/neighborhood/${encodeURIComponent(id)}?depth=1&limit=${i === 0 ? 60 : 40}${asOfParam()}&format=cytoscape`,
    );
    // An entity that did not exist yet at that date has no neighbourhood: left out, not an error.
    const feeds = (await Promise.all(urls.map((u) => feed(u).catch(() => null)))).filter(Boolean);
    const nodes = new Map();
    const edges = new Map();
    for (const f of feeds) {
      for (const n of f.elements.nodes) nodes.set(n.data.id, n);
      for (const e of f.elements.edges) edges.set(e.data.id, e);
    }
    const color = (n) => categories[n.data.categoryIndex]?.color || '#888';
    const positions = new Map(cy.nodes().map((n) => [n.id(), { ...n.position() }]));
    cy.batch(() => {
      cy.elements().remove();
      cy.add([
        ...[...nodes.values()].map((n) => ({
          ...n,
          data: { ...n.data, color: color(n) },
          position: positions.get(n.data.id) ?? n.position,
        })),
        ...[...edges.values()].filter((e) => nodes.has(e.data.source) && nodes.has(e.data.target)),
      ]);
      for (const id of picked) cy.getElementById(id).addClass('picked');
    });
    applyFilters();
    updateCounts();
    if (cy.nodes().length) await relayout();
    if (pathEnds && cy.getElementById(pathEnds[0]).nonempty() && cy.getElementById(pathEnds[1]).nonempty())
      await showPath(pathEnds).catch(() => undefined);
  }

  async function applyAsOf() {
    const i = Number(slider.value);
    asOf = i < months.length ? lastDay(months[i]) : null;
    document.getElementById('as-of-label').textContent = asOf ? months[i] : '全部 all';
    setStatus('as-of-loading');
    try {
      await drawChart();
      await rebuild();
      if (policyCompany) await showPolicies(policyCompany).catch(failed);
      writeUrl();
      setStatus('as-of-shown');
    } catch (error) {
      say(`无法按日期绘制 / could not draw as of ${asOf ?? 'now'}: ${error.message}`, 'error');
      setStatus('error');
    }
  }
  slider.addEventListener('change', applyAsOf);
  // Replay: one month after another, each drawn before the next is asked for.
  let playing = false;
  const play = document.getElementById('as-of-play');
  play.addEventListener('click', async () => {
    if (playing) {
      playing = false;
      return;
    }
    playing = true;
    play.textContent = '■ 停止 Stop';
    for (let i = 0; i <= months.length && playing; i++) {
      slider.value = String(i);
      const started = Date.now();
      await applyAsOf();
      await new Promise((r) => setTimeout(r, Math.max(0, 800 - (Date.now() - started))));
    }
    playing = false;
    play.textContent = '▶ 回放 Replay';
  });

  // Clear, undo, export, edge captions.
  document.getElementById('clear').addEventListener('click', () => {
    remember();
    cy.elements().remove();
    centre = null;
    expanded = [];
    pathEnds = null;
    query = '';
    walk = 'MEANINGFUL';
    document.getElementById('path-unrestricted').checked = false;
    clearPicked();
    clearPolicies();
    document.getElementById('results').replaceChildren();
    document.getElementById('explanation').textContent = '';
    updateCounts();
    writeUrl();
    say('已清空 / cleared (undo brings it back)');
    setStatus('cleared');
  });
  document.getElementById('undo').addEventListener('click', async () => {
    const last = undoStack.pop();
    if (!last) return;
    cy.elements().remove();
    cy.add(last.elements);
    ({ centre, walk, query } = last.view);
    expanded = last.view.expanded;
    pathEnds = last.view.pathEnds;
    clearPicked();
    applyFilters();
    updateCounts();
    fitView();
    writeUrl();
    document.getElementById('undo').disabled = undoStack.length === 0;
    setStatus('undone');
  });
  const download = (name, href) => {
    const a = document.createElement('a');
    a.href = href;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
  };
  const fileName = (ext) => `cac-graph-${(asOf ?? 'all').slice(0, 7)}.${ext}`;
  document.getElementById('export-png').addEventListener('click', () => {
    if (!cy.nodes().length) return say('画布为空 / nothing to export: search first');
    download(fileName('png'), cy.png({ full: true, scale: 2, bg: '#ffffff', output: 'base64uri' }));
    setStatus('exported');
  });
  const xml = (text) =>
    String(text ?? '').replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]);
  document.getElementById('export-graphml').addEventListener('click', () => {
    if (!cy.nodes().length) return say('画布为空 / nothing to export: search first');
    // GraphML with yEd/Gephi-readable keys: label, type, colour and position, as on screen.
    const lines = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
      '<key id="label" for="all" attr.name="label" attr.type="string"/>',
      '<key id="type" for="all" attr.name="type" attr.type="string"/>',
      '<key id="color" for="node" attr.name="color" attr.type="string"/>',
      '<key id="x" for="node" attr.name="x" attr.type="double"/>',
      '<key id="y" for="node" attr.name="y" attr.type="double"/>',
      `<graph id="view" edgedefault="directed">`,
    ];
    for (const n of cy.nodes())
      lines.push(
        `<node id="${xml(n.id())}"><data key="label">${xml(n.data('label'))}</data><data key="type">${xml(n.data('type'))}</data><data key="color">${xml(n.data('color'))}</data><data key="x">${n.position().x.toFixed(1)}</data><data key="y">${n.position().y.toFixed(1)}</data></node>`,
      );
    for (const e of cy.edges())
      lines.push(
        `<edge id="${xml(e.id())}" source="${xml(e.source().id())}" target="${xml(e.target().id())}"><data key="label">${xml(e.data('label'))}</data><data key="type">${xml(e.data('type'))}</data></edge>`,
      );
    lines.push('</graph>', '</graphml>');
    download(fileName('graphml'), `data:application/xml;charset=utf-8,${encodeURIComponent(lines.join('\n'))}`);
    setStatus('exported');
  });
  document.getElementById('edge-captions').addEventListener('change', (event) => {
    cy.edges().toggleClass('captioned', event.target.checked);
    cy.style()
      .selector('edge')
      .style('label', event.target.checked ? 'data(label)' : '')
      .update();
  });

  /** Opens the view the address names: search, centre, expansions, date, path. */
  async function restore() {
    const params = new URLSearchParams(location.hash.slice(1));
    if (!params.toString()) return;
    setStatus('restoring');
    const month = params.get('d');
    if (month && months.includes(month)) {
      slider.value = String(months.indexOf(month));
      asOf = lastDay(month);
      document.getElementById('as-of-label').textContent = month;
      await drawChart();
    }
    walk = params.get('w') === 'UNRESTRICTED' ? 'UNRESTRICTED' : 'MEANINGFUL';
    document.getElementById('path-unrestricted').checked = walk === 'UNRESTRICTED';
    const q = params.get('q');
    const c = params.get('c');
    if (q) {
      document.getElementById('search').value = q;
      if (!c) return search(q);
      query = q;
    }
    if (!c) return setStatus('restored');
    await draw(c, { keep: true });
    for (const id of (params.get('x') ?? '').split(',').filter(Boolean)) {
      try {
        await expand(id);
        expanded.push(id);
      } catch {
        say(`无法展开 / could not expand ${id}`, 'error');
      }
    }
    const ends = (params.get('p') ?? '').split(',').filter(Boolean);
    if (ends.length === 2) {
      picked = ends;
      for (const id of picked) cy.getElementById(id).addClass('picked');
      await showPath(ends).catch(() => undefined);
    }
    writeUrl();
    setStatus('restored');
  }
  restore();

  window.__explorer = { cy, declutter };
})();
