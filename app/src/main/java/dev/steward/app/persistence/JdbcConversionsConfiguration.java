package dev.steward.app.persistence;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.jdbc.core.convert.JdbcCustomConversions;

/**
 * The one mapping context that every context's aggregates share: it takes each context's JDBC converters, the
 * beans marked {@link ReadingConverter} or {@link WritingConverter}.
 */
@Configuration(proxyBeanMethods = false)
class JdbcConversionsConfiguration {

	@Bean
	JdbcCustomConversions jdbcCustomConversions(ObjectProvider<Converter<?, ?>> converters) {
		List<Converter<?, ?>> jdbcConverters = converters.orderedStream()
			.filter(JdbcConversionsConfiguration::isJdbcConverter)
			.toList();
		return new JdbcCustomConversions(jdbcConverters);
	}

	private static boolean isJdbcConverter(Converter<?, ?> converter) {
		return AnnotatedElementUtils.hasAnnotation(converter.getClass(), ReadingConverter.class)
				|| AnnotatedElementUtils.hasAnnotation(converter.getClass(), WritingConverter.class);
	}
}
