package dev.steward.registry.infrastructure;

import dev.steward.kernel.Digests;
import dev.steward.kernel.events.EventLog;
import dev.steward.kernel.events.LogEntry;
import dev.steward.registry.RegistryEvents;
import dev.steward.registry.RegistryFacade.RegistryViewsVerification;
import dev.steward.registry.RegistryFacade.ViewDifference;
import dev.steward.registry.domain.RegistryViewRebuild;
import dev.steward.registry.domain.StoredBlob;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
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

	private static final int PAGE = 1_000;

	private static final int DIFFERENCES_PER_VIEW = 20;

	/** Each view: its table, its key as SQL, and its columns with their types. */
	private static final List<View> VIEWS = List.of(
			new View("metadata_schema", "id::text",
					"id uuid, slug text, json_schema jsonb, created_at timestamptz, created_by text"),
			new View("package", "id::text", "id uuid, name text, producer text, subject text, retention_class text,"
					+ " metadata jsonb, metadata_schema_id uuid, status text, manifest_digest text, manifest_cbor bytea,"
					+ " created_at timestamptz, created_by text, finalized_at timestamptz, purged_at timestamptz,"
					+ " last_event_sequence bigint"),
			new View("package_file", "id::text", "id uuid, package_id uuid, relative_path text, media_type text,"
					+ " size_bytes bigint, digest_algorithm text, digest_primary_hex text, digest_sha256_hex text,"
					+ " content_address text, created_at timestamptz, created_by text"),
			new View("storage_location", "id::text", "id uuid, file_id uuid, backend_id text, content_address text,"
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
		long after = 0;
		long replayed = 0;
		for (List<LogEntry> page = log.after(after, PAGE); !page.isEmpty(); page = log.after(after, PAGE)) {
			for (LogEntry entry : page) {
				replay.apply(entry);
				after = entry.sequence();
				replayed++;
			}
		}
		List<ViewDifference> differences = new ArrayList<>();
		for (View view : VIEWS) {
			String scratch = "rebuilt_registry_" + view.table();
			jdbc.sql("CREATE TEMPORARY TABLE " + scratch + " (" + view.columns() + ") ON COMMIT DROP").update();
			String placeholders = String.join(", ", view.columnTypes().stream()
				.map(type -> switch (type) {
					case "jsonb" -> "?::jsonb";
					case "uuid" -> "?::uuid";
					default -> "?";
				})
				.toList());
			for (Object[] row : replay.rows(view.table())) {
				jdbc.sql("INSERT INTO pg_temp." + scratch + " VALUES (" + placeholders + ")")
					.params(Arrays.asList(row))
					.update();
			}
			String columns = String.join(", ", view.columnNames());
			String rebuilt = "SELECT " + columns + " FROM pg_temp." + scratch;
			String live = "SELECT " + columns + " FROM registry." + view.table();
			differences.addAll(differences(view, "(" + rebuilt + " EXCEPT ALL " + live + ")", "only in the log"));
			differences.addAll(differences(view, "(" + live + " EXCEPT ALL " + rebuilt + ")", "only in the view"));
		}
		return new RegistryViewsVerification(differences.isEmpty(), replayed, differences);
	}

	private List<ViewDifference> differences(View view, String rows, String problem) {
		return jdbc.sql("SELECT " + view.key() + " FROM " + rows + " d ORDER BY 1 LIMIT " + DIFFERENCES_PER_VIEW)
			.query((row, index) -> new ViewDifference(view.table(), row.getString(1), problem))
			.list();
	}

	private record View(String table, String key, String columns) {

		List<String> columnNames() {
			return Arrays.stream(columns.split(",")).map(column -> column.strip().split(" ")[0]).toList();
		}

		List<String> columnTypes() {
			return Arrays.stream(columns.split(",")).map(column -> column.strip().split(" ")[1]).toList();
		}
	}

	/** The views as the log's events leave them, row by row in each view's column order. */
	private static final class Replay {

		private final Map<String, Map<String, Object[]>> views = new LinkedHashMap<>();

		/** Each file's location id, and each package's file ids. */
		private final Map<String, List<String>> filesOfPackage = new LinkedHashMap<>();

		private final Map<String, String> locationOfFile = new LinkedHashMap<>();

		List<Object[]> rows(String view) {
			return List.copyOf(views.getOrDefault(view, Map.of()).values());
		}

		private void put(String view, String key, Object... row) {
			views.computeIfAbsent(view, name -> new LinkedHashMap<>()).put(key, row);
		}

		private Object @Nullable [] get(String view, String key) {
			return views.getOrDefault(view, Map.of()).get(key);
		}

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
