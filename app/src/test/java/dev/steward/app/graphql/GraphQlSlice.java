package dev.steward.app.graphql;

import dev.steward.app.security.GraphQlSliceSecurity;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportSelector;
import org.springframework.core.type.AnnotationMetadata;

/**
 * What every {@code @GraphQlTest} slice of a controller adds to Spring's: the app's scalars, its connections built
 * from a {@code Page}, and its method security and principal plumbing ({@link GraphQlSliceSecurity}). The error
 * mapping, a {@code @ControllerAdvice}, is in every slice already. Facades are mocked; a slice touches no database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Import({ GraphQlSliceSecurity.class, GraphQlSlice.Wiring.class })
public @interface GraphQlSlice {

	/** The app's configuration of the schema, by name: the classes are package-private to their packages. */
	final class Wiring implements ImportSelector {

		@Override
		public String[] selectImports(AnnotationMetadata metadata) {
			return new String[] { "dev.steward.app.graphql.scalars.ScalarsConfiguration",
					"dev.steward.app.graphql.relay.PageConnections" };
		}
	}
}
