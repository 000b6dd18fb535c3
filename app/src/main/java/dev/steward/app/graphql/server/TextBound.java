package dev.steward.app.graphql.server;

import graphql.schema.GraphQLAppliedDirective;
import graphql.schema.GraphQLDirectiveContainer;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLTypeUtil;
import org.jspecify.annotations.Nullable;

/**
 * The bounds the schema's {@code @text} directive puts on a string argument or input field: at most
 * {@code maxLength} characters (Unicode code points), and no C0 control character (U+0000 to U+001F), except tab,
 * line feed and carriage return where the field is {@code multiline} free text.
 */
record TextBound(int maxLength, boolean multiline) {

	static final String DIRECTIVE = "text";

	/** The bound declared on an argument or input field, or null when it declares none. */
	static @Nullable TextBound of(GraphQLDirectiveContainer element) {
		GraphQLAppliedDirective text = element.getAppliedDirective(DIRECTIVE);
		if (text == null) {
			return null;
		}
		Object maxLength = text.getArgument("maxLength").getValue();
		Object multiline = text.getArgument("multiline") == null ? null : text.getArgument("multiline").getValue();
		return new TextBound(((Number) maxLength).intValue(), Boolean.TRUE.equals(multiline));
	}

	/** Whether an argument or input field of this type holds text: String or ID, in a list or not. */
	static boolean holdsText(GraphQLInputType type) {
		return GraphQLTypeUtil.unwrapAll(type) instanceof GraphQLScalarType scalar
				&& (scalar.getName().equals("String") || scalar.getName().equals("ID"));
	}

	/** What is wrong with the value, or null when it is within the bound. */
	@Nullable String problemWith(String value) {
		int length = value.codePointCount(0, value.length());
		if (length > maxLength) {
			return "takes at most " + maxLength + " characters; this one has " + length;
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c < 0x20 && !(multiline && (c == '\t' || c == '\n' || c == '\r'))) {
				return "must not contain " + (multiline ? "control characters other than tab, line feed and carriage return"
						: "control characters") + String.format(" (U+%04X at position %d)", (int) c, i);
			}
		}
		return null;
	}

	/** The bound in words, as the schema's descriptions state it. */
	String describe() {
		return "At most " + maxLength + " characters; "
				+ (multiline ? "tab, line feed and carriage return are the only control characters allowed."
						: "no control characters.");
	}
}
