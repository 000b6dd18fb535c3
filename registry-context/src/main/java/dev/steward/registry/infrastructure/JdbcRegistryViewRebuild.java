package dev.steward.registry.infrastructure;

import dev.steward.kernel.Digests;
import dev.steward.kernel.events.EventLog;
import dev.steward.kernel.events.LogEntry;
import dev.steward.kernel.events.RebuiltViews;
import dev.steward.registry.RegistryEvents;
import dev.steward.registry.RegistryFacade.RegistryViewsVerification;
import dev.steward.registry.RegistryFacade.ViewDifference;
import dev.steward.registry.domain.RegistryViewRebuild;
import dev.steward.registry.domain.StoredBlob;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Replays the registry event log into temporary tables (dropped at commit) shaped like the live views, then
 * compares the two with {@code EXCEPT ALL} in both directions. Every column is compared, times included: each time
 * a view holds is an event's own time or is written in an event's payload.
 */
@Component
class JdbcRegistryViewRebuild implements RegistryViewRebuild {

	/** Each view: its table, its key as SQL, and its columns with their types. */
	private static final List<RebuiltViews.View> VIEWS = List.of(
			new RebuiltViews.View("metadata_schema", "id::text",
					"id uuid, slug text, json_schema jsonb, created_at timestamptz, created_by text"),
			new RebuiltViews.View("package", "id::text", "id uuid, name text, producer text, subject text, retention_class text,"
					+ " metadata jsonb, metadata_schema_id uuid, status text, manifest_digest text, manifest_cbor bytea,"
					+ " created_at timestamptz, created_by text, finalized_at timestamptz, purged_at timestamptz,"
					+ " last_event_sequence bigint"),
			new RebuiltViews.View("package_file", "id::text", "id uuid, package_id uuid, relative_path text, media_type text,"
					+ " size_bytes bigint, digest_algorithm text, digest_primary_hex text, digest_sha256_hex text,"
					+ " content_address text, created_at timestamptz, created_by text"),
			new RebuiltViews.View("storage_location", "id::text", "id uuid, file_id uuid, backend_id text, content_address text,"
					+ " object_key text, retrieval_tier text, status text, verified_at timestamptz, mismatch text"));

	private final JdbcClient jdbc;

	private final EventLog log;

	JdbcRegistryViewRebuild(JdbcClient jdbc, @Qualifier("registryEventLog") EventLog log) {
		this.jdbc = jdbc;
		this.log = log;
	}

	@Override
	public RegistryViewsVerification verify() {
		Replay replay = new Replay();
		long replayed = RebuiltViews.replay(log, replay::apply);
		List<ViewDifference> differences = RebuiltViews.compare(jdbc, "registry", VIEWS, replay::rows)
			.stream()
			.map(difference -> new ViewDifference(difference.view(), difference.key(), difference.problem()))
			.toList();
		return new RegistryViewsVerification(differences.isEmpty(), replayed, differences);
	}

	/** The views as the log's events leave them, row by row in each view's column order. */
	private static final class Replay extends RebuiltViews.Rows {

		/** Each file's location id, and each package's file ids. */
		private final Map<String, List<String>> filesOfPackage = new LinkedHashMap<>();

		private final Map<String, String> locationOfFile = new LinkedHashMap<>();

		void apply(LogEntry entry) {
			Map<String, Object> payload = entry.payload();
			OffsetDateTime at = OffsetDateTime.ofInstant(entry.createdAt(), ZoneOffset.UTC);
			String subject = entry.subjectId();
			switch (entry.type()) {
				case RegistryEvents.METADATA_SCHEMA_REGISTERED -> put("metadata_schema", subject, subject,
						payload.get("slug"), RegistryJson.write(payload.get("json_schema")), at, entry.actor());
				case RegistryEvents.PACKAGE_CREATED -> put("package", subject, subject, payload.get("name"),
						payload.get("producer"), payload.get("subject"), payload.get("retention_class"),
						RegistryJson.write(payload.get("metadata")), payload.get("metadata_schema_id"), "created", null,
						null, at, entry.actor(), null, null, entry.sequence());
				case RegistryEvents.FILE_INGESTED -> {
					String fileId = (String) payload.get("file_id");
					String locationId = (String) payload.get("storage_location_id");
					String contentAddress = StoredBlob.contentAddress((String) payload.get("digest_primary_hex"));
					put("package_file", fileId, fileId, subject, payload.get("relative_path"), payload.get("media_type"),
							((Number) payload.get("size_bytes")).longValue(), payload.get("digest_algorithm"),
							payload.get("digest_primary_hex"), payload.get("digest_sha256_hex"), contentAddress, at,
							entry.actor());
					put("storage_location", locationId, locationId, fileId, payload.get("backend_id"), contentAddress,
							payload.get("object_key"), payload.get("retrieval_tier"), payload.get("storage_status"), null,
							null);
					filesOfPackage.computeIfAbsent(subject, key -> new ArrayList<>()).add(fileId);
					locationOfFile.put(fileId, locationId);
					touch(subject, entry.sequence());
				}
				case RegistryEvents.PACKAGE_FINALIZED -> {
					Object[] row = get("package", subject);
					if (row != null) {
						@SuppressWarnings("unchecked")
						Map<String, Object> described = (Map<String, Object>) payload.get("package");
						row[7] = "finalized";
						row[8] = StoredBlob.contentAddress(Digests.hex(Blake3.hash(entry.payloadCbor())));
						row[9] = entry.payloadCbor();
						row[12] = OffsetDateTime.ofInstant(Instant.parse((String) described.get("finalized_at")),
								ZoneOffset.UTC);
						row[14] = entry.sequence();
					}
				}
				case RegistryEvents.PACKAGE_PURGED -> {
					Object[] row = get("package", subject);
					if (row != null) {
						row[7] = "purged";
						if (!Boolean.TRUE.equals(payload.get("keep_manifest"))) {
							row[9] = null;
						}
						row[13] = at;
						row[14] = entry.sequence();
					}
					for (String fileId : filesOfPackage.getOrDefault(subject, List.of())) {
						Object[] location = get("storage_location", locationOfFile.get(fileId));
						if (location != null) {
							location[6] = "purged";
						}
					}
				}
				case RegistryEvents.LOCATION_VERIFIED -> {
					Object[] location = get("storage_location", (String) payload.get("storage_location_id"));
					if (location != null && !"purged".equals(location[6])) {
						boolean verified = Boolean.TRUE.equals(payload.get("verified"));
						location[6] = verified ? "verified" : "failed";
						location[7] = at;
						location[8] = verified ? null : payload.get("mismatch");
					}
				}
				default -> {
					// events of other kinds shape no registry view
				}
			}
		}

		private void touch(String packageId, long sequence) {
			Object[] row = get("package", packageId);
			if (row != null) {
				row[14] = sequence;
			}
		}

		static UUID uuid(String text) {
			return UUID.fromString(text);
		}
	}
}
