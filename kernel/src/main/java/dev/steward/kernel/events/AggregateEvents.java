package dev.steward.kernel.events;

import java.lang.reflect.Method;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.AfterDomainEventPublication;
import org.springframework.data.domain.DomainEvents;
import org.springframework.util.ReflectionUtils;

/**
 * Publishes the events an aggregate registered, then clears them: what Spring Data's repositories do on
 * {@code save}, for repositories written by hand over SQL. The aggregate marks its event list with
 * {@link DomainEvents} and its clearing method with {@link AfterDomainEventPublication}, as
 * {@code AbstractAggregateRoot} does.
 */
public final class AggregateEvents {

	private static final Map<Class<?>, Methods> METHODS = new ConcurrentHashMap<>();

	private final ApplicationEventPublisher publisher;

	public AggregateEvents(ApplicationEventPublisher publisher) {
		this.publisher = publisher;
	}

	/** Publishes every event {@code aggregate} registered, in order, and clears them. */
	public <T> T publishFrom(T aggregate) {
		Methods methods = METHODS.computeIfAbsent(aggregate.getClass(), Methods::of);
		Object events = ReflectionUtils.invokeMethod(methods.events(), aggregate);
		for (Object event : events instanceof Collection<?> collection ? collection : List.of()) {
			publisher.publishEvent(event);
		}
		if (methods.clear() != null) {
			ReflectionUtils.invokeMethod(methods.clear(), aggregate);
		}
		return aggregate;
	}

	private record Methods(Method events, @Nullable Method clear) {

		static Methods of(Class<?> type) {
			Method events = annotated(type, DomainEvents.class);
			if (events == null) {
				throw new IllegalArgumentException(type.getName() + " records no domain events");
			}
			return new Methods(events, annotated(type, AfterDomainEventPublication.class));
		}

		private static @Nullable Method annotated(Class<?> type, Class<? extends java.lang.annotation.Annotation> marker) {
			Method[] found = new Method[1];
			ReflectionUtils.doWithMethods(type, method -> {
				if (found[0] == null) {
					ReflectionUtils.makeAccessible(method);
					found[0] = method;
				}
			}, method -> method.isAnnotationPresent(marker) && method.getParameterCount() == 0);
			return found[0];
		}
	}
}
