/* Folio search widget. No dependencies, no build step.
 *   <script src="https://search.example.com/folio.js" defer></script>
 *   <folio-search endpoint="https://search.example.com"></folio-search>
 * Attributes: endpoint (default: where this script was loaded from), mode="inline"|"modal",
 * placeholder (="auto": from the index's tags), label, per-page,
 * facets="tags,categories,year"|"none" (any taxonomy of the index), recent-searches="off",
 * sync-url="on", empty="all" (list every article for an empty query), base-url (for hit links),
 * theme="light"|"dark", strings='{"filters": "Refine"}' (any UI string, see EN below).
 * Styles come from folio.css beside this script, inside a shadow root. The UI speaks the language
 * of the element's lang (or its nearest ancestor's): English is below, the others are loaded from
 * folio-i18n/<lang>.json beside this script. Every API call goes through FolioSearch#api(). */
(() => {
  'use strict';
  if (!window.customElements || customElements.get('folio-search')) return;

  const script = document.currentScript;
  const HERE = new URL('.', (script && script.src) || location.href).href;
  // Facet field -> the /api/search filter parameter that selects its values; a configured taxonomy
  // (topics) is its own parameter.
  const PARAM = {tags: 'tags', categories: 'category', year: 'year', authors: 'author',
    series: 'series', keywords: 'keywords', section: 'section', lang: 'lang'};
  const SORTS = ['relevance', 'newest'];
  // Every UI string. {0}, {1} are filled in; an object is chosen from by Intl.PluralRules
  // (one, few, many, other...). Facet legends are keyed by the facet's name.
  const EN = {
    search: 'Search', searchArticles: 'Search articles', results: 'Search results', recent: 'Recent searches',
    clear: 'Clear', close: 'close search', ctrl: 'Ctrl', filters: 'Filters', filtersOn: 'Filters ({0})',
    clearAll: 'Clear all', sortBy: 'Sort by', relevance: 'Relevance', newest: 'Newest',
    count: {one: '{0} result', other: '{0} results'}, about: {one: 'About {0} result', other: 'About {0} results'},
    showing: '{0}, showing {1}', more: {one: 'Load more ({0} more result)', other: 'Load more ({0} more results)'},
    noResults: 'No results', noResultsFor: 'No results for “{0}”', noMatch: 'No articles match these filters.',
    didYouMean: 'Did you mean {0}?', showingFor: 'Showing results for {0}', sectionOf: 'Section of {0}',
    removeFilters: 'Remove filters', removeTip: '{0} to search every article.',
    spelling: 'Check the spelling, or try fewer or more general words.', popular: 'Popular tags:',
    busy: 'Too many searches: wait a moment, then type again', unavailable: 'Search is unavailable right now',
    tags: 'Tags', categories: 'Categories', year: 'Year', authors: 'Authors', series: 'Series',
    keywords: 'Keywords', section: 'Sections', lang: 'Language', showMore: 'Show {0} more', showLess: 'Show less',
    open: 'to open', move: 'to move', toClose: 'to close', tryTags: 'Search: try {0}', or: ' or ',
  };
  const LANGS = 'ar bn de es fr he hi id it ja ko pl pt ru tr uk ur vi zh-cn zh-tw'.split(' ');
  const RTL = /^(ar|arc|ckb|dv|fa|he|iw|ps|sd|ug|ur|yi)(-|$)/;
  const FACET_SHOWN = 10;  // values of a facet shown before "Show more"
  const instances = [];

  // h('a', {class: 'x', href: '/', text: 'hi', onclick: f}, child...) -> element
  function h(tag, props, ...kids) {
    const el = document.createElement(tag);
    for (const k in props) {
      const v = props[k];
      if (v == null || v === false) continue;
      if (k === 'text') el.textContent = v;
      else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
      else el.setAttribute(k, v === true ? '' : v);
    }
    for (const c of kids.flat()) if (c != null && c !== false) el.append(c);
    return el;
  }

  // The API sends `title` and `snippet` escaped, with <mark> around matches. Parse them in an inert
  // template and keep nothing but text and bare <mark> elements, whatever the server sent.
  function marked(html) {
    const t = document.createElement('template');
    t.innerHTML = html;
    for (const el of [...t.content.querySelectorAll('*')].reverse()) {
      if (el.tagName !== 'MARK') el.replaceWith(el.textContent);
      else for (const a of [...el.attributes]) el.removeAttribute(a.name);
    }
    return t.content;
  }

  function formatDate(iso, locale) {
    const m = /^(\d{4})-(\d\d)-(\d\d)/.exec(iso || '');
    if (!m) return null;
    const opts = {year: 'numeric', month: 'short', day: 'numeric'};
    try {
      return new Date(+m[1], m[2] - 1, +m[3]).toLocaleDateString(locale, opts);
    } catch (e) {
      return m[0];
    }
  }

  const same = (a, b) => String(a).toLowerCase() === String(b).toLowerCase();
  // A raw slug as a reader would write it: "plain-language" -> "Plain language"; other values as they are.
  const display = (v) => /^[a-z0-9]+(-[a-z0-9]+)+$/.test(v) ? v[0].toUpperCase() + v.slice(1).replace(/-/g, ' ') : String(v);
  const paramOf = (name) => PARAM[name] || name;

  // The lang of the element or of its nearest ancestor, across shadow roots: "pt-BR", or ''.
  function langOf(el) {
    for (let n = el; n; n = n.parentElement || n.getRootNode().host) {
      if (n.hasAttribute('lang')) return n.getAttribute('lang').trim();
    }
    return '';
  }

  // "pt-BR" -> "pt", "zh-Hant" and "zh-HK" -> "zh-tw", "zh" and "zh-Hans-HK" -> "zh-cn", "nl" -> "en"
  function stringsLang(tag) {
    const t = tag.toLowerCase().replace(/_/g, '-');
    if (/^zh(-|$)/.test(t)) return /-(hant|tw|hk|mo)(-|$)/.test(t) && !/-hans(-|$)/.test(t) ? 'zh-tw' : 'zh-cn';
    const base = {iw: 'he', in: 'id'}[t.split('-')[0]] || t.split('-')[0];
    return LANGS.includes(t) ? t : LANGS.includes(base) ? base : 'en';
  }

  // One request per language and page, shared by every box; English (or a failure) is {}.
  const loaded = {en: Promise.resolve({})};
  const loadStrings = (code) => loaded[code] || (loaded[code] = fetch(`${HERE}folio-i18n/${code}.json`,
    {mode: 'cors', credentials: 'omit'}).then((res) => res.ok ? res.json() : {}).catch(() => ({})));

  // fill('Did you mean {0}?', node) -> ['Did you mean ', node, '?']: parts for append()
  const fill = (text, ...args) => String(text).split(/\{(\d)\}/).map((part, i) => i % 2 ? args[part] : part);

  function deepActive() {
    let a = document.activeElement;
    while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
    return a;
  }

  function editable(el) {
    return !!el && (el.isContentEditable || /^(TEXTAREA|SELECT)$/.test(el.tagName) ||
      (el.tagName === 'INPUT' && !/^(checkbox|radio|button|submit|reset)$/.test(el.type)));
  }

  const storage = {
    get(key) {
      try { return JSON.parse(localStorage.getItem(key)) || []; } catch (e) { return []; }
    },
    set(key, value) {
      try { localStorage.setItem(key, JSON.stringify(value)); } catch (e) { /* storage blocked */ }
    },
  };

  // Where answers come from: folio-server over HTTP, or with the `static` attribute the static
  // engine in a Web Worker (folio-worker.js of an exported bundle), which answers the same paths
  // with the same JSON. Each gives (path, query, signal) -> {status, body}.
  function httpTransport(endpoint) {
    return (path, query, signal) => fetch(`${endpoint}${path}${query ? '?' + query : ''}`,
      {mode: 'cors', credentials: 'omit', signal})
      .then(async (res) => ({status: res.status, body: await res.json().catch(() => null)}));
  }

  const workers = {};  // one worker per bundle, shared by every box on the page
  function workerTransport(base) {
    const pending = new Map();
    let next = 0;
    let failed = null;  // a worker that could not start answers every request with why
    const failure = () => ({status: 503, body: {error: {code: 'unavailable', message: failed}}});
    const fail = (message) => {
      failed = message;
      for (const done of pending.values()) done(failure());
      pending.clear();
    };
    const worker = new Worker(`${base}folio-worker.js`);
    worker.onmessage = ({data}) => {
      const done = pending.get(data.id);
      pending.delete(data.id);
      if (done) done({status: data.status, body: JSON.parse(data.body)});
    };
    worker.onerror = (e) => {
      e.preventDefault();
      fail(`${base}folio-worker.js: ${e.message || 'could not be started'}`);
    };
    const transport = (path, query, signal) => new Promise((resolve, reject) => {
      const id = ++next;
      const article = /^api\/articles\/(.+?)(\/related)?$/.exec(path);
      const endpoint = article ? (article[2] ? 'related' : 'article') : path.replace(/^api\//, '');
      const done = (answer) => signal && signal.aborted ?
        reject(new DOMException('aborted', 'AbortError')) : resolve(answer);
      if (failed) return done(failure());
      pending.set(id, done);
      worker.postMessage({id, endpoint, articleId: article ? decodeURIComponent(article[1]) : '', query: String(query || '')});
    });
    transport.static = true;
    return transport;
  }

  class FolioSearch extends HTMLElement {
    connectedCallback() {
      if (!instances.includes(this)) instances.push(this);
      if (this.shadowRoot) return;
      const attr = (name, fallback) => this.getAttribute(name) ?? fallback;
      this.endpoint = new URL(attr('endpoint', HERE), location.href).href.replace(/\/?$/, '/');
      this.mode = attr('mode') === 'modal' ? 'modal' : 'inline';
      this.perPage = Math.min(100, Math.max(1, parseInt(attr('per-page'), 10) || 10));
      const facets = attr('facets', 'tags,categories,year').trim();
      this.facetNames = facets === 'none' ? [] : facets.split(',').map((f) => f.trim()).filter((f) => /^\w[\w-]*$/.test(f));
      this.expanded = new Set();  // facets showing all their values
      this.remembers = attr('recent-searches') !== 'off';
      this.syncUrl = attr('sync-url') === 'on';
      this.listAll = attr('empty') === 'all';
      this.baseUrl = attr('base-url');
      this.recentKey = 'folio-recent:' + this.endpoint;
      const bundle = this.getAttribute('static');
      if (bundle !== null) {
        const base = new URL(bundle || '.', location.href).href.replace(/\/?$/, '/');
        this.transport = workers[base] || (workers[base] = workerTransport(base));
        this.recentKey = 'folio-recent:' + base;
      } else {
        this.transport = httpTransport(this.endpoint);
      }
      const tag = langOf(this);
      // (not this.lang or this.dir: those would set the element's attributes)
      this.code = stringsLang(tag);
      this.rtl = /^(ltr|rtl)$/.test(attr('dir')) ? attr('dir') === 'rtl' : RTL.test(tag.toLowerCase());
      for (const locale of [tag, this.code]) {
        try {  // Intl throws on what is not a language tag
          this.nf = new Intl.NumberFormat(locale);
          this.pr = new Intl.PluralRules(locale);
          this.locale = locale;
          break;
        } catch (e) { /* the next */ }
      }
      let own = {};
      try { own = JSON.parse(attr('strings', '{}')) || {}; } catch (e) { /* not JSON: ignored */ }
      this.s = {...EN, ...own};
      // searches wait for the strings before they show anything (see search())
      this.i18n = loadStrings(this.code).then((t) => {
        this.s = {...EN, ...t, ...own};
        this.relabel();
      });
      this.state = {q: '', sort: 'relevance', filters: {}};
      this.results = null;  // the last /api/search answer, hits of every loaded page
      this.error = null;
      this.options = [];    // [{el, query?}] in listbox order
      this.active = -1;
      this.seq = 0;
      this.pushNext = true;  // the next search typed starts a history entry
      this.build(attr);
      if (this.syncUrl) {
        this.onPop = () => { this.readUrl(); this.search({fromUrl: true}); };
        addEventListener('popstate', this.onPop);
        this.readUrl();
      }
      if (this.state.q || this.hasFilters() || this.listAll) this.search({fromUrl: true});
      // placeholder="auto": suggest what the index holds, its three most frequent tags
      if (attr('placeholder') === 'auto') {
        Promise.all([this.popularTags(), this.i18n]).then(([tags]) => {
          const few = tags.slice(0, 3);
          this.tags = few.length > 1 ? few.slice(0, -1).join(', ') + this.s.or + few[few.length - 1] : few[0];
          if (this.tags) this.relabel();
        });
      }
    }

    disconnectedCallback() {
      if (instances.includes(this)) instances.splice(instances.indexOf(this), 1);
    }

    build(attr) {
      const root = this.attachShadow({mode: 'open'});
      const css = h('link', {rel: 'stylesheet', href: HERE + 'folio.css'});
      const styled = new Promise((ready) => {
        css.addEventListener('load', ready);
        css.addEventListener('error', ready);
      });
      // shown once styled and speaking the page's language
      Promise.all([styled, this.i18n]).then(() => this.$root.classList.add('folio-ready'));
      const modal = this.mode === 'modal';

      this.$input = h('input', {
        id: 'folio-input', class: 'folio-input', part: 'input', type: 'search', role: 'combobox',
        'aria-expanded': 'false', 'aria-controls': 'folio-list', 'aria-autocomplete': 'list',
        autocomplete: 'off', autocapitalize: 'off', spellcheck: 'false', enterkeyhint: 'search',
        oninput: () => this.typed(), onkeydown: (e) => this.key(e), onfocus: () => this.idle(),
      });
      this.$list = h('div', {id: 'folio-list', class: 'folio-list', role: 'listbox', hidden: true,
        onclick: (e) => this.clicked(e), onmousedown: (e) => e.preventDefault(), onkeydown: (e) => this.listKey(e)});
      this.$recent = h('div', {class: 'folio-recent-head', hidden: true}, h('span'),
        h('button', {type: 'button', class: 'folio-link', onclick: () => this.forget()}));
      this.$facets = h('div', {class: 'folio-facets', role: 'group', hidden: true,
        onchange: (e) => this.toggled(e.target)});
      this.$notice = h('p', {class: 'folio-notice', hidden: true});
      this.$count = h('p', {class: 'folio-count'});
      this.$sort = h('select', {id: 'folio-sort', class: 'folio-select', onchange: () => {
        this.state.sort = this.$sort.value;
        this.search({push: true});
      }}, SORTS.map((value) => h('option', {value})));
      this.$sortBy = h('span');
      this.$head = h('div', {class: 'folio-head', hidden: true}, this.$count,
        h('label', {class: 'folio-sort', for: 'folio-sort'}, this.$sortBy, ' ', this.$sort));
      this.$empty = h('div', {class: 'folio-empty', hidden: true});
      this.$more = h('button', {type: 'button', class: 'folio-more', hidden: true,
        onclick: () => this.search({append: true})});
      // key hints, for keyboards only (hidden on touch screens by folio.css)
      this.$keys = h('p', {class: 'folio-keys', 'aria-hidden': 'true', hidden: true});
      this.$live = h('div', {class: 'folio-sr', role: 'status'});

      this.$label = h('label', {class: 'folio-sr', for: 'folio-input'});
      this.$close = modal && h('button', {type: 'button', class: 'folio-close', text: 'Esc', onclick: () => this.close()});
      const bar = h('div', {class: 'folio-bar', role: 'search'}, this.$label,
        icon(), this.$input, h('span', {class: 'folio-spinner', 'aria-hidden': 'true'}), this.$close);
      this.$results = h('div', {class: 'folio-results'}, this.$notice, this.$head, this.$recent, this.$list,
        this.$empty, this.$more);
      // results before the facets in the DOM, so Tab reaches them first; folio.css puts the facets beside them
      const panel = h('div', {class: 'folio-panel', onfocusout: (e) => {
        if (!panel.contains(e.relatedTarget) && !this.results) this.showRecent(false);
      }}, bar, h('div', {class: 'folio-body'}, this.$results, this.$facets), this.$keys, this.$live);

      if (modal) {
        this.mac = /Mac|iP(hone|ad)/.test(navigator.platform);
        this.$trigger = h('button', {type: 'button', class: 'folio-trigger', part: 'trigger', 'aria-haspopup': 'dialog',
          'aria-keyshortcuts': this.mac ? 'Meta+K /' : 'Control+K /', onclick: () => this.open()},
        icon(), h('span'), h('kbd', {'aria-hidden': 'true'}));
        this.$dialog = h('dialog', {class: 'folio-dialog', part: 'dialog',
          // close() restores focus itself; this covers a dialog closed by the browser.
          onclose: () => { if (this.returnTo) this.restoreFocus(); },
          onclick: (e) => { if (e.target === this.$dialog) this.close(); }}, panel);
      }
      this.$root = h('div', {class: `folio folio-${this.mode}`, part: 'root', dir: this.rtl ? 'rtl' : 'ltr'}, css,
        modal ? [this.$trigger, this.$dialog] : panel);
      root.append(h('style', {text: ':host{display:block}.folio:not(.folio-ready){visibility:hidden}'}), this.$root);
      this.relabel();
    }

    // The fixed strings; placeholder and label attributes win. Again when the language's strings arrive.
    relabel() {
      const s = this.s;
      const attr = (name, fallback) => this.getAttribute(name) ?? fallback;
      const ph = attr('placeholder', s.searchArticles);
      this.$input.placeholder = ph !== 'auto' ? ph : this.tags ? fill(s.tryTags, this.tags).join('') : s.searchArticles;
      this.$label.textContent = attr('label', s.searchArticles);
      this.$list.setAttribute('aria-label', s.results);
      this.$recent.firstChild.textContent = s.recent;
      this.$recent.lastChild.textContent = s.clear;
      this.$facets.setAttribute('aria-label', s.filters);
      for (const o of this.$sort.options) o.textContent = s[o.value];
      this.$keys.replaceChildren(...[['↵', s.open], ['↑↓', s.move], ...(this.$trigger ? [['Esc', s.toClose]] : [])].flatMap(([k, t]) =>
        [h('kbd', {text: k}), ' ' + t + ' ']));
      this.$sortBy.textContent = s.sortBy;
      if (this.$trigger) {
        this.$close.setAttribute('aria-label', 'Esc: ' + s.close);
        this.$trigger.children[1].textContent = attr('label', s.search);
        this.$trigger.children[2].textContent = this.mac ? '⌘K' : s.ctrl + ' K';
        this.$dialog.setAttribute('aria-label', attr('label', s.search));
      }
      if (this.results || this.error) this.render();
    }

    t(key, ...args) {
      return fill(this.s[key], ...args);
    }

    // the count formatted for the page's language, in the plural form the language needs
    plural(key, n) {
      const forms = this.s[key];
      const text = typeof forms === 'string' ? forms : forms[this.pr.select(n)] ?? forms.other;
      return fill(text, this.nf.format(n)).join('');
    }

    // --- public API -------------------------------------------------------------------------
    open() {
      if (this.mode === 'modal' && !this.$dialog.open) {
        this.returnTo = deepActive();
        this.$dialog.showModal();
      }
      this.$input.focus();
      this.$input.select();
    }

    close() {
      if (!this.$dialog || !this.$dialog.open) return;
      this.$dialog.close();
      this.restoreFocus();  // now, not in the 'close' event a task later
    }

    query(q) {
      this.$input.value = q;
      this.state.q = q;
      this.search({push: true});
    }

    // --- input ------------------------------------------------------------------------------
    // Adaptive debounce: about two answers' time after the last keystroke (40 to 300 ms), so a fast
    // server follows every pause in typing and a slow one is not sent a request per key.
    typed() {
      this.state.q = this.$input.value;
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.search({typing: true}), Math.min(300, 40 + 2 * (this.rtt ?? 40)));
    }

    key(e) {
      const n = this.options.length;
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        if (!n) return;
        e.preventDefault();
        const down = e.key === 'ArrowDown';
        this.setActive(down ? Math.min(this.active + 1, n - 1) : Math.max(this.active - 1, -1));
      } else if (e.key === 'Enter' && !e.isComposing) {
        e.preventDefault();
        if (this.active >= 0) this.activate(this.options[this.active], e.ctrlKey || e.metaKey || e.shiftKey);
        else {
          this.remember(this.state.q);
          this.search({typing: true});
        }
      } else if (e.key === 'Escape') {
        e.preventDefault();
        if (this.mode === 'modal') this.close();
        else if (this.active >= 0) this.setActive(-1);
        else if (this.$input.value) {
          this.$input.value = '';
          this.typed();
        }
      }
    }

    // Tab reaches the active result (its tabindex is 0); arrows then move the focus through the list.
    listKey(e) {
      const i = this.options.findIndex((o) => o.el === e.target);
      if (i < 0 || !/^Arrow(Up|Down)$/.test(e.key)) return;
      e.preventDefault();
      const next = Math.max(0, Math.min(this.options.length - 1, i + (e.key === 'ArrowDown' ? 1 : -1)));
      this.setActive(next);
      this.options[next].el.focus();
    }

    clicked(e) {
      const el = e.target.closest('[role=option]');
      const opt = this.options.find((o) => o.el === el);
      if (!opt) return;
      if (opt.query != null) this.activate(opt, false);
      else this.remember(this.state.q);  // a link: the browser follows it
    }

    toggled(box) {
      const name = box.dataset.facet;
      if (!name) return;
      const list = (this.state.filters[name] || []).filter((v) => !same(v, box.value));
      if (box.checked) list.push(box.value);
      this.state.filters[name] = list;
      this.search({push: true});
    }

    clearFilters() {
      this.state.filters = {};
      this.search({push: true});
      this.$input.focus();
    }

    activate(opt, newTab) {
      if (opt.query != null) {
        this.query(opt.query);
        return;
      }
      this.remember(this.state.q);
      if (newTab) window.open(opt.el.href, '_blank', 'noopener');
      else location.assign(opt.el.href);
    }

    setActive(i, scroll = true) {
      const old = this.options[this.active];
      if (old) {
        old.el.classList.remove('folio-active');
        old.el.setAttribute('aria-selected', 'false');
        old.el.tabIndex = -1;
      }
      this.active = i;
      const opt = this.options[i];
      if (opt) {
        opt.el.classList.add('folio-active');
        opt.el.setAttribute('aria-selected', 'true');
        opt.el.tabIndex = 0;
        this.$input.setAttribute('aria-activedescendant', opt.el.id);
        if (scroll) opt.el.scrollIntoView({block: 'nearest'});
      } else {
        this.$input.removeAttribute('aria-activedescendant');
      }
    }

    restoreFocus() {
      const back = this.returnTo;
      this.returnTo = null;
      (back && back.isConnected ? back : this.$trigger).focus();
    }

    // --- recent searches --------------------------------------------------------------------
    remember(q) {
      q = q.trim();
      if (!this.remembers || q.length < 2) return;
      const list = storage.get(this.recentKey).filter((x) => !same(x, q));
      storage.set(this.recentKey, [q, ...list].slice(0, 6));
    }

    forget() {
      storage.set(this.recentKey, []);
      this.showRecent(false);
      this.$input.focus();
    }

    idle() {
      const focused = this.shadowRoot.activeElement === this.$input;
      if (focused && !this.results && !this.state.q.trim()) this.showRecent(true);
    }

    showRecent(on) {
      const list = on && this.remembers ? storage.get(this.recentKey) : [];
      this.$recent.hidden = !list.length;
      this.fillList(list.map((q) => {
        const el = h('div', {role: 'option', class: 'folio-hit folio-recent-item'}, h('span', {class: 'folio-hit-title', text: q}));
        return {el, query: q};
      }), this.s.recent);
    }

    // --- URL state --------------------------------------------------------------------------
    readUrl() {
      const p = new URLSearchParams(location.search);
      const s = this.state;
      s.q = p.get('q') || '';
      s.sort = SORTS.includes(p.get('sort')) ? p.get('sort') : 'relevance';
      s.filters = {};
      for (const name of this.facetNames) {
        const values = p.getAll(paramOf(name)).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
        if (values.length) s.filters[name] = values;
      }
      this.$input.value = s.q;
      this.$sort.value = s.sort;
    }

    writeUrl(push) {
      const p = new URLSearchParams(location.search);
      const s = this.state;
      for (const k of ['q', 'sort', ...this.facetNames.map(paramOf)]) p.delete(k);
      if (s.q.trim()) p.set('q', s.q.trim());
      for (const name of this.facetNames) for (const v of s.filters[name] || []) p.append(paramOf(name), v);
      if (s.sort !== 'relevance') p.set('sort', s.sort);
      const search = p.toString();
      const url = location.pathname + (search ? '?' + search : '') + location.hash;
      if (url === location.pathname + location.search + location.hash) return;
      history[push ? 'pushState' : 'replaceState'](history.state, '', url);
    }

    // --- searching --------------------------------------------------------------------------
    hasFilters() {
      return this.facetNames.some((n) => (this.state.filters[n] || []).length);
    }

    params(page) {
      const s = this.state;
      const p = new URLSearchParams({q: s.q.trim()});
      for (const name of this.facetNames) for (const v of s.filters[name] || []) p.append(paramOf(name), v);
      if (s.sort !== 'relevance') p.set('sort', s.sort);
      p.set('page', page);
      p.set('per_page', this.perPage);
      p.set('facets', this.facetNames.join(',') || 'none');
      p.set('facet_limit', 50);  // FACET_SHOWN of them, the rest behind "Show more"
      p.set('locale', this.code);  // the reader's language: its articles rank first
      return p;
    }

    // typing: replaces the URL's history entry, except for the first search after another action.
    async search({append = false, push = false, typing = false, fromUrl = false} = {}) {
      clearTimeout(this.timer);
      if (this.syncUrl && !fromUrl && !append) this.writeUrl(typing ? this.pushNext : push);
      if (!append) this.pushNext = !typing;
      if (this.ctrl) this.ctrl.abort();
      const seq = ++this.seq;
      if (!this.state.q.trim() && !this.hasFilters() && !this.listAll) {
        this.loading(false);
        this.results = this.error = null;
        this.render();
        this.idle();
        return;
      }
      const page = append && this.results ? this.results.page + 1 : 1;
      const ctrl = this.ctrl = new AbortController();
      this.loading(true);
      const q = this.state.q.trim();
      const started = performance.now();
      let data = null;
      let error = null;  // the server's message, or the key of ours
      let suggestions = [];
      try {
        // completions of what is typed, beside the results (never for "Load more")
        const completing = typing && q && this.api('suggest', {q, limit: 6}, ctrl.signal)
          .then((r) => r.suggestions.filter((x) => x.kind === 'term' && !same(x.text, q)).slice(0, 3), () => []);
        data = await this.api('search', this.params(page), ctrl.signal);
        suggestions = (await completing) || [];
        if (!Array.isArray(data.hits)) throw new Error();
        this.rtt = ((this.rtt ?? 40) + performance.now() - started) / 2;
      } catch (e) {
        if (e.name === 'AbortError') return;
        error = e.status === 429 ? {key: 'busy'} : e.status === 400 ? e.message : {key: 'unavailable', detail: e.detail};
      }
      await this.i18n;  // settled almost always; no answer is shown in the wrong language
      if (seq !== this.seq) return;  // a newer search owns the screen
      // A static bundle's failure names its cause (a missing manifest, a file the host lost).
      if (error && error.key) error = this.s[error.key] + (this.transport.static && error.detail ? ` (${error.detail})` : '');
      this.ctrl = null;
      this.loading(false);
      this.error = error;
      if (error) {
        this.results = null;
        this.render();
        this.announce(error);
        return;
      }
      if (append && this.results) {
        const before = this.results.hits;
        this.results = {...data, hits: before.concat(data.hits)};
        this.appendHits(data.hits);
        this.renderHead();
      } else {
        this.results = data;
        this.suggestions = suggestions;
        this.render();
      }
      this.announce(this.summary());
    }

    // Every call of the API, and the only one: the parsed JSON answer, or an Error with the API's
    // message and the HTTP status. (A static build answers the same paths from a Web Worker.)
    async api(path, params, signal) {
      const {status, body} = await this.transport(`api/${path}`, String(new URLSearchParams(params)), signal);
      if (status === 200 && body) return body;
      const message = body && body.error ? body.error.message : `HTTP ${status}`;
      throw Object.assign(new Error(message), {status, detail: message});
    }

    loading(on) {
      this.$root.classList.toggle('folio-loading', on);
      this.$results.setAttribute('aria-busy', on);
    }

    announce(text) {
      // the same words again would not be read out: vary them invisibly
      this.$live.textContent = text === this.$live.textContent ? text + '\u00a0' : text;
    }

    summary() {
      const r = this.results;
      if (!r.total) return this.s.noResults;
      const text = this.plural(r.total_exact === false ? 'about' : 'count', r.total);
      return r.hits.length < r.total ? this.t('showing', text, this.nf.format(r.hits.length)).join('') : text;
    }

    // --- rendering --------------------------------------------------------------------------
    render() {
      const r = this.results;
      this.renderNotice();
      this.renderHead();
      this.renderFacets();
      this.renderEmpty();
      this.$recent.hidden = this.$more.hidden = true;
      // completions of the query first (Up from the first result reaches them), then the hits
      this.fillList(r ? (this.suggestions || []).map((x) => ({query: x.text, el: h('div',
        {role: 'option', class: 'folio-hit folio-suggestion'}, icon(), h('span', {class: 'folio-hit-title', text: x.text}))})) : [],
      this.s.results);
      if (r) this.appendHits(r.hits);
      // the first result is preselected: Enter opens it
      const first = this.options.findIndex((o) => o.query == null);
      if (first >= 0) this.setActive(first, false);
    }

    fillList(options, label) {
      this.options = [];
      this.active = -1;
      this.$input.removeAttribute('aria-activedescendant');
      this.$list.replaceChildren();
      this.$list.setAttribute('aria-label', label);
      this.addOptions(options);
    }

    addOptions(options) {
      for (const o of options) {
        o.el.id = 'folio-o' + (this.optId = (this.optId || 0) + 1);
        o.el.setAttribute('aria-selected', 'false');
        this.options.push(o);
        this.$list.append(o.el);
      }
      const open = this.options.length > 0;
      this.$list.hidden = !open;
      this.$keys.hidden = !open;
      this.$input.setAttribute('aria-expanded', open);
    }

    // hit links resolve against base-url (default: the page); anything but http(s) is dropped
    href(url) {
      try {
        const abs = new URL(url, new URL(this.baseUrl || '', location.href));
        return /^https?:$/.test(abs.protocol) ? abs.href : '#';
      } catch (e) {
        return '#';
      }
    }

    appendHits(hits) {
      const options = [];
      for (const hit of hits) {
        const title = h('span', {class: 'folio-hit-title'});
        if (hit.title) title.append(marked(hit.title));
        else title.textContent = hit.title_plain || hit.url;
        const meta = h('span', {class: 'folio-hit-meta'});
        const date = formatDate(hit.date, this.locale);
        if (date) meta.append(h('time', {datetime: hit.date.slice(0, 10), text: date}));
        for (const tag of hit.tags || []) meta.append(h('span', {class: 'folio-tag', text: tag}));
        const snippet = h('span', {class: 'folio-hit-snippet'});
        if (hit.snippet) snippet.append(marked(hit.snippet));
        else snippet.textContent = hit.description || '';
        options.push({el: h('a', {class: 'folio-hit', part: 'hit', role: 'option', href: this.href(hit.url), tabindex: '-1'},
          title, meta, snippet)});
        // up to three sections with their own passages (the best one's is the hit's own snippet)
        for (const sec of hit.sections || (hit.section ? [hit.section] : [])) {
          const excerpt = sec.snippet && sec.snippet !== hit.snippet && h('span', {class: 'folio-hit-snippet'}, marked(sec.snippet));
          options.push({el: h('a', {class: 'folio-hit folio-sub', part: 'hit', role: 'option', tabindex: '-1',
            href: this.href(sec.url || `${hit.url}#${sec.anchor}`)},
          h('span', {class: 'folio-hit-title', text: sec.heading}),
          excerpt || h('span', {class: 'folio-hit-meta', text: this.t('sectionOf', hit.title_plain || hit.url).join('')}))});
        }
      }
      this.addOptions(options);
      const r = this.results;
      const left = r.total - r.hits.length;
      this.$more.hidden = !(left > 0 && hits.length);
      this.$more.textContent = this.plural('more', left);
      if (this.$more.hidden && this.shadowRoot.activeElement === this.$more) this.$input.focus();
    }

    renderHead() {
      const r = this.results;
      this.$head.hidden = !r || !r.total;
      if (r) this.$count.textContent = this.summary();
    }

    renderNotice() {
      const r = this.results;
      const n = this.$notice;
      n.replaceChildren();
      n.className = 'folio-notice';
      if (this.error) {
        n.classList.add('folio-error');
        n.textContent = this.error;
      } else if (r && r.corrected_query && r.total) {
        if (r.auto_corrected) n.append(...this.t('showingFor', h('strong', {text: r.corrected_query})));
        else n.append(...this.t('didYouMean', this.suggestion(r.corrected_query)));
      }
      n.hidden = !n.childNodes.length;
    }

    suggestion(q) {
      return h('button', {type: 'button', class: 'folio-link folio-dym', text: q, onclick: () => this.query(q)});
    }

    renderFacets() {
      const r = this.results;
      const box = this.$facets;
      const focused = this.shadowRoot.activeElement;
      const refocus = focused && box.contains(focused) && focused.dataset.facet && [focused.dataset.facet, focused.value];
      box.replaceChildren();
      box.hidden = !r || !this.facetNames.length;
      if (box.hidden) return;
      // in a narrow box the lists fold behind a "Filters" button; beside the results they are always shown
      const chosen = this.facetNames.reduce((n, name) => n + (this.state.filters[name] || []).length, 0);
      const toggle = h('button', {type: 'button', class: 'folio-facets-toggle', 'aria-expanded': String(!!this.facetsOpen),
        text: chosen ? this.t('filtersOn', this.nf.format(chosen)).join('') : this.s.filters, onclick: () => {
          this.facetsOpen = !this.facetsOpen;
          toggle.setAttribute('aria-expanded', this.facetsOpen);
          box.classList.toggle('folio-open', this.facetsOpen);
        }});
      box.classList.toggle('folio-open', !!this.facetsOpen);
      const head = h('div', {class: 'folio-facets-head'}, toggle, h('span', {class: 'folio-facets-title', text: this.s.filters}));
      if (chosen) head.append(h('button', {type: 'button', class: 'folio-link', text: this.s.clearAll, onclick: () => this.clearFilters()}));
      box.append(head);
      for (const name of this.facetNames) {
        const chosen = this.state.filters[name] || [];
        const values = (r.facets && r.facets[name] && r.facets[name].values || []).slice();
        for (const v of chosen) if (!values.some((x) => same(x.value, v))) values.push({value: v, count: null});
        if (name === 'year') values.sort((a, b) => String(b.value).localeCompare(String(a.value)));
        if (!values.length) continue;
        const list = h('ul');
        // past FACET_SHOWN values, the rest (selected ones always shown) behind "Show more"
        const all = this.expanded.has(name);
        values.forEach((v, i) => {
          const on = chosen.some((c) => same(c, v.value));
          if (i >= FACET_SHOWN && !all && !on) return;
          const id = `folio-f-${name}-${i}`;
          const input = h('input', {type: 'checkbox', id, value: v.value, 'data-facet': name, checked: on});
          list.append(h('li', null, input, h('label', {for: id}, h('span', {text: display(v.value)}),
            v.count != null && h('span', {class: 'folio-n', text: this.nf.format(v.count)}))));
          if (refocus && refocus[0] === name && same(refocus[1], v.value)) queueMicrotask(() => input.focus());
        });
        const hidden = values.length - list.childNodes.length;
        const more = (hidden || all) && values.length > FACET_SHOWN && h('button', {type: 'button', class: 'folio-link',
          'data-more': name, text: all ? this.s.showLess : this.t('showMore', this.nf.format(hidden)).join(''), onclick: () => {
            this.expanded[all ? 'delete' : 'add'](name);
            this.renderFacets();
            this.$facets.querySelector(`[data-more="${name}"]`).focus();
          }});
        box.append(h('fieldset', {class: 'folio-facet'}, h('legend', {text: this.s[name] || name[0].toUpperCase() + name.slice(1).replace(/[-_]/g, ' ')}), list, more));
      }
      box.hidden = box.childNodes.length < 2;  // nothing to refine
    }

    renderEmpty() {
      const r = this.results;
      const box = this.$empty;
      box.replaceChildren();
      box.hidden = !r || r.total > 0;
      if (box.hidden) return;
      const q = this.state.q.trim();
      box.append(h('p', {class: 'folio-empty-title'}, q ? this.t('noResultsFor', h('strong', {text: q})) : this.s.noMatch));
      const tips = h('ul');
      if (r.corrected_query) tips.append(h('li', null, this.t('didYouMean', this.suggestion(r.corrected_query))));
      if (this.hasFilters()) {
        tips.append(h('li', null, this.t('removeTip', h('button', {type: 'button', class: 'folio-link', text: this.s.removeFilters,
          onclick: () => this.clearFilters()}))));
      }
      if (q) tips.append(h('li', {text: this.s.spelling}));
      box.append(tips);
      this.popularTags().then((tags) => {
        if (!tags.length || this.results !== r) return;
        box.append(h('p', {class: 'folio-popular'}, h('span', {text: this.s.popular}), tags.map((t) =>
          h('button', {type: 'button', class: 'folio-chip', text: t, onclick: () => {
            this.$input.value = this.state.q = '';
            this.state.filters = {tags: [t]};
            this.search({push: true});
            this.$input.focus();
          }}))));
      });
    }

    popularTags() {
      if (!this.popular) {
        this.popular = this.api('facets', {fields: 'tags'})
          .then((body) => body.facets.tags.values.slice(0, 8).map((v) => v.value))
          .catch(() => {
            this.popular = null;  // asked again only with the next empty result
            return [];
          });
      }
      return this.popular;
    }
  }

  function icon() {
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('class', 'folio-icon');
    svg.innerHTML = '<circle cx="11" cy="11" r="7"/><path d="m20 20-3.5-3.5"/>';
    return svg;
  }

  // Ctrl/Cmd+K anywhere, or "/" outside a text field: open the first modal box, else focus the first box.
  // Ctrl/Cmd+K again closes the modal.
  document.addEventListener('keydown', (e) => {
    if (e.defaultPrevented || e.isComposing || e.altKey) return;
    const combo = (e.ctrlKey || e.metaKey) && !e.shiftKey && (e.key || '').toLowerCase() === 'k';
    const slash = e.key === '/' && !e.ctrlKey && !e.metaKey && !editable(deepActive());
    const target = instances.find((i) => i.mode === 'modal') || instances[0];
    if ((combo || slash) && target) {
      e.preventDefault();
      if (combo && target.$dialog && target.$dialog.open) target.close();
      else target.open();
    }
  });

  customElements.define('folio-search', FolioSearch);
})();
