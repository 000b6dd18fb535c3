package dev.steward.registry.infrastructure;

import dev.steward.kernel.events.AggregateEvents;
import dev.steward.registry.FileId;
import dev.steward.registry.PackageId;
import dev.steward.registry.RegistryErrorCode;
import dev.steward.registry.RegistryException;
import dev.steward.registry.domain.PackageFile;
import dev.steward.registry.domain.PackageFiles;
import dev.steward.registry.domain.RelativePath;
import dev.steward.registry.domain.StoredBlob;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Files in {@code registry.package_file}, each with its row in {@code registry.storage_location}. */
@Repository
class JdbcPackageFiles implements PackageFiles {

	private static final String SELECT = """
			SELECT f.id, f.package_id, f.relative_path, f.media_type, f.size_bytes, f.digest_primary_hex,
			       f.digest_sha256_hex, f.created_at, f.created_by, l.id AS location_id, l.backend_id, l.object_key,
			       l.retrieval_tier, l.status
			FROM registry.package_file f JOIN registry.storage_location l ON l.file_id = f.id""";

	private final JdbcClient jdbc;

	private final AggregateEvents events;

	JdbcPackageFiles(JdbcClient jdbc, ApplicationEventPublisher publisher) {
		this.jdbc = jdbc;
		this.events = new AggregateEvents(publisher);
	}

	@Override
	public PackageFile save(PackageFile file) {
		StoredBlob blob = file.blob();
		try {
			jdbc.sql("""
					INSERT INTO registry.package_file (id, package_id, relative_path, media_type, size_bytes,
					    digest_algorithm, digest_primary_hex, digest_sha256_hex, content_address, created_at, created_by)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(file.getId().id(), file.packageId().id(), file.relativePath().value(), file.mediaType(),
						blob.sizeBytes(), StoredBlob.PRIMARY_ALGORITHM, blob.blake3Hex(), blob.sha256Hex(),
						blob.contentAddress(), OffsetDateTime.ofInstant(file.createdAt(), ZoneOffset.UTC),
						file.createdBy())
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw new RegistryException(RegistryErrorCode.DUPLICATE_RELATIVE_PATH,
					"Package " + file.packageId() + " has a file at " + file.relativePath() + " already");
		}
		jdbc.sql("""
				INSERT INTO registry.storage_location (id, file_id, backend_id, content_address, object_key,
				    retrieval_tier, status)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(file.storageLocationId(), file.getId().id(), blob.backendId(), blob.contentAddress(),
					blob.objectKey(), file.retrievalTier(), file.storageStatus())
			.update();
		return events.publishFrom(file);
	}

	@Override
	public Optional<PackageFile> findById(FileId id) {
		return jdbc.sql(SELECT + " WHERE f.id = ?").param(id.id()).query(JdbcPackageFiles::file).optional();
	}

	@Override
	public boolean pathTaken(PackageId pkg, RelativePath path) {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM registry.package_file WHERE package_id = ? AND relative_path = ?)")
			.params(pkg.id(), path.value())
			.query(Boolean.class)
			.single();
	}

	@Override
	public Optional<PackageFile> atPath(PackageId pkg, RelativePath path) {
		return jdbc.sql(SELECT + " WHERE f.package_id = ? AND f.relative_path = ?")
			.params(pkg.id(), path.value())
			.query(JdbcPackageFiles::file)
			.optional();
	}

	@Override
	public List<PackageFile> ofPackages(Collection<PackageId> packages) {
		String[] ids = packages.stream().map(PackageId::toString).toArray(String[]::new);
		return jdbc.sql(SELECT + " WHERE f.package_id = ANY (?::uuid[]) ORDER BY f.package_id, convert_to(f.relative_path, 'UTF8')")
			.param(ids)
			.query(JdbcPackageFiles::file)
			.list();
	}

	@Override
	public boolean referencedElsewhere(String backendId, String objectKey, PackageId except) {
		return jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM registry.storage_location l
				    JOIN registry.package_file f ON f.id = l.file_id JOIN registry.package p ON p.id = f.package_id
				    WHERE l.backend_id = ? AND l.object_key = ? AND p.id <> ? AND p.status <> 'purged')""")
			.params(backendId, objectKey, except.id())
			.query(Boolean.class)
			.single();
	}

	@Override
	public boolean referenced(String backendId, String objectKey) {
		return jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM registry.storage_location l
				    JOIN registry.package_file f ON f.id = l.file_id JOIN registry.package p ON p.id = f.package_id
				    WHERE l.backend_id = ? AND l.object_key = ? AND p.status <> 'purged')""")
			.params(backendId, objectKey)
			.query(Boolean.class)
			.single();
	}

	@Override
	public void markPurged(PackageId pkg) {
		jdbc.sql("""
				UPDATE registry.storage_location SET status = 'purged'
				WHERE file_id IN (SELECT id FROM registry.package_file WHERE package_id = ?)""")
			.param(pkg.id())
			.update();
	}

	private static PackageFile file(ResultSet row, int index) throws SQLException {
		StoredBlob blob = new StoredBlob(row.getLong("size_bytes"), row.getString("digest_primary_hex"),
				row.getString("digest_sha256_hex"), row.getString("backend_id"), row.getString("object_key"));
		return new PackageFile(new FileId(row.getObject("id", UUID.class)),
				new PackageId(row.getObject("package_id", UUID.class)), new RelativePath(row.getString("relative_path")),
				row.getString("media_type"), blob, row.getObject("location_id", UUID.class),
				row.getString("retrieval_tier"), row.getString("status"), JdbcArtifactPackages.instant(row, "created_at"),
				row.getString("created_by"));
	}
}
