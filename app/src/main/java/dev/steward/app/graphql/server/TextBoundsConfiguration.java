package dev.steward.app.graphql.server;

import graphql.execution.instrumentation.Instrumentation;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * The {@code @text} bounds of the schema: enforced before any resolver runs ({@link TextBounds}) and stated in the
 * description of every argument and input field that declares one, where every client sees it.
 */
@Configuration(proxyBeanMethods = false)
class TextBoundsConfiguration {

	/** After the document limits, so that a request too deep or too costly is refused for that first. */
	@Bean
	@Order(10)
	Instrumentation textBounds() {
		return new TextBounds();
	}

	@Bean
	GraphQlSourceBuilderCustomizer textBoundsInDescriptions() {
		return builder -> builder.typeVisitorsToTransformSchema(List.of(new Describe()));
	}

	/** Appends each bound, in words, to the description of its argument or input field. */
	static final class Describe extends GraphQLTypeVisitorStub {

		@Override
		public TraversalControl visitGraphQLArgument(GraphQLArgument node, TraverserContext<GraphQLSchemaElement> context) {
			TextBound bound = TextBound.of(node);
			if (bound == null) {
				return TraversalControl.CONTINUE;
			}
			return changeNode(context, node.transform(argument -> argument.description(with(node.getDescription(), bound))));
		}

		@Override
		public TraversalControl visitGraphQLInputObjectField(GraphQLInputObjectField node,
				TraverserContext<GraphQLSchemaElement> context) {
			TextBound bound = TextBound.of(node);
			if (bound == null) {
				return TraversalControl.CONTINUE;
			}
			return changeNode(context, node.transform(field -> field.description(with(node.getDescription(), bound))));
		}

		private static String with(@Nullable String description, TextBound bound) {
			return description == null || description.isBlank() ? bound.describe()
					: description.strip() + " " + bound.describe();
		}
	}
}
