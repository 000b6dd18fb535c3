package dev.steward.policy.application;

import dev.steward.policy.PolicyStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.steward.policy.ActivationFacade.ActivatePolicy;
import dev.steward.policy.ActivationFacade;
import dev.steward.policy.ActivationFacade.ActivationView;
import dev.steward.policy.PublishFacade.ArtifactImportSummary;
import dev.steward.policy.PublishFacade.ArtifactImportSummary.Action;
import dev.steward.policy.PublishFacade.ArtifactImportSummary.Entry;
import dev.steward.policy.WorldFacade.CreateWorld;
import dev.steward.policy.PublishFacade.ImportPolicyArtifact;
import dev.steward.policy.PolicyErrorCode;
import dev.steward.kernel.events.EventLog;
import dev.steward.policy.PolicyException;
import dev.steward.policy.PolicyFacade;
import dev.steward.kernel.events.LogEntry;
import dev.steward.policy.PublishFacade.PublishArtifact;
import dev.steward.policy.PublishFacade;
import dev.steward.policy.PublishFacade.PublishRunView;
import dev.steward.policy.PublishFacade.PublishScope;
import dev.steward.policy.PolicyFacade.UpsertPolicyVariant;
import dev.steward.policy.WorldFacade;
import dev.steward.policy.domain.PolicyHashes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest
class PublishManagementIntegrationTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	PublishFacade publishing;

	@Autowired
	PolicyFacade policies;

	@Autowired
	ActivationFacade activations;

	@Autowired
	WorldFacade worlds;

	@Autowired
	EventLog log;

	@Autowired
	PolicyHashes hashes;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	ArtifactFixtures fixtures;

	String world;

	String namespace;

	@BeforeEach
	void aWorldAndAFreshNamespace() {
		fixtures = new ArtifactFixtures(hashes);
		world = newWorld();
		namespace = "ns" + UUID.randomUUID().toString().replace("-", "");
	}

	@Test
	void publishesTheSameStateToTheSameHashesWhateverTheTime() {
		String location = activeLocationAndRegistry();
		long before = log.head();

		PublishRunView first = publishing.publish(new PublishScope(world, "", "op"));
		PublishRunView second = publishing.publish(new PublishScope(world, "", "op"));

		assertThat(second.manifestHash()).isEqualTo(first.manifestHash());
		assertThat(second.itemsHash()).isEqualTo(first.itemsHash());
		assertThat(second.manifest().get("generated_at")).isNotEqualTo(first.manifest().get("generated_at"));
		assertThat(first.itemCount()).isEqualTo(2);
		assertThat(first.manifest()).containsEntry("world_id", world)
			.containsEntry("client_profile", null)
			.containsEntry("manifest_hash", first.manifestHash());
		assertThat(items(first)).extracting(item -> item.get("policy_id"))
			.containsExactly(location, "registry:" + namespace + ":places");
		assertThat(items(first).getFirst()).containsEntry("variant", "v1")
			.containsEntry("policy_version", 1)
			.containsEntry("status", "active")
			.containsKeys("content_hash", "updated_at");
		assertThat(publishing.find(first.publishRunId())).contains(first);
		List<LogEntry> published = log.between(before, log.head())
			.stream()
			.filter(entry -> entry.type().equals("v1.policy.published"))
			.toList();
		assertThat(published).hasSize(2);
		assertThat(published.getFirst().subjectId()).isEqualTo(Long.toString(first.publishRunId()));
		assertThat(published.getFirst().actor()).isEqualTo("op");
		assertThat(published.getFirst().payload()).containsEntry("world_id", world)
			.containsEntry("client_profile", "")
			.containsEntry("manifest_hash", first.manifestHash())
			.containsEntry("items_hash", first.itemsHash())
			.containsEntry("item_count", 2L);
		assertThat(((Number) published.getFirst().payload().get("publish_run_id")).longValue())
			.isEqualTo(first.publishRunId());
	}

	@Test
	void publishesTheEffectiveOverlayOfAClientProfileAndListsRunsNewestFirst() {
		String prompt = "prompt:" + namespace + ":greeting";
		upsert(prompt, "v1", Map.of("text", "hello"));
		upsert(prompt, "v2", Map.of("text", "hi"));
		activations.activate(new ActivatePolicy(world, "", prompt, "v1", "op"));
		activations.activate(new ActivatePolicy(world, "web", prompt, "v2", "op"));

		PublishRunView worldRun = publishing.publish(new PublishScope(world, "", "op"));
		PublishRunView webRun = publishing.publish(new PublishScope(world, "web", "op"));

		assertThat(items(worldRun)).extracting(item -> item.get("variant")).containsExactly("v1");
		assertThat(items(webRun)).extracting(item -> item.get("variant")).containsExactly("v2");
		assertThat(webRun.manifest()).containsEntry("client_profile", "web");
		assertThat(webRun.clientProfile()).isEqualTo("web");
		assertThat(publishing.runs(world, null, null, 10).items()).extracting(PublishRunView::publishRunId)
			.containsExactly(webRun.publishRunId(), worldRun.publishRunId());
		assertThat(publishing.runs(world, "", null, 10).items()).extracting(PublishRunView::publishRunId)
			.containsExactly(worldRun.publishRunId());
		assertThat(publishing.runs(world, null, null, 1).hasNext()).isTrue();
		assertThat(publishing.runs(world, null, webRun.keyset(), 1).items()).extracting(PublishRunView::publishRunId)
			.containsExactly(worldRun.publishRunId());
	}

	@Test
	void refusesToPublishAnUnknownWorld() {
		assertThatExceptionOfType(PolicyException.class)
			.isThrownBy(() -> publishing.publish(new PublishScope("no-world-" + UUID.randomUUID(), "", "op")))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo(PolicyErrorCode.POLICY_WORLD_NOT_FOUND));
	}

	@Test
	void refusesToPublishAnActivationWhoseVariantIsMissingAndStoresNothing() {
		String location = activeLocationAndRegistry();
		TransactionTemplate transaction = new TransactionTemplate(transactionManager);

		// The foreign key keeps a pointer's variant in place; the test lifts it, inside a transaction it rolls back.
		transaction.executeWithoutResult(status -> {
			jdbc.sql("ALTER TABLE policy.activation DROP CONSTRAINT activation_policy_id_variant_fkey").update();
			jdbc.sql("DELETE FROM policy.policy_variant WHERE policy_id = ? AND variant = 'v1'").param(location).update();

			assertThatExceptionOfType(PolicyException.class)
				.isThrownBy(() -> publishing.publish(new PublishScope(world, "", "op")))
				.satisfies(ex -> assertThat(ex.code()).isEqualTo(PolicyErrorCode.POLICY_PUBLISH_REFERENCE_MISSING))
				.withMessageContaining(location);
			status.setRollbackOnly();
		});

		assertThat(publishing.runs(world, null, null, 10).items()).isEmpty();
	}

	@Test
	void saysWhenAPublishRunDoesNotExist() {
		assertThat(publishing.find(Long.MAX_VALUE)).isEmpty();
		assertThatExceptionOfType(PolicyException.class).isThrownBy(() -> publishing.artifact(Long.MAX_VALUE))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo(PolicyErrorCode.POLICY_PUBLISH_RUN_NOT_FOUND));
	}

	@Test
	void exportsARunWithItsFullVariantsAndMarksOneChangedSinceAsNotMaterialized() {
		String location = activeLocationAndRegistry();
		PublishRunView run = publishing.publish(new PublishScope(world, "", "op"));

		PublishArtifact artifact = publishing.artifact(run.publishRunId());
		upsert(location, "v1", Map.of("text", "a different cellar"));
		PublishArtifact later = publishing.artifact(run.publishRunId());

		Map<String, Object> content = artifact.content();
		assertThat(content).containsEntry("export_schema_version", "1.0")
			.containsEntry("policy_authority", "steward")
			.containsEntry("mirror_mode", "non_authoritative")
			.containsEntry("world_id", world)
			.containsEntry("manifest_hash", run.manifestHash())
			.containsEntry("items_hash", run.itemsHash())
			.containsEntry("item_count", 2)
			.containsEntry("items", run.manifest().get("items"))
			.containsEntry("artifact_hash", artifact.artifactHash());
		assertThat(variants(content)).extracting(row -> row.get("policy_id"))
			.containsExactly(location, "registry:" + namespace + ":places");
		assertThat(variants(content).getFirst()).containsEntry("content", Map.of("text", "a damp cellar"))
			.containsEntry("updated_by", "alice")
			.containsEntry("materialized", true);
		assertThat(content.get("variants_hash")).isEqualTo(hashes.variantsHash(variants(content)));
		assertThat(artifact.artifactHash()).isEqualTo(hashes.artifactHash(content));
		assertThat(variants(later.content()).getFirst()).containsEntry("content", Map.of())
			.containsEntry("updated_by", "unknown")
			.containsEntry("materialized", false);
		assertThat(later.artifactHash()).isNotEqualTo(artifact.artifactHash());
	}

	@Test
	void importsLayerOneBeforeLayerTwoIntoAFreshWorldAndActivatesWhatItImported() {
		String location = "location:" + namespace + ":cellar";
		String tone = "tone_profile:" + namespace + ":gloomy";
		String registry = "registry:" + namespace + ":places";
		String descriptor = "descriptor_layer:" + namespace + ":cellar_look";
		// composites first in the artifact: the import must reorder them after the content they refer to
		Map<String, Object> artifact = fixtures.artifact("elsewhere", List.of(
				fixtures.variant(registry, "v1", 1, Map.of("references", List.of(ref(location, "v1")))),
				fixtures.variant(descriptor, "v1", 1, Map.of("text", "looks damp", "references",
						List.of(ref(location, "v1"), ref(tone, "v2")))),
				fixtures.variant(location, "v1", 1, Map.of("text", "a damp cellar")),
				fixtures.variant(tone, "v2", 2, Map.of("prompt_block", "Speak in whispers."))));

		ArtifactImportSummary summary = publishing.importArtifact(new ImportPolicyArtifact(artifact, true, world, null, "op"));

		assertThat(summary.entries()).extracting(Entry::policyId).containsExactly(location, tone, registry, descriptor);
		assertThat(summary.entries()).extracting(Entry::action).containsOnly(Action.IMPORTED);
		assertThat(summary.worldId()).isEqualTo(world);
		assertThat(summary.clientProfile()).isEmpty();
		assertThat(summary.itemCount()).isEqualTo(4);
		assertThat(summary.importedCount()).isEqualTo(4);
		assertThat(summary.updatedCount() + summary.skippedCount() + summary.errorCount()).isZero();
		assertThat(summary.activatedCount()).isEqualTo(4);
		assertThat(summary.activationSkippedCount()).isZero();
		assertThat(summary.artifactHash()).isEqualTo(artifact.get("artifact_hash"));
		assertThat(summary.manifestHash()).isEqualTo(artifact.get("manifest_hash"));
		assertThat(policies.find(tone, "v2")).hasValueSatisfying(variant -> {
			assertThat(variant.policyVersion()).isEqualTo(2);
			assertThat(variant.status()).isEqualTo("active");
			assertThat(variant.updatedBy()).isEqualTo("op");
		});
		assertThat(activations.activations(world, "", false)).extracting(p -> p.policyId() + "@" + p.variant())
			.containsExactly(descriptor + "@v1", location + "@v1", registry + "@v1", tone + "@v2");
	}

	@Test
	void skipsWhatIsUnchangedWhenTheSameArtifactComesAgainAndUpdatesWhatChanged() {
		String location = "location:" + namespace + ":cellar";
		String registry = "registry:" + namespace + ":places";
		List<Map<String, Object>> rows = List.of(fixtures.variant(location, "v1", 1, Map.of("text", "a damp cellar")),
				fixtures.variant(registry, "v1", 1, Map.of("references", List.of(ref(location, "v1")))));
		Map<String, Object> artifact = fixtures.artifact(world, rows);
		publishing.importArtifact(new ImportPolicyArtifact(artifact, true, null, null, "op"));

		ArtifactImportSummary again = publishing.importArtifact(new ImportPolicyArtifact(artifact, true, null, null, "op"));
		ArtifactImportSummary changed = publishing.importArtifact(new ImportPolicyArtifact(fixtures.artifact(world,
				List.of(fixtures.variant(location, "v1", 2, Map.of("text", "a dry cellar")), rows.get(1))), true, null,
				null, "op"));

		assertThat(again.entries()).extracting(Entry::action).containsOnly(Action.SKIPPED);
		assertThat(again.skippedCount()).isEqualTo(2);
		assertThat(again.importedCount() + again.updatedCount() + again.errorCount() + again.activatedCount()).isZero();
		assertThat(again.activationSkippedCount()).isEqualTo(2);
		assertThat(changed.entries()).extracting(entry -> entry.policyId() + ":" + entry.action())
			.containsExactly(location + ":" + Action.UPDATED, registry + ":" + Action.SKIPPED);
		assertThat(policies.find(location, "v1")).hasValueSatisfying(variant ->
			assertThat(variant.content()).containsEntry("text", "a dry cellar"));
		assertThat(activations.activationEvents(world, "", null, null, 10).items()).hasSize(2);
	}

	@Test
	void importsWithoutActivatingWhenToldSoAndIntoAClientProfileWhenOneIsGiven() {
		String location = "location:" + namespace + ":cellar";
		Map<String, Object> artifact = fixtures.artifact(world,
				List.of(fixtures.variant(location, "v1", 1, Map.of("text", "a damp cellar"))));

		ArtifactImportSummary quiet = publishing.importArtifact(new ImportPolicyArtifact(artifact, false, null, null, "op"));
		ArtifactImportSummary web = publishing.importArtifact(new ImportPolicyArtifact(artifact, true, null, "web", "op"));

		assertThat(quiet.activate()).isFalse();
		assertThat(quiet.activatedCount()).isZero();
		assertThat(web.clientProfile()).isEqualTo("web");
		assertThat(web.activatedCount()).isEqualTo(1);
		assertThat(activations.activations(world, "", false)).isEmpty();
		assertThat(activations.activations(world, "web", false)).extracting(ActivationView::variant).containsExactly("v1");
	}

	@Test
	void reportsEachVariantItCannotImportAndGoesOn() {
		String location = "location:" + namespace + ":cellar";
		String prompt = "prompt:" + namespace + ":empty";
		String registry = "registry:" + namespace + ":places";
		Map<String, Object> notMaterialized = new LinkedHashMap<>(
				fixtures.variant("location:" + namespace + ":attic", "v1", 1, Map.of()));
		notMaterialized.put("materialized", false);
		Map<String, Object> artifact = fixtures.artifact(world, List.of(
				fixtures.variant(location, "v1", 1, Map.of("text", "a damp cellar")),
				fixtures.variant(prompt, "v1", 1, Map.of("text", "")),
				fixtures.variant(registry, "v1", 1, Map.of("references", List.of(ref(prompt, "v1")))),
				notMaterialized));

		ArtifactImportSummary summary = publishing.importArtifact(new ImportPolicyArtifact(artifact, true, null, null, "op"));

		assertThat(summary.entries()).extracting(entry -> entry.policyId() + ":" + entry.action()).containsExactly(
				location + ":" + Action.IMPORTED, prompt + ":" + Action.ERROR,
				"location:" + namespace + ":attic:" + Action.ERROR, registry + ":" + Action.ERROR);
		assertThat(summary.entries().get(1).detail()).contains("variants[1]", "POLICY_VALIDATION_ERROR", "content.text");
		assertThat(summary.entries().get(2).detail()).contains("variants[3]", "materialized is false");
		assertThat(summary.entries().get(3).detail()).contains("variants[2]", prompt);
		assertThat(summary.importedCount()).isEqualTo(1);
		assertThat(summary.errorCount()).isEqualTo(3);
		assertThat(summary.activatedCount()).isEqualTo(1);
		assertThat(activations.activations(world, "", false)).extracting(ActivationView::policyId).containsExactly(location);
	}

	@Test
	void refusesAnArtifactWhenAnyHashItCarriesDoesNotMatchAndWritesNothing() {
		String location = "location:" + namespace + ":cellar";
		Map<String, Object> artifact = fixtures.artifact(world,
				List.of(fixtures.variant(location, "v1", 1, Map.of("text", "a damp cellar"))));
		Map<String, UnaryOperator<Map<String, Object>>> tamperings = Map.of(
				"artifact_hash", a -> with(a, "world_id", world + "-moved"),
				"variants_hash", a -> fixtures.seal(with(a, "variants_hash", "0".repeat(64))),
				"items_hash", a -> fixtures.seal(with(a, "items_hash", "0".repeat(64))),
				"manifest_hash", a -> fixtures.seal(with(a, "item_count", 2)),
				"content_hash", a -> fixtures.seal(with(with(a, "variants", List.of(with(variants(a).getFirst(),
						"content", Map.of("text", "a dry cellar")))), "variants_hash",
						hashes.variantsHash(List.of(with(variants(a).getFirst(), "content", Map.of("text", "a dry cellar")))))));

		tamperings.forEach((hash, tamper) -> assertThatExceptionOfType(PolicyException.class)
			.isThrownBy(() -> publishing.importArtifact(new ImportPolicyArtifact(tamper.apply(artifact), true, null, null, "op")))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo(PolicyErrorCode.POLICY_IMPORT_ARTIFACT_HASH_MISMATCH))
			.withMessageContaining(hash));

		assertThat(policies.find(location, null)).isEmpty();
		assertThat(activations.activations(world, "", false)).isEmpty();
	}

	@Test
	void refusesWhatIsNotAnArtifactAndAWorldThatDoesNotExist() {
		Map<String, Object> valid = fixtures.artifact(world, List.of());

		assertThat(invalidCode("not an object")).isEqualTo(PolicyErrorCode.POLICY_IMPORT_ARTIFACT_INVALID);
		assertThat(invalidCode(Map.of("variants", List.of()))).isEqualTo(PolicyErrorCode.POLICY_IMPORT_ARTIFACT_INVALID);
		assertThat(invalidCode(Map.of("world_id", world, "variants", "none"))).isEqualTo(PolicyErrorCode.POLICY_IMPORT_ARTIFACT_INVALID);
		assertThat(invalidCode(Map.of("world_id", world, "variants", List.of("v1")))).isEqualTo(PolicyErrorCode.POLICY_IMPORT_ARTIFACT_INVALID);
		assertThat(invalidCode(Map.of("world_id", world, "variants", List.of(), "manifest_hash", "0".repeat(64))))
			.isEqualTo(PolicyErrorCode.POLICY_IMPORT_ARTIFACT_INVALID);
		assertThat(invalidCode(fixtures.seal(with(valid, "world_id", "no-world-" + UUID.randomUUID()))))
			.isEqualTo(PolicyErrorCode.POLICY_IMPORT_ARTIFACT_HASH_MISMATCH);
		assertThat(invalidCode(fixtures.artifact("no-world-" + UUID.randomUUID(), List.of())))
			.isEqualTo(PolicyErrorCode.POLICY_WORLD_NOT_FOUND);
	}

	@Test
	void importsTheDownloadedArtifactOfARunIntoAnotherWorldToTheSameEffectiveState() {
		activeLocationAndRegistry();
		PublishRunView run = publishing.publish(new PublishScope(world, "", "op"));
		String downloaded = JSON.writeValueAsString(publishing.artifact(run.publishRunId()).content());
		String other = newWorld();

		ArtifactImportSummary summary = publishing.importArtifact(new ImportPolicyArtifact(
				JSON.readValue(downloaded, new TypeReference<Map<String, Object>>() {}), true, other, null, "op"));
		PublishRunView mirrored = publishing.publish(new PublishScope(other, "", "op"));

		assertThat(summary.skippedCount()).isEqualTo(2);
		assertThat(summary.activatedCount()).isEqualTo(2);
		assertThat(summary.manifestHash()).isEqualTo(run.manifestHash());
		assertThat(mirrored.itemsHash()).isEqualTo(run.itemsHash());
	}

	/** A location and a registry that refers to it, both at v1 and active in the world; returns the location's id. */
	String activeLocationAndRegistry() {
		String location = "location:" + namespace + ":cellar";
		String registry = "registry:" + namespace + ":places";
		upsert(location, "v1", Map.of("text", "a damp cellar"));
		upsert(registry, "v1", Map.of("references", List.of(ref(location, "v1"))));
		activations.activate(new ActivatePolicy(world, "", registry, "v1", "op"));
		activations.activate(new ActivatePolicy(world, "", location, "v1", "op"));
		return location;
	}

	void upsert(String policyId, String variant, Map<String, Object> content) {
		policies.upsert(new UpsertPolicyVariant(policyId, variant, "1.0", 1, PolicyStatus.ACTIVE, content, null, "alice"));
	}

	String newWorld() {
		String id = "world-" + UUID.randomUUID();
		worlds.create(new CreateWorld(id, "Publishing", "", true, Map.of(), "alice"));
		return id;
	}

	PolicyErrorCode invalidCode(Object artifact) {
		try {
			publishing.importArtifact(new ImportPolicyArtifact(artifact, true, null, null, "op"));
		}
		catch (PolicyException ex) {
			return ex.code();
		}
		throw new AssertionError("The import was not refused");
	}

	static Map<String, Object> ref(String policyId, String variant) {
		return Map.of("policy_id", policyId, "variant", variant);
	}

	static Map<String, Object> with(Map<String, Object> object, String member, Object value) {
		Map<String, Object> changed = new LinkedHashMap<>(object);
		changed.put(member, value);
		return changed;
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> items(PublishRunView run) {
		return (List<Map<String, Object>>) run.manifest().get("items");
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> variants(Map<String, Object> artifact) {
		return (List<Map<String, Object>>) artifact.get("variants");
	}
}
