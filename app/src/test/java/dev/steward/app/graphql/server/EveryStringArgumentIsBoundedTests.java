package dev.steward.app.graphql.server;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every string argument and string input field of the schema (String or ID, in a list or not) declares its
 * {@code @text} bound, so that a field added without one fails the build.
 */
class EveryStringArgumentIsBoundedTests {

	@Test
	void everyStringArgumentAndInputFieldDeclaresABound() throws IOException {
		GraphQLSchema schema = schema();

		List<String> unbounded = unbounded(schema);

		assertThat(textElements(schema)).hasSizeGreaterThan(40);
		assertThat(unbounded).isEmpty();
	}

	@Test
	void aStringArgumentWithoutABoundIsFound() throws IOException {
		GraphQLSchema schema = schema("extend type Query { unbounded(name: String, ids: [ID!]): Int }");

		List<String> unbounded = unbounded(schema);

		assertThat(unbounded).containsExactlyInAnyOrder("Query.unbounded(name)", "Query.unbounded(ids)");
	}

	private static List<String> unbounded(GraphQLSchema schema) {
		return textElements(schema).stream().filter(element -> !element.bounded()).map(Element::name).toList();
	}

	private record Element(String name, boolean bounded) {
	}

	private static List<Element> textElements(GraphQLSchema schema) {
		List<Element> elements = new ArrayList<>();
		for (GraphQLNamedType type : schema.getAllTypesAsList()) {
			if (type.getName().startsWith("__")) {
				continue;
			}
			if (type instanceof GraphQLObjectType object) {
				for (GraphQLFieldDefinition field : object.getFieldDefinitions()) {
					for (GraphQLArgument argument : field.getArguments()) {
						if (TextBound.holdsText(argument.getType())) {
							elements.add(new Element(object.getName() + "." + field.getName() + "(" + argument.getName()
									+ ")", TextBound.of(argument) != null));
						}
					}
				}
			}
			if (type instanceof GraphQLInputObjectType input) {
				for (GraphQLInputObjectField field : input.getFieldDefinitions()) {
					if (TextBound.holdsText(field.getType())) {
						elements.add(new Element(input.getName() + "." + field.getName(), TextBound.of(field) != null));
					}
				}
			}
		}
		return elements;
	}

	private static GraphQLSchema schema(String... extra) throws IOException {
		TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
		SchemaParser parser = new SchemaParser();
		for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:graphql/**/*.graphqls")) {
			try (InputStreamReader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
				registry.merge(parser.parse(reader));
			}
		}
		for (String sdl : extra) {
			registry.merge(parser.parse(sdl));
		}
		return UnExecutableSchemaGenerator.makeUnExecutableSchema(registry);
	}
}
