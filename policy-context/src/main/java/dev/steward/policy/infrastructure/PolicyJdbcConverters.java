package dev.steward.policy.infrastructure;

import dev.steward.policy.WorldId;
import dev.steward.policy.domain.WorldConfig;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.postgresql.util.PGobject;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * How the policy context's ids and values are written to and read from PostgreSQL. The converters are beans, so
 * that the application's one {@code JdbcCustomConversions} picks them up without knowing this package.
 */
@Configuration(proxyBeanMethods = false)
public class PolicyJdbcConverters {

	private static final JsonMapper JSON = Json.MAPPER;

	@Bean
	static WorldIdToString worldIdToString() {
		return new WorldIdToString();
	}

	@Bean
	static StringToWorldId stringToWorldId() {
		return new StringToWorldId();
	}

	@Bean
	static WorldConfigToJsonb worldConfigToJsonb() {
		return new WorldConfigToJsonb();
	}

	@Bean
	static JsonbToWorldConfig jsonbToWorldConfig() {
		return new JsonbToWorldConfig();
	}

	@WritingConverter
	public static final class WorldIdToString implements Converter<WorldId, String> {

		@Override
		public String convert(WorldId source) {
			return source.value();
		}
	}

	@ReadingConverter
	public static final class StringToWorldId implements Converter<String, WorldId> {

		@Override
		public WorldId convert(String source) {
			return WorldId.of(source);
		}
	}

	@WritingConverter
	public static final class WorldConfigToJsonb implements Converter<WorldConfig, PGobject> {

		@Override
		public PGobject convert(WorldConfig source) {
			return jsonb(JSON.writeValueAsString(source.values()));
		}
	}

	@ReadingConverter
	public static final class JsonbToWorldConfig implements Converter<PGobject, WorldConfig> {

		@Override
		public WorldConfig convert(PGobject source) {
			Map<String, Object> values = JSON.readValue(source.getValue(), new TypeReference<LinkedHashMap<String, Object>>() {});
			return WorldConfig.of(values);
		}
	}

	static PGobject jsonb(String json) {
		try {
			PGobject object = new PGobject();
			object.setType("jsonb");
			object.setValue(json);
			return object;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
