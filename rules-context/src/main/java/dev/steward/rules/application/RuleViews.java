package dev.steward.rules.application;

import dev.steward.rules.RuleFacade.EmitView;
import dev.steward.rules.RuleFacade.MatchView;
import dev.steward.rules.RuleFacade.RuleStateView;
import dev.steward.rules.domain.Emit;
import dev.steward.rules.domain.MatchSpec;
import dev.steward.rules.domain.RuleState;

/** The published views of the rules domain's values. */
public final class RuleViews {

	private RuleViews() {}

	public static EmitView emit(Emit emit) {
		return new EmitView(emit.techniqueId(), emit.subTechniqueId(), emit.tactic(), emit.confidence());
	}

	public static MatchView match(MatchSpec match) {
		return new MatchView(match.kind(), match.field(), match.pattern() == null ? null : match.pattern().source(),
				match.parameters());
	}

	public static RuleStateView state(RuleState state) {
		return new RuleStateView(state.kind(), state.confidenceMax(), state.expiresAt(), state.reason(), state.setBy(),
				state.setAt());
	}

	public static RuleState state(RuleStateView view) {
		return new RuleState(view.state(), view.confidenceMax(), view.expiresAt(), view.reason(), view.setBy(),
				view.setAt());
	}
}
