package dev.steward.app.security;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.ExpressionAuthorizationDecision;

/** What a caller is told when method security refuses it an operation: the role needed and the role it has. */
public final class RoleRefusal {

	private static final Pattern HAS_ROLE = Pattern.compile("hasRole\\('([A-Za-z_]+)'\\)");

	private RoleRefusal() {}

	public static String message(AccessDeniedException refusal, StewardPrincipal principal) {
		return needed(refusal)
			.map(role -> "This needs the " + role.code() + " role; " + principal.name() + " has "
					+ principal.role().code())
			.orElse("The " + principal.role().code() + " role of " + principal.name() + " does not allow this");
	}

	/** The role named by the refused {@link RequiresRole}, if the refusal came from one. */
	static Optional<Role> needed(AccessDeniedException refusal) {
		if (refusal instanceof AuthorizationDeniedException denied
				&& denied.getAuthorizationResult() instanceof ExpressionAuthorizationDecision decision) {
			Matcher matcher = HAS_ROLE.matcher(decision.getExpression().getExpressionString());
			if (matcher.find()) {
				return Optional.of(Role.of(matcher.group(1)));
			}
		}
		return Optional.empty();
	}
}
