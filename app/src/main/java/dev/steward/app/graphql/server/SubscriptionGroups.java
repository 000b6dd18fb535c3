package dev.steward.app.graphql.server;

import dev.steward.app.events.SharedStream;
import dev.steward.app.events.SubscriberBuffer;
import graphql.ExecutionResult;
import graphql.language.Argument;
import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.NullValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.Value;
import graphql.language.VariableDefinition;
import graphql.language.VariableReference;
import graphql.parser.Parser;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;
import tools.jackson.databind.json.JsonMapper;

/**
 * Multiplexes graphql-ws subscriptions: subscriptions with the same document, operation name, variables,
 * extensions and locale, started by principals with the same roles, form a group whose stream is executed once per
 * event and serialized once; each member gets the same result through a buffer of its own
 * ({@link SharedStream}), so that one that falls behind is closed with 4413 alone. The first subscription of a group
 * runs through execution as any operation does (and so is refused, with the same errors, exactly when it would have
 * been); a later one with the same key, whose outcome would be identical, joins its stream. The group ends when its
 * last member leaves.
 * <p>
 * A subscription that resumes from a cursor (an {@code after} argument that is not null) replays its own backlog, so
 * it runs on its own as before, and so does every operation that is not a subscription.
 * <p>
 * Innermost of the interceptors: authentication, the token and operation limits, the document size limit and the
 * timeout apply to every subscriber before it joins.
 */
class SubscriptionGroups implements WebGraphQlInterceptor {

	private static final Logger LOG = LoggerFactory.getLogger(SubscriptionGroups.class);

	private final Map<GroupKey, Group> groups = new ConcurrentHashMap<>();

	private final SubscriberBuffer buffer;

	private final JsonMapper json;

	SubscriptionGroups(SubscriberBuffer buffer, JsonMapper json) {
		this.buffer = buffer;
		this.json = json;
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		if (!(request instanceof WebSocketGraphQlRequest) || !groupable(request)) {
			return chain.next(request);
		}
		return Mono.deferContextual(context -> run(new GroupKey(request.getDocument(), request.getOperationName(),
				request.getVariables(), request.getExtensions(), request.getLocale(), authorities(context)), request,
				chain, 0));
	}

	/**
	 * Joins the key's group, waiting for it if its first subscription is still being executed; or starts it. A
	 * subscriber that finds its group ended or refused runs on its own, as it would have without groups.
	 */
	private Mono<WebGraphQlResponse> run(GroupKey key, WebGraphQlRequest request, Chain chain, int attempt) {
		Group fresh = new Group(key);
		Group group = groups.putIfAbsent(key, fresh);
		if (group == null) {
			return chain.next(request)
				.map(response -> fresh.start(response))
				.doOnError(ex -> fresh.refused())
				.doOnCancel(fresh::refused);
		}
		return Mono.fromFuture(group.started, true)
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty())
			.flatMap(started -> {
				Flux<SerializedResult> joined = started.map(SharedStream::join).orElse(null);
				if (joined != null) {
					LOG.debug("Operation {} joins a group of {}", request.getId(), group.members());
					return Mono.just(response(request, joined));
				}
				if (started.isPresent() && attempt < 3) {
					groups.remove(key, group);
					return run(key, request, chain, attempt + 1);
				}
				return chain.next(request);
			});
	}

	/** How many groups run now. */
	int groups() {
		return groups.size();
	}

	/** How many subscribers the groups have now. */
	int members() {
		return groups.values().stream().mapToInt(Group::members).sum();
	}

	private static WebGraphQlResponse response(WebGraphQlRequest request, Flux<SerializedResult> member) {
		return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(),
				ExecutionResult.newExecutionResult().data(member).build()));
	}

	/** The roles of the operation's principal, as the authentication put them into its context. */
	private static List<String> authorities(ContextView context) {
		Object security = context.getOrDefault(SecurityContext.class.getName(), null);
		if (security instanceof SecurityContext securityContext) {
			Authentication authentication = securityContext.getAuthentication();
			if (authentication != null) {
				return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).sorted().toList();
			}
		}
		return List.of();
	}

	/**
	 * Whether the request is a subscription that may share its stream: one operation of type subscription whose root
	 * fields carry no cursor to resume from. A document that does not parse is left to execution to refuse.
	 */
	static boolean groupable(WebGraphQlRequest request) {
		Document document;
		try {
			document = Parser.parse(request.getDocument());
		}
		catch (RuntimeException ex) {
			return false;
		}
		OperationDefinition operation = operation(document, request.getOperationName());
		if (operation == null || operation.getOperation() != OperationDefinition.Operation.SUBSCRIPTION) {
			return false;
		}
		return !resumes(operation.getSelectionSet(), document, operation, request.getVariables(), 0);
	}

	private static @Nullable OperationDefinition operation(Document document, @Nullable String name) {
		List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
		if (name == null) {
			return operations.size() == 1 ? operations.getFirst() : null;
		}
		return operations.stream().filter(operation -> name.equals(operation.getName())).findFirst().orElse(null);
	}

	/** Whether a root field (through fragments too) has an {@code after} argument whose value is not null. */
	private static boolean resumes(@Nullable SelectionSet selections, Document document, OperationDefinition operation,
			Map<String, Object> variables, int depth) {
		if (selections == null) {
			return false;
		}
		if (depth > 10) {
			return true;
		}
		for (Selection<?> selection : selections.getSelections()) {
			boolean resumes = switch (selection) {
				case Field field -> field.getArguments()
					.stream()
					.anyMatch(argument -> "after".equals(argument.getName()) && notNull(argument, operation, variables));
				case InlineFragment fragment -> resumes(fragment.getSelectionSet(), document, operation, variables,
						depth + 1);
				case FragmentSpread spread -> {
					FragmentDefinition fragment = fragment(document, spread.getName());
					yield fragment == null || resumes(fragment.getSelectionSet(), document, operation, variables,
							depth + 1);
				}
				default -> true;
			};
			if (resumes) {
				return true;
			}
		}
		return false;
	}

	private static @Nullable FragmentDefinition fragment(Document document, String name) {
		for (Definition<?> definition : document.getDefinitions()) {
			if (definition instanceof FragmentDefinition fragment && name.equals(fragment.getName())) {
				return fragment;
			}
		}
		return null;
	}

	private static boolean notNull(Argument argument, OperationDefinition operation, Map<String, Object> variables) {
		Value<?> value = argument.getValue();
		if (value instanceof VariableReference reference) {
			if (variables.containsKey(reference.getName())) {
				return variables.get(reference.getName()) != null;
			}
			return operation.getVariableDefinitions()
				.stream()
				.filter(definition -> definition.getName().equals(reference.getName()))
				.map(VariableDefinition::getDefaultValue)
				.anyMatch(defaultValue -> defaultValue != null && !(defaultValue instanceof NullValue));
		}
		return !(value instanceof NullValue);
	}

	/** Everything that can change a subscription's results. */
	record GroupKey(String document, @Nullable String operationName, Map<String, Object> variables,
			Map<String, Object> extensions, @Nullable Locale locale, List<String> authorities) {
	}

	/** A group: its stream once its first subscription has been executed, or nothing if that was refused. */
	private final class Group {

		final GroupKey key;

		final CompletableFuture<@Nullable SharedStream<SerializedResult>> started = new CompletableFuture<>();

		Group(GroupKey key) {
			this.key = key;
		}

		@SuppressWarnings("unchecked")
		WebGraphQlResponse start(WebGraphQlResponse response) {
			if (!(response.getData() instanceof Publisher<?> results)) {
				refused();
				return response;
			}
			SharedStream<SerializedResult> stream = new SharedStream<>(Flux.from((Publisher<ExecutionResult>) results)
				.map(result -> SerializedResult.of(result, json)), buffer, SerializedResult::size,
					() -> groups.remove(key, this));
			Flux<SerializedResult> member = Objects.requireNonNull(stream.join());
			stream.start();
			started.complete(stream);
			return response.transform(builder -> builder.data(member));
		}

		void refused() {
			groups.remove(key, this);
			started.complete(null);
		}

		int members() {
			SharedStream<SerializedResult> stream = started.getNow(null);
			return stream == null ? 0 : stream.members();
		}
	}
}
