// Steward's dashboard: plain JavaScript, no dependencies. Queries and mutations go to /graphql over HTTP; the live
// views use one graphql-transport-ws connection to the same path, which reconnects by itself and resubscribes each
// view with `after` set to the last sequence that view has shown, so nothing is missed and nothing is shown twice.
(function () {
	'use strict';

	const TOKEN_KEY = 'steward.dashboard.token';
	const TAIL_ROWS = 200;
	const TAIL_BACKLOG = 50;
	const ACTIVITY_MINUTES = 60;
	const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
	const OPERATOR_ROLES = ['OPERATOR', 'ADMIN'];

	const $ = (id) => document.getElementById(id);

	function el(tag, attributes, ...children) {
		const node = document.createElement(tag);
		for (const [key, value] of Object.entries(attributes || {})) {
			if (value === undefined || value === null || value === false) continue;
			if (key === 'className') node.className = value;
			else if (key === 'dataset') Object.assign(node.dataset, value);
			else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
			else node.setAttribute(key, value === true ? '' : value);
		}
		for (const child of children.flat()) {
			if (child === undefined || child === null || child === false) continue;
			node.append(child instanceof Node ? child : String(child));
		}
		return node;
	}

	function svg(tag, attributes, ...children) {
		const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
		for (const [key, value] of Object.entries(attributes || {})) node.setAttribute(key, value);
		for (const child of children) node.append(child instanceof Node ? child : String(child));
		return node;
	}

	function time(iso) {
		if (!iso) return '';
		const date = new Date(iso);
		const today = date.toDateString() === new Date().toDateString();
		const clock = date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
		return el('time', { datetime: iso, title: date.toString() },
			today ? clock : `${date.toLocaleDateString(undefined, { month: 'short', day: 'numeric' })} ${clock}`);
	}

	// gives each cell its column's name, which a narrow screen shows beside the value instead of the header row
	function labelCells(table) {
		const names = [...table.tHead.rows[0].cells].map((cell) => cell.textContent.trim());
		for (const row of table.tBodies[0].rows) {
			[...row.cells].forEach((cell, i) => { if (row.cells.length > 1) cell.dataset.label = names[i] || ''; });
		}
	}

	function scopeName(worldId, clientProfile) {
		return clientProfile ? `world ${worldId}, client profile ${clientProfile}` : `world ${worldId}`;
	}

	// ---------------------------------------------------------------------------------------------------------
	// GraphQL over HTTP

	class GraphQlError extends Error {
		constructor(message, code, status) {
			super(message);
			this.code = code;
			this.status = status;
		}
	}

	async function graphql(query, variables) {
		const response = await fetch('/graphql', {
			method: 'POST',
			headers: {
				'Content-Type': 'application/json',
				'Accept': 'application/graphql-response+json, application/json',
				'Authorization': 'Bearer ' + state.token
			},
			body: JSON.stringify({ query, variables: variables || {} })
		});
		if (response.status === 401) {
			throw new GraphQlError('The token was not accepted: it is unknown, revoked or malformed.',
				'UNAUTHENTICATED', 401);
		}
		let body;
		try {
			body = await response.json();
		} catch (e) {
			throw new GraphQlError(`Steward answered HTTP ${response.status}`, 'HTTP', response.status);
		}
		if (body.errors && body.errors.length) {
			const first = body.errors[0];
			const code = (first.extensions && first.extensions.code) || 'ERROR';
			throw new GraphQlError(`${code}: ${first.message}`, code, response.status);
		}
		return body.data;
	}

	// ---------------------------------------------------------------------------------------------------------
	// graphql-transport-ws, the protocol Steward speaks at /graphql over WebSocket

	class Socket {
		constructor(token, onState) {
			this.token = token;
			this.onState = onState;
			this.subscriptions = new Map(); // key -> {request(), next(data), error(message), id}
			this.ids = 0;
			this.attempt = 0;
			this.reconnects = 0;
			this.closed = false;
			this.open();
		}

		url() {
			const url = new URL('/graphql', window.location.href);
			url.protocol = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
			return url.href;
		}

		open() {
			this.acknowledged = false;
			this.onState(this.attempt === 0 && this.reconnects === 0 ? 'connecting' : 'reconnecting', this);
			const ws = new WebSocket(this.url(), 'graphql-transport-ws');
			this.ws = ws;
			ws.onopen = () => ws.send(JSON.stringify({
				type: 'connection_init', payload: { Authorization: 'Bearer ' + this.token }
			}));
			ws.onmessage = (event) => this.receive(JSON.parse(event.data));
			ws.onclose = (event) => this.lost(ws, event);
			ws.onerror = () => { /* onclose follows and decides */ };
		}

		receive(message) {
			switch (message.type) {
				case 'connection_ack':
					this.acknowledged = true;
					if (this.attempt > 0 || this.everLive) this.reconnects++;
					this.attempt = 0;
					this.everLive = true;
					this.onState('live', this);
					for (const [key, sub] of this.subscriptions) this.start(key, sub);
					this.keepAlive();
					break;
				case 'next': {
					const sub = this.byId(message.id);
					if (!sub) break;
					if (message.payload.errors && message.payload.errors.length) {
						sub.error(message.payload.errors[0].message);
					} else {
						sub.next(message.payload.data);
					}
					break;
				}
				case 'error': {
					const sub = this.byId(message.id);
					if (sub) sub.error((message.payload && message.payload[0] && message.payload[0].message) || 'error');
					break;
				}
				case 'complete': {
					const sub = this.byId(message.id);
					if (sub) sub.id = null;
					break;
				}
				case 'ping':
					this.send({ type: 'pong' });
					break;
				case 'pong':
					this.awaitingPong = false;
					break;
			}
		}

		byId(id) {
			for (const sub of this.subscriptions.values()) if (sub.id === id) return sub;
			return null;
		}

		send(message) {
			if (this.ws && this.ws.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(message));
		}

		start(key, sub) {
			sub.id = key + '#' + (++this.ids);
			this.send({ type: 'subscribe', id: sub.id, payload: sub.request() });
		}

		// key names the view; request() is asked again at every (re)subscription, so it carries the view's newest `after`
		subscribe(key, request, next, error) {
			this.unsubscribe(key);
			const sub = { request, next, error, id: null };
			this.subscriptions.set(key, sub);
			if (this.acknowledged) this.start(key, sub);
		}

		unsubscribe(key) {
			const sub = this.subscriptions.get(key);
			if (!sub) return;
			if (sub.id && this.acknowledged) this.send({ type: 'complete', id: sub.id });
			this.subscriptions.delete(key);
		}

		keepAlive() {
			clearInterval(this.pinger);
			this.awaitingPong = false;
			this.pinger = setInterval(() => {
				if (this.awaitingPong) {
					this.ws.close(4000, 'no pong');
					return;
				}
				this.awaitingPong = true;
				this.send({ type: 'ping' });
			}, 15000);
		}

		lost(ws, event) {
			if (ws !== this.ws) return;
			clearInterval(this.pinger);
			this.acknowledged = false;
			for (const sub of this.subscriptions.values()) sub.id = null;
			if (this.closed) return;
			if (event.code === 4401 || event.code === 4403) {
				this.onState('unauthorized', this);
				return;
			}
			this.attempt++;
			const delay = Math.min(10000, 500 * Math.pow(2, this.attempt - 1));
			this.onState('reconnecting', this, delay);
			this.timer = setTimeout(() => this.open(), delay);
		}

		reconnectNow() {
			if (this.acknowledged || this.closed) return;
			clearTimeout(this.timer);
			this.open();
		}

		close() {
			this.closed = true;
			clearTimeout(this.timer);
			clearInterval(this.pinger);
			if (this.ws) this.ws.close(1000, 'signed out');
			this.onState('offline', this);
		}
	}

	// ---------------------------------------------------------------------------------------------------------
	// State

	const state = {
		token: null,
		me: null,
		socket: null,
		scope: null,        // {worldId, clientProfile}
		effective: new Map(), // policyId -> activation row
		timeline: new Map(),  // activationEventId -> event
		lastShown: { scope: 0, world: 0 },
		tails: new Map(),     // context -> tail view
		activity: new Map()   // context -> {counts: Map(minuteEpoch -> n), countedUpTo}
	};

	function canRollBack() {
		return state.me && OPERATOR_ROLES.includes(state.me.role);
	}

	// ---------------------------------------------------------------------------------------------------------
	// Connection state

	function showConnection(name, socket, delay) {
		const box = $('connection');
		box.dataset.state = name;
		box.dataset.reconnects = String(socket ? socket.reconnects : 0);
		const mark = box.querySelector('.connection-mark');
		const text = $('connection-text');
		switch (name) {
			case 'live':
				mark.textContent = '●';
				text.textContent = 'Live';
				break;
			case 'connecting':
				mark.textContent = '◌';
				text.textContent = 'Connecting…';
				break;
			case 'reconnecting':
				mark.textContent = '◌';
				text.textContent = delay ? `Reconnecting in ${Math.ceil(delay / 1000)} s…` : 'Reconnecting…';
				break;
			case 'unauthorized':
				mark.textContent = '✗';
				text.textContent = 'Token refused';
				setTimeout(() => signOut('The live connection refused the token: it is unknown, revoked or malformed.'));
				break;
			default:
				mark.textContent = '○';
				text.textContent = 'Offline';
		}
	}

	// ---------------------------------------------------------------------------------------------------------
	// Sign in

	async function signIn(token) {
		state.token = token;
		const data = await graphql('{ me { name role } }');
		state.me = data.me;
		sessionStorage.setItem(TOKEN_KEY, token);
		$('who').textContent = `${state.me.name} · ${state.me.role.toLowerCase()}`;
		$('who').dataset.role = state.me.role;
		$('who').hidden = false;
		$('sign-out').hidden = false;
		$('sign-in').hidden = true;
		$('dashboard').hidden = false;
		state.socket = new Socket(token, showConnection);
		await Promise.all([loadWorlds(), loadTails()]);
	}

	function signOut(message) {
		sessionStorage.removeItem(TOKEN_KEY);
		if (state.socket) state.socket.close();
		state.socket = null;
		state.token = null;
		state.me = null;
		state.scope = null;
		state.tails.clear();
		state.activity.clear();
		$('tail-list').replaceChildren();
		$('activity-charts').replaceChildren();
		$('dashboard').hidden = true;
		$('who').hidden = true;
		$('sign-out').hidden = true;
		$('sign-in').hidden = false;
		$('sign-in-error').textContent = message || '';
		$('token').value = '';
		$('token').focus();
	}

	function failed(error, target) {
		if (error && error.status === 401) {
			signOut(error.message);
			return;
		}
		$(target).textContent = error.message || String(error);
	}

	// ---------------------------------------------------------------------------------------------------------
	// Worlds: the scope's effective activations, live

	async function loadWorlds() {
		const select = $('world');
		const worlds = [];
		let after = null;
		do {
			const data = await graphql('query($after: String) { worlds(first: 100, after: $after) { ' +
				'edges { node { id name active } } pageInfo { hasNextPage endCursor } } }', { after });
			worlds.push(...data.worlds.edges.map((edge) => edge.node));
			after = data.worlds.pageInfo.hasNextPage ? data.worlds.pageInfo.endCursor : null;
		} while (after);
		select.replaceChildren(...worlds.map((world) => el('option', { value: world.id },
			world.name && world.name !== world.id ? `${world.id} (${world.name})` : world.id,
			world.active ? '' : ' [inactive]')));
		if (!worlds.length) {
			$('worlds-message').textContent = 'No worlds yet. An operator creates one with the createWorld mutation.';
			return;
		}
		$('worlds-message').textContent = '';
		await showScope(worlds[0].id, '');
	}

	async function showScope(worldId, clientProfile) {
		state.socket.unsubscribe('scope');
		state.socket.unsubscribe('world');
		state.scope = { worldId, clientProfile };
		delete $('worlds').dataset.scope;
		state.effective.clear();
		state.timeline.clear();
		$('timeline-message').textContent = '';
		$('activations-caption').textContent = `Effective activations of ${scopeName(worldId, clientProfile)}`;
		$('timeline-caption').textContent = `Activation events of ${scopeName(worldId, clientProfile)}, newest first`;
		try {
			// every event after this sequence arrives over the subscription; those read below as well are shown once
			const head = (await graphql('{ eventTails(minutes: 1) { context head } }'))
				.eventTails.find((tail) => tail.context === 'policy');
			const after = head ? head.head : 0;
			const data = await graphql('query($w: ID!, $c: String) { ' +
				'activations(worldId: $w, clientProfile: $c, effective: true) { ' +
				'clientProfile policyId variant activatedAt activatedBy activationEventId } }',
			{ w: worldId, c: clientProfile });
			if (!sameScope(worldId, clientProfile)) return;
			for (const row of data.activations) state.effective.set(row.policyId, row);
			renderActivations(null);
			await loadTimeline(worldId, clientProfile);
			if (!sameScope(worldId, clientProfile)) return;
			// events since `after` that were read above too come again over the subscription and are shown once
			state.lastShown.scope = after;
			state.lastShown.world = after;
			subscribeScope();
			$('worlds').dataset.scope = `${worldId}|${clientProfile}`;
			checkReplay();
		} catch (error) {
			failed(error, 'worlds-message');
		}
	}

	function sameScope(worldId, clientProfile) {
		return state.scope && state.scope.worldId === worldId && state.scope.clientProfile === clientProfile;
	}

	const ACTIVATION_SUBSCRIPTION = 'subscription($w: ID!, $c: String, $after: Long) { ' +
		'activationEvents(worldId: $w, clientProfile: $c, after: $after) { ' +
		'activationEventId worldId clientProfile policyId variant replacedVariant rollbackOf actor createdAt } }';

	function subscribeScope() {
		const { worldId, clientProfile } = state.scope;
		state.socket.subscribe('scope', () => ({
			query: ACTIVATION_SUBSCRIPTION,
			variables: { w: worldId, c: clientProfile, after: state.lastShown.scope }
		}), (data) => activationArrived(data.activationEvents, 'scope'),
		(message) => { $('timeline-message').textContent = message; });
		if (clientProfile) {
			// a client profile's effective view also changes when the world's own pointers change
			state.socket.subscribe('world', () => ({
				query: ACTIVATION_SUBSCRIPTION,
				variables: { w: worldId, c: '', after: state.lastShown.world }
			}), (data) => activationArrived(data.activationEvents, 'world'),
			(message) => { $('timeline-message').textContent = message; });
		}
	}

	function activationArrived(event, view) {
		if (!state.scope || event.worldId !== state.scope.worldId) return;
		if (event.activationEventId <= state.lastShown[view]) return;
		state.lastShown[view] = event.activationEventId;
		const current = state.effective.get(event.policyId);
		const fromProfile = event.clientProfile !== '';
		if (fromProfile || !current || current.clientProfile === '') {
			state.effective.set(event.policyId, {
				clientProfile: event.clientProfile,
				policyId: event.policyId,
				variant: event.variant,
				activatedAt: event.createdAt,
				activatedBy: event.actor,
				activationEventId: event.activationEventId
			});
			renderActivations(event.policyId);
		}
		if (view === 'scope' && !state.timeline.has(event.activationEventId)) {
			state.timeline.set(event.activationEventId, event);
			renderTimeline(event.activationEventId);
			scheduleReplayCheck();
		}
	}

	function renderActivations(changedPolicy) {
		const rows = [...state.effective.values()].sort((a, b) => a.policyId.localeCompare(b.policyId));
		const body = $('activations').tBodies[0];
		if (!rows.length) {
			body.replaceChildren(el('tr', {}, el('td', { colspan: 6, className: 'note' }, 'No activations in this scope.')));
			return;
		}
		body.replaceChildren(...rows.map((row) => {
			const changed = row.policyId === changedPolicy;
			return el('tr', {
				className: changed ? 'changed' : '',
				dataset: { policy: row.policyId, variant: row.variant, changed: changed ? 'true' : 'false' }
			},
			el('th', { scope: 'row' }, el('span', {}, el('code', {}, row.policyId),
				changed ? el('mark', { className: 'badge' }, 'changed') : null)),
			el('td', { className: 'variant' }, row.variant),
			el('td', { className: row.clientProfile ? 'origin-profile' : '' },
				row.clientProfile ? `client profile ${row.clientProfile}` : 'world'),
			el('td', {}, time(row.activatedAt)),
			el('td', {}, row.activatedBy),
			el('td', {}, `#${row.activationEventId}`));
		}));
		labelCells($('activations'));
	}

	// ---------------------------------------------------------------------------------------------------------
	// Timeline: the scope's activation events, newest first, with rollback for operators

	async function loadTimeline(worldId, clientProfile) {
		let after = null;
		do {
			const data = await graphql('query($w: ID!, $c: String, $after: String) { ' +
				'activationEvents(worldId: $w, clientProfile: $c, first: 100, after: $after) { ' +
				'edges { node { activationEventId worldId clientProfile policyId variant replacedVariant rollbackOf ' +
				'actor createdAt } } pageInfo { hasNextPage endCursor } } }', { w: worldId, c: clientProfile, after });
			if (!sameScope(worldId, clientProfile)) return;
			for (const edge of data.activationEvents.edges) state.timeline.set(edge.node.activationEventId, edge.node);
			after = data.activationEvents.pageInfo.hasNextPage ? data.activationEvents.pageInfo.endCursor : null;
		} while (after);
		renderTimeline(null);
	}

	function renderTimeline(changedEvent) {
		const events = [...state.timeline.values()].sort((a, b) => b.activationEventId - a.activationEventId);
		const newestOfPolicy = new Map();
		for (const event of events) if (!newestOfPolicy.has(event.policyId)) newestOfPolicy.set(event.policyId, event);
		const body = $('timeline-table').tBodies[0];
		if (!events.length) {
			body.replaceChildren(el('tr', {}, el('td', { colspan: 6, className: 'note' }, 'No activation events in this scope.')));
			return;
		}
		const focused = document.activeElement && document.activeElement.dataset
			? document.activeElement.dataset.rollbackTo : undefined;
		body.replaceChildren(...events.map((event) => {
			const current = newestOfPolicy.get(event.policyId);
			const rollback = canRollBack() && current !== event && current.variant !== event.variant
				? el('button', {
					type: 'button', className: 'rollback', dataset: { rollbackTo: String(event.activationEventId) },
					'aria-label': `Roll back ${event.policyId} to ${event.variant} (event #${event.activationEventId})`,
					onclick: () => confirmRollback(event, current)
				}, 'Roll back to this')
				: null;
			return el('tr', {
				className: event.activationEventId === changedEvent ? 'changed' : '',
				dataset: { event: String(event.activationEventId), policy: event.policyId, variant: event.variant,
					rollbackOf: event.rollbackOf == null ? '' : String(event.rollbackOf) }
			},
			el('th', { scope: 'row' }, `#${event.activationEventId}`),
			el('td', {}, time(event.createdAt)),
			el('td', {}, el('code', {}, event.policyId)),
			el('td', {}, el('span', {},
				event.replacedVariant ? `${event.replacedVariant} → ${event.variant}` : `${event.variant} (first)`,
				event.rollbackOf != null
					? el('span', { className: 'rollback-of' }, `↩ rollback of #${event.rollbackOf}`) : null)),
			el('td', {}, event.actor),
			el('td', {}, rollback));
		}));
		labelCells($('timeline-table'));
		if (focused) {
			const again = body.querySelector(`button[data-rollback-to="${focused}"]`);
			if (again) again.focus();
		}
	}

	function confirmRollback(event, current) {
		const dialog = $('confirm-rollback');
		$('confirm-text').textContent = `${event.policyId} in ${scopeName(event.worldId, event.clientProfile)} ` +
			`will change from ${current.variant} to ${event.variant}, the variant of event #${event.activationEventId} ` +
			`(by ${event.actor}). The rollback is recorded as a new event, which can itself be rolled back.`;
		dialog.returnValue = '';
		dialog.onclose = async () => {
			if (dialog.returnValue !== 'confirm') return;
			try {
				const data = await graphql('mutation($id: Long!) { rollbackActivation(input: {activationEventId: $id}) { ' +
					'event { activationEventId worldId clientProfile policyId variant replacedVariant rollbackOf actor ' +
					'createdAt } } }', { id: event.activationEventId });
				const done = data.rollbackActivation.event;
				$('timeline-message').textContent = '';
				$('worlds-message').textContent = `Rolled back ${done.policyId} to ${done.variant} (event #${done.activationEventId}).`;
			} catch (error) {
				failed(error, 'timeline-message');
			}
		};
		dialog.showModal();
		$('confirm-cancel').focus();
	}

	let replayTimer = null;

	function scheduleReplayCheck() {
		clearTimeout(replayTimer);
		replayTimer = setTimeout(checkReplay, 300);
	}

	async function checkReplay() {
		if (!state.scope) return;
		const { worldId, clientProfile } = state.scope;
		const box = $('replay');
		try {
			const data = await graphql('query($w: ID!, $c: String) { verifyActivationReplay(worldId: $w, clientProfile: $c) { ' +
				'consistent eventCount pointerCount mismatches { policyId replayedVariant pointerVariant } } }',
			{ w: worldId, c: clientProfile });
			if (!sameScope(worldId, clientProfile)) return;
			const check = data.verifyActivationReplay;
			box.dataset.consistent = String(check.consistent);
			box.textContent = check.consistent
				? `Replay check: consistent — ${check.eventCount} events replay to the ${check.pointerCount} pointers.`
				: `Replay check: INCONSISTENT — ${check.mismatches.map((m) =>
					`${m.policyId} replays to ${m.replayedVariant} but points at ${m.pointerVariant}`).join('; ')}.`;
		} catch (error) {
			box.dataset.consistent = '';
			box.textContent = `Replay check failed: ${error.message}`;
		}
	}

	// ---------------------------------------------------------------------------------------------------------
	// Event tails: one view per context log that Steward lists, all built from the same template

	async function loadTails() {
		const data = await graphql(`{ eventTails(minutes: ${ACTIVITY_MINUTES}) { context subscription head ` +
			'activity { minute events } } }');
		for (const tail of data.eventTails) {
			if (!NAME.test(tail.subscription) || state.tails.has(tail.context)) continue;
			const counts = new Map();
			for (const minute of tail.activity) counts.set(Math.floor(Date.parse(minute.minute) / 60000), minute.events);
			state.activity.set(tail.context, { counts, countedUpTo: tail.head });
			addTail(tail);
		}
		renderActivity();
	}

	function addTail(tail) {
		const node = $('tail-template').content.firstElementChild.cloneNode(true);
		const id = 'tail-' + tail.context;
		node.id = id;
		node.dataset.context = tail.context;
		node.setAttribute('aria-labelledby', id + '-title');
		const title = node.querySelector('.tail-title');
		title.id = id + '-title';
		title.textContent = `${tail.context} log`;
		const filter = node.querySelector('.tail-filter');
		filter.id = id + '-filter';
		node.querySelector('.tail-filter-label').htmlFor = filter.id;
		node.querySelector('caption').textContent = `Newest events of the ${tail.context} log`;
		node.querySelector('.scroll').setAttribute('aria-label', `${tail.context} events`);
		const view = {
			context: tail.context,
			node,
			events: [],       // newest first, at most TAIL_ROWS
			held: [],         // arrived while paused, oldest first
			paused: false,
			lastShown: Math.max(0, tail.head - TAIL_BACKLOG),
			selected: null
		};
		filter.addEventListener('input', () => renderTail(view));
		const pause = node.querySelector('.tail-pause');
		pause.addEventListener('click', () => {
			view.paused = !view.paused;
			pause.setAttribute('aria-pressed', String(view.paused));
			pause.textContent = view.paused ? 'Resume' : 'Pause';
			if (!view.paused) {
				for (const event of view.held) show(view, event);
				view.held = [];
			}
			renderTail(view);
		});
		state.tails.set(tail.context, view);
		$('tail-list').append(node);
		renderTail(view);
		const query = `subscription($after: Long) { ${tail.subscription}(after: $after) { ` +
			'sequence eventId type subjectKind subjectId actor payload payloadDigest createdAt } }';
		state.socket.subscribe('tail:' + tail.context, () => ({
			query,
			variables: { after: view.held.length ? view.held[view.held.length - 1].sequence : view.lastShown }
		}), (data) => tailArrived(view, data[tail.subscription]),
		(message) => { node.querySelector('.tail-state').textContent = message; });
	}

	function tailArrived(view, event) {
		const newest = view.held.length ? view.held[view.held.length - 1].sequence : view.lastShown;
		if (event.sequence <= newest) return;
		countActivity(view.context, event);
		if (view.paused) {
			view.held.push(event);
			renderTail(view);
			return;
		}
		show(view, event);
		renderTail(view);
	}

	function show(view, event) {
		view.lastShown = event.sequence;
		view.events.unshift(event);
		if (view.events.length > TAIL_ROWS) view.events.length = TAIL_ROWS;
	}

	function renderTail(view) {
		const filter = view.node.querySelector('.tail-filter').value.trim().toLowerCase();
		const shown = view.events.filter((event) => !filter || event.type.toLowerCase().includes(filter));
		view.node.querySelector('.tail-state').textContent = view.paused
			? `Paused; ${view.held.length} new event${view.held.length === 1 ? '' : 's'} held`
			: `Live from #${view.lastShown}; showing ${shown.length} of the last ${view.events.length}`;
		const body = view.node.querySelector('tbody');
		if (!shown.length) {
			body.replaceChildren(el('tr', {}, el('td', { colspan: 5, className: 'note' },
				view.events.length ? 'No event matches the filter.' : 'No events yet.')));
			return;
		}
		body.replaceChildren(...shown.map((event) => el('tr', {
			dataset: { sequence: String(event.sequence), type: event.type },
			className: view.selected === event.sequence ? 'changed' : ''
		},
		el('th', { scope: 'row' }, el('button', {
			type: 'button', className: 'show-payload', 'aria-label': `Show the payload of event #${event.sequence}`,
			'aria-expanded': String(view.selected === event.sequence),
			onclick: () => showPayload(view, event)
		}, `#${event.sequence}`)),
		el('td', {}, time(event.createdAt)),
		el('td', {}, el('code', {}, event.type)),
		el('td', {}, el('span', {}, `${event.subjectKind} `, el('code', {}, event.subjectId))),
		el('td', {}, event.actor))));
		labelCells(view.node.querySelector('table'));
	}

	function showPayload(view, event) {
		view.selected = view.selected === event.sequence ? null : event.sequence;
		const box = view.node.querySelector('.payload');
		box.hidden = view.selected === null;
		view.node.querySelector('.payload-title').textContent = `Payload of #${event.sequence} (${event.type}), ` +
			`SHA-256 ${event.payloadDigest}`;
		view.node.querySelector('.payload-body').textContent = JSON.stringify(event.payload, null, 2);
		renderTail(view);
		const button = view.node.querySelector(`tr[data-sequence="${event.sequence}"] .show-payload`);
		if (button) button.focus();
	}

	// ---------------------------------------------------------------------------------------------------------
	// Activity: events per minute per context over the last hour

	function countActivity(context, event) {
		const activity = state.activity.get(context);
		if (!activity || event.sequence <= activity.countedUpTo) return;
		activity.countedUpTo = event.sequence;
		const minute = Math.floor(Date.parse(event.createdAt) / 60000);
		activity.counts.set(minute, (activity.counts.get(minute) || 0) + 1);
		scheduleActivity();
	}

	let activityTimer = null;

	function scheduleActivity() {
		if (activityTimer) return;
		activityTimer = setTimeout(() => {
			activityTimer = null;
			renderActivity();
		}, 250);
	}

	function renderActivity() {
		const now = Math.floor(Date.now() / 60000);
		const first = now - ACTIVITY_MINUTES + 1;
		const width = 600;
		const height = 48;
		const step = width / ACTIVITY_MINUTES;
		const rows = [...state.activity.entries()].sort((a, b) => a[0].localeCompare(b[0])).map(([context, activity]) => {
			for (const minute of activity.counts.keys()) if (minute < first) activity.counts.delete(minute);
			const counts = [];
			for (let minute = first; minute <= now; minute++) counts.push(activity.counts.get(minute) || 0);
			const total = counts.reduce((sum, n) => sum + n, 0);
			const peak = Math.max(1, ...counts);
			const last = counts[counts.length - 1];
			const label = `${context}: ${total} event${total === 1 ? '' : 's'} in the last hour, ` +
				`${last} this minute, at most ${Math.max(...counts)} in one minute`;
			const chart = svg('svg', {
				viewBox: `0 0 ${width} ${height}`, preserveAspectRatio: 'none', role: 'img', 'aria-label': label
			});
			chart.append(svg('title', {}, label));
			counts.forEach((n, i) => {
				if (!n) return;
				const h = Math.max(2, Math.round((n / peak) * (height - 4)));
				const bar = svg('rect', {
					class: 'bar-rect', x: (i * step + 0.5).toFixed(1), y: height - 1 - h,
					width: Math.max(1, step - 1).toFixed(1), height: h
				});
				bar.append(svg('title', {}, `${new Date((first + i) * 60000).toLocaleTimeString(undefined,
					{ hour: '2-digit', minute: '2-digit' })}: ${n}`));
				chart.append(bar);
			});
			chart.append(svg('line', { class: 'axis', x1: 0, x2: width, y1: height - 0.5, y2: height - 0.5 }));
			return el('div', { className: 'activity-row', dataset: { context, total: String(total) } },
				el('div', { className: 'activity-label' }, el('strong', {}, context),
					el('span', {}, `${total} in the last hour · ${last} this minute`)),
				chart);
		});
		$('activity-charts').replaceChildren(...rows);
	}

	// ---------------------------------------------------------------------------------------------------------
	// Wiring

	document.addEventListener('DOMContentLoaded', () => {
		$('sign-in-form').addEventListener('submit', async (event) => {
			event.preventDefault();
			const token = $('token').value.trim();
			if (!token) return;
			$('sign-in-error').textContent = '';
			try {
				await signIn(token);
				$('main').focus({ preventScroll: true });
			} catch (error) {
				signOut(error.message);
			}
		});
		$('sign-out').addEventListener('click', () => signOut(''));
		$('scope-form').addEventListener('submit', (event) => {
			event.preventDefault();
			showScope($('world').value, $('client-profile').value.trim());
		});
		$('world').addEventListener('change', () => showScope($('world').value, $('client-profile').value.trim()));
		window.addEventListener('online', () => state.socket && state.socket.reconnectNow());
		setInterval(renderActivity, 30000);
		const saved = sessionStorage.getItem(TOKEN_KEY);
		if (saved) {
			signIn(saved).catch((error) => signOut(error.message));
		} else {
			$('token').focus();
		}
	});
})();
