package dev.steward.architecture;

import dev.steward.architecture.StewardRules.TemporaryExemption;
import java.util.List;

/**
 * Dependencies of today's domain classes that the domain allowlist does not allow. Each names its exact origin
 * and target class, so that nothing else slips through, and each is to be removed by the rework of its context
 * that is under way; the list only ever shrinks.
 */
final class DomainExemptions {

	static final List<TemporaryExemption> TEMPORARY = List.of();

	/** Domain uses of a view its context publishes: none. */
	static final List<TemporaryExemption> PUBLISHED_VIEWS = List.of();

	private DomainExemptions() {}
}
