package dev.steward.app.graphql.relay;

import dev.steward.kernel.Keyed;
import dev.steward.kernel.Keyset;
import dev.steward.kernel.Page;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.graphql.data.pagination.ConnectionAdapter;
import org.springframework.graphql.data.pagination.ConnectionFieldTypeVisitor;
import org.springframework.graphql.data.pagination.CursorEncoder;
import org.springframework.graphql.data.pagination.CursorStrategy;
import org.springframework.graphql.data.pagination.EncodingCursorStrategy;
import org.springframework.graphql.data.query.ScrollPositionCursorStrategy;

/**
 * Every connection in the schema is built by Spring for GraphQL from a context's {@link Page}: edges, cursors and
 * page info in one place. Cursors are Spring's keyset scroll positions, base64url-encoded; a cursor that is not
 * one is {@code INVALID_ARGUMENT}, never an internal error.
 */
@Configuration(proxyBeanMethods = false)
class PageConnections {

	@Bean
	EncodingCursorStrategy<ScrollPosition> cursorStrategy() {
		return CursorStrategy.withEncoder(new ScrollPositionCursorStrategy(new CheckedKeysets()), new KeysetEncoder());
	}

	@Bean
	GraphQlSourceBuilderCustomizer pageConnectionVisitor(EncodingCursorStrategy<ScrollPosition> cursorStrategy) {
		ConnectionFieldTypeVisitor visitor = ConnectionFieldTypeVisitor.create(new PageAdapter(cursorStrategy));
		return builder -> builder.schemaResources().typeVisitors(List.of(visitor));
	}

	/** Adapts a {@link Page} of {@link Keyed} items to a connection. */
	record PageAdapter(CursorStrategy<ScrollPosition> cursors) implements ConnectionAdapter {

		@Override
		public boolean supports(Class<?> containerType) {
			return Page.class.isAssignableFrom(containerType);
		}

		@Override
		@SuppressWarnings("unchecked")
		public <T> Collection<T> getContent(Object container) {
			return (Collection<T>) ((Page<?>) container).items();
		}

		@Override
		public boolean hasPrevious(Object container) {
			return ((Page<?>) container).hasPrevious();
		}

		@Override
		public boolean hasNext(Object container) {
			return ((Page<?>) container).hasNext();
		}

		@Override
		public String cursorAt(Object container, int index) {
			Keyed item = (Keyed) ((Page<?>) container).items().get(index);
			return cursors.toCursor(ScrollPosition.forward(item.keyset()));
		}
	}

	/** Base64url without padding; text that is not, or is not a keyset position, is not a cursor. */
	static final class KeysetEncoder implements CursorEncoder {

		@Override
		public String encode(String cursor) {
			return Base64.getUrlEncoder().withoutPadding().encodeToString(cursor.getBytes(StandardCharsets.UTF_8));
		}

		@Override
		public String decode(String cursor) {
			String decoded;
			try {
				decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
			}
			catch (IllegalArgumentException ex) {
				throw Keyset.notACursor();
			}
			if (!decoded.startsWith("K_")) {
				throw Keyset.notACursor();
			}
			return decoded;
		}
	}

	/**
	 * A keyset as a plain JSON object of strings and whole numbers (all a {@link Keyed} item holds), so that a cursor
	 * carries no type names; a keyset that does not read as one is refused as not a cursor.
	 */
	static final class CheckedKeysets implements CursorStrategy<Map<String, Object>> {

		private static final JsonMapper JSON = JsonMapper.builder().build();

		@Override
		public boolean supports(Class<?> targetType) {
			return Map.class.isAssignableFrom(targetType);
		}

		@Override
		public String toCursor(Map<String, Object> keys) {
			return JSON.writeValueAsString(keys);
		}

		@Override
		public Map<String, Object> fromCursor(String cursor) {
			Map<String, Object> keys;
			try {
				keys = JSON.readValue(cursor, new TypeReference<LinkedHashMap<String, Object>>() {});
			}
			catch (RuntimeException ex) {
				throw Keyset.notACursor();
			}
			if (keys == null || keys.isEmpty()) {
				throw Keyset.notACursor();
			}
			// whole numbers come back as the longs they were written from
			for (Map.Entry<String, Object> key : keys.entrySet()) {
				if (key.getValue() instanceof Integer number) {
					key.setValue(number.longValue());
				}
				else if (!(key.getValue() instanceof String || key.getValue() instanceof Long)) {
					throw Keyset.notACursor();
				}
			}
			return keys;
		}
	}
}
