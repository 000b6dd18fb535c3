// Starts GraphiQL against this server: queries and mutations over HTTP, subscriptions over WebSocket (graphql-ws).
// The headers editor starts with a hint for the bearer token that every request needs.
(function () {
	const http = new URL('/graphql', window.location.href);
	const ws = new URL('/graphql', window.location.href);
	ws.protocol = window.location.protocol === 'https:' ? 'wss:' : 'ws:';

	const fetcher = GraphiQL.createFetcher({ url: http.href, subscriptionUrl: ws.href });
	const root = ReactDOM.createRoot(document.getElementById('graphiql'));
	root.render(React.createElement(GraphiQL, {
		fetcher: fetcher,
		defaultHeaders: JSON.stringify({ Authorization: 'Bearer <your token>' }, null, 2),
		defaultEditorToolsVisibility: 'headers',
		shouldPersistHeaders: false,
	}));
})();
