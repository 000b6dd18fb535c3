package dev.steward.policy.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.steward.policy.WorldFacade.CreateWorld;
import dev.steward.policy.PolicyErrorCode;
import dev.steward.kernel.events.EventLog;
import dev.steward.policy.PolicyException;
import dev.steward.kernel.events.LogEntry;
import dev.steward.policy.WorldFacade.UpdateWorld;
import dev.steward.policy.WorldFacade;
import dev.steward.policy.WorldFacade.WorldView;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class WorldManagementIntegrationTests {

	@Autowired
	WorldFacade worlds;

	@Autowired
	EventLog log;

	@Test
	void createsAWorldAndAppendsItsCreationToTheLog() {
		long head = log.head();
		String id = anyWorldId();

		WorldView world = worlds.create(new CreateWorld(id, "Pipeworks", "web", true, Map.of("theme", "dark"), "alice"));

		assertThat(world.version()).isZero();
		assertThat(world.createdBy()).isEqualTo("alice");
		List<LogEntry> entries = log.after(head, 10);
		assertThat(entries).singleElement().satisfies(entry -> {
			assertThat(entry.sequence()).isEqualTo(head + 1);
			assertThat(entry.type()).isEqualTo("v1.world.created");
			assertThat(entry.subjectKind()).isEqualTo("world");
			assertThat(entry.subjectId()).isEqualTo(id);
			assertThat(entry.actor()).isEqualTo("alice");
			assertThat(entry.payload()).containsEntry("name", "Pipeworks")
				.containsEntry("config", Map.of("theme", "dark"));
			assertThat(entry.payloadDigest()).hasSize(64);
		});
		assertThat(log.head()).isEqualTo(head + 1);
	}

	@Test
	void refusesADuplicateIdAndAppendsNothing() {
		String id = anyWorldId();
		worlds.create(new CreateWorld(id, "First", "", true, Map.of(), "alice"));
		long head = log.head();

		assertThatExceptionOfType(PolicyException.class)
			.isThrownBy(() -> worlds.create(new CreateWorld(id, "Second", "", true, Map.of(), "bob")))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo(PolicyErrorCode.POLICY_WORLD_EXISTS));
		assertThat(log.head()).isEqualTo(head);
		assertThat(worlds.find(id)).hasValueSatisfying(world -> assertThat(world.name()).isEqualTo("First"));
	}

	@Test
	void updatesOnlyTheGivenFieldsAndLogsTheNewState() {
		String id = anyWorldId();
		worlds.create(new CreateWorld(id, "Before", "kept", true, Map.of("a", 1), "alice"));
		long head = log.head();

		WorldView updated = worlds.update(new UpdateWorld(id, "After", null, false, null, 0L, "bob"));

		assertThat(updated.name()).isEqualTo("After");
		assertThat(updated.description()).isEqualTo("kept");
		assertThat(updated.active()).isFalse();
		assertThat(updated.config()).isEqualTo(Map.of("a", 1L));
		assertThat(updated.version()).isEqualTo(1);
		assertThat(updated.updatedBy()).isEqualTo("bob");
		assertThat(log.after(head, 10)).singleElement().satisfies(entry -> {
			assertThat(entry.type()).isEqualTo("v1.world.updated");
			assertThat(entry.actor()).isEqualTo("bob");
			assertThat(entry.payload()).containsEntry("name", "After").containsEntry("active", false);
		});
	}

	@Test
	void refusesAStaleExpectedVersionWithConflict() {
		String id = anyWorldId();
		worlds.create(new CreateWorld(id, "Before", "", true, Map.of(), "alice"));
		worlds.update(new UpdateWorld(id, "Second", null, null, null, 0L, "bob"));
		long head = log.head();

		assertThatExceptionOfType(PolicyException.class)
			.isThrownBy(() -> worlds.update(new UpdateWorld(id, "Lost", null, null, null, 0L, "carol")))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo(PolicyErrorCode.CONFLICT));
		assertThat(log.head()).isEqualTo(head);
		assertThat(worlds.find(id)).hasValueSatisfying(world -> assertThat(world.name()).isEqualTo("Second"));
	}

	@Test
	void refusesAnUnknownWorld() {
		assertThatExceptionOfType(PolicyException.class)
			.isThrownBy(() -> worlds.update(new UpdateWorld(anyWorldId(), "x", null, null, null, null, "bob")))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo(PolicyErrorCode.POLICY_WORLD_NOT_FOUND));
	}

	@Test
	void refusesABlankNameOrAnIdWithSurroundingWhitespace() {
		assertThatExceptionOfType(PolicyException.class)
			.isThrownBy(() -> worlds.create(new CreateWorld(anyWorldId(), " ", "", true, Map.of(), "alice")))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo(PolicyErrorCode.POLICY_WORLD_INVALID));
		assertThatExceptionOfType(PolicyException.class)
			.isThrownBy(() -> worlds.create(new CreateWorld(" padded ", "Name", "", true, Map.of(), "alice")))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo(PolicyErrorCode.POLICY_WORLD_INVALID));
	}

	@Test
	void pagesThroughWorldsInIdOrder() {
		String prefix = "page-" + UUID.randomUUID() + "-";
		for (String suffix : List.of("c", "a", "b")) {
			worlds.create(new CreateWorld(prefix + suffix, suffix, "", true, Map.of(), "alice"));
		}

		var first = worlds.list(Map.of("id", prefix), 2);
		var second = worlds.list(first.items().get(1).keyset(), 2);

		assertThat(first.items()).extracting(WorldView::id).containsExactly(prefix + "a", prefix + "b");
		assertThat(first.hasNext()).isTrue();
		assertThat(first.hasPrevious()).isTrue();
		assertThat(second.items()).extracting(WorldView::id).first().isEqualTo(prefix + "c");
	}

	static String anyWorldId() {
		return "world-" + UUID.randomUUID();
	}
}
