package dev.steward.app.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * The least role an operation needs: {@code @RequiresRole(Role.OPERATOR)} lets operators and admins in, because
 * each role includes the ones below it (see {@link SecurityConfiguration#roleHierarchy()}). On a class, it is the
 * role every method needs unless the method declares its own. A caller without a token is refused with
 * {@code UNAUTHENTICATED}, one whose role falls short with {@code FORBIDDEN}.
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@PreAuthorize("hasRole('{value}')")
public @interface RequiresRole {

	Role value();
}
