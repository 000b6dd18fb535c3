package dev.steward.app.graphql.server;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import org.jspecify.annotations.Nullable;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Hides the extensions a WebSocket handshake offers ({@code Sec-WebSocket-Extensions}), so that the server agrees to
 * none: without it, {@code permessage-deflate}, which browsers and Node.js offer, would deflate every event frame,
 * which costs the server more CPU than the bytes it saves. On unless {@code steward.graphql.subscriptions.compression}
 * is true. (The servlet container negotiates extensions from the request's header itself, so the handshake handler
 * cannot decline them.)
 */
class WebSocketExtensionsFilter extends OncePerRequestFilter {

	static final String EXTENSIONS = "Sec-WebSocket-Extensions";

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return request.getHeader(EXTENSIONS) == null || !"websocket".equalsIgnoreCase(request.getHeader("Upgrade"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(new HttpServletRequestWrapper(request) {

			@Override
			public @Nullable String getHeader(String name) {
				return EXTENSIONS.equalsIgnoreCase(name) ? null : super.getHeader(name);
			}

			@Override
			public Enumeration<String> getHeaders(String name) {
				return EXTENSIONS.equalsIgnoreCase(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
			}

			@Override
			public Enumeration<String> getHeaderNames() {
				return Collections.enumeration(Collections.list(super.getHeaderNames())
					.stream()
					.filter(header -> !EXTENSIONS.equalsIgnoreCase(header))
					.toList());
			}
		}, response);
	}
}
