package dev.steward.app.graphql.server;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import java.util.AbstractMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;

/**
 * One subscription event's result, serialized once for every member of its group: its specification map is a
 * {@link Payload} that carries the JSON beside the values, so that {@link FrameConverter} writes each member's
 * {@code next} message around the same bytes instead of serializing the result again.
 */
final class SerializedResult implements ExecutionResult {

	private final ExecutionResult result;

	private final Payload payload;

	private SerializedResult(ExecutionResult result, Payload payload) {
		this.result = result;
		this.payload = payload;
	}

	static SerializedResult of(ExecutionResult result, JsonMapper json) {
		Map<String, Object> specification = result.toSpecification();
		return new SerializedResult(result, new Payload(specification, json.writeValueAsBytes(specification)));
	}

	/** About how many bytes the result takes while it waits for a member: its JSON and some overhead. */
	long size() {
		return 128L + payload.json().length;
	}

	@Override
	public List<GraphQLError> getErrors() {
		return result.getErrors();
	}

	@Override
	public <T> T getData() {
		return result.getData();
	}

	@Override
	public boolean isDataPresent() {
		return result.isDataPresent();
	}

	@Override
	public Map<Object, Object> getExtensions() {
		return result.getExtensions();
	}

	@Override
	public Map<String, Object> toSpecification() {
		return payload;
	}

	/** The result's specification map, and the same map as JSON. */
	static final class Payload extends AbstractMap<String, Object> {

		private final Map<String, Object> specification;

		private final byte[] json;

		Payload(Map<String, Object> specification, byte[] json) {
			this.specification = specification;
			this.json = json;
		}

		byte[] json() {
			return json;
		}

		@Override
		public Set<Entry<String, Object>> entrySet() {
			return specification.entrySet();
		}

		@Override
		public Object get(Object key) {
			return specification.get(key);
		}
	}
}
