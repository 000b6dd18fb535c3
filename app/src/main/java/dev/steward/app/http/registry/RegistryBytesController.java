package dev.steward.app.http.registry;

import dev.steward.app.security.CurrentPrincipal;
import dev.steward.app.security.RequiresRole;
import dev.steward.app.security.Role;
import dev.steward.app.security.UnauthenticatedError;
import dev.steward.kernel.CodedException;
import dev.steward.registry.RegistryErrorCode;
import dev.steward.registry.RegistryException;
import dev.steward.registry.RegistryFacade;
import dev.steward.registry.RegistryFacade.FileContent;
import dev.steward.registry.RegistryFacade.FileView;
import dev.steward.registry.RegistryFacade.IngestFile;
import dev.steward.registry.RegistryFacade.Ingested;
import dev.steward.registry.RegistryFacade.ManifestBytes;
import dev.steward.registry.RegistryFacade.ManifestFormat;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRange;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * File bytes and manifests of the registry, beside GraphQL:
 * <ul>
 * <li>{@code PUT /registry/packages/{id}/files/{relativePath}}: the body is the file (streamed, never held in
 * memory), its Content-Type the file's media type; answers 201 with the file. Needs the author role.</li>
 * <li>{@code GET /registry/files/{id}/content}: the bytes, with a strong ETag (the BLAKE3 digest) and a single HTTP
 * Range ({@code bytes=a-b}, {@code bytes=a-}, {@code bytes=-n}); several ranges answer the whole file. Needs the
 * viewer role.</li>
 * <li>{@code GET /registry/packages/{id}/manifest}: {@code application/cbor} (the canonical bytes) or the RFC 8785
 * projection as {@code application/json}, chosen by {@code ?format=cbor|json} or else the Accept header. Needs the
 * viewer role.</li>
 * </ul>
 * Refusals are JSON {@code {code, message}} with the registry's error codes.
 */
@RestController
public class RegistryBytesController {

	static final String UPLOAD = "/registry/packages/{id}/files/{*relativePath}";

	static final String CONTENT = "/registry/files/{id}/content";

	static final String MANIFEST = "/registry/packages/{id}/manifest";

	private static final MediaType CBOR = MediaType.parseMediaType("application/cbor");

	private final RegistryFacade registry;

	RegistryBytesController(RegistryFacade registry) {
		this.registry = registry;
	}

	/** Where a file's bytes are served, relative to the server. */
	public static String contentPath(String fileId) {
		return CONTENT.replace("{id}", fileId);
	}

	/** Where a package's manifest is served, relative to the server. */
	public static String manifestPath(String packageId) {
		return MANIFEST.replace("{id}", packageId);
	}

	@PutMapping(path = UPLOAD, produces = MediaType.APPLICATION_JSON_VALUE)
	@RequiresRole(Role.AUTHOR)
	ResponseEntity<Map<String, Object>> upload(@PathVariable String id, @PathVariable String relativePath,
			HttpServletRequest request) throws IOException {
		String actor = CurrentPrincipal.ofHttpRequest().name();
		String path = relativePath.startsWith("/") ? relativePath.substring(1) : relativePath;
		Ingested ingested;
		try (InputStream body = request.getInputStream()) {
			ingested = registry.ingestFile(new IngestFile(id, path, request.getContentType(), actor), body);
		}
		FileView file = ingested.file();
		// a retried upload that found its file answers 200, as a PUT that changed nothing
		return (ingested.created() ? ResponseEntity.created(URI.create(contentPath(file.id().toString())))
				: ResponseEntity.ok())
			.contentType(MediaType.APPLICATION_JSON)
			.body(describe(file));
	}

	@GetMapping(path = CONTENT)
	@RequiresRole(Role.VIEWER)
	ResponseEntity<StreamingResponseBody> content(@PathVariable String id,
			@RequestHeader(name = HttpHeaders.RANGE, required = false) @Nullable String range,
			@RequestHeader(name = HttpHeaders.IF_RANGE, required = false) @Nullable String ifRange,
			WebRequest request) {
		FileView file = registry.findFile(id)
			.filter(found -> !found.storageStatus().equals("purged"))
			.orElseThrow(() -> new RegistryException(RegistryErrorCode.FILE_NOT_FOUND, "There is no file " + id));
		String etag = "\"" + file.digestPrimaryHex() + "\"";
		if (request.checkNotModified(etag)) {
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).build();
		}
		long size = file.sizeBytes();
		List<HttpRange> ranges = range == null || (ifRange != null && !ifRange.equals(etag)) ? List.of()
				: parse(range, size);
		if (ranges.size() == 1) {
			HttpRange only = ranges.getFirst();
			long start;
			long end;
			try {
				start = only.getRangeStart(size);
				end = only.getRangeEnd(size);
			}
			catch (IllegalArgumentException ex) {
				return unsatisfiable(size);
			}
			if (size == 0 || start > end) {
				return unsatisfiable(size);
			}
			FileContent content = registry.openContent(id, start, end - start + 1);
			return ResponseEntity.status(HttpStatus.PARTIAL_CONTENT)
				.eTag(etag)
				.header(HttpHeaders.ACCEPT_RANGES, "bytes")
				.header(HttpHeaders.CONTENT_RANGE, "bytes " + start + "-" + end + "/" + size)
				.contentType(MediaType.parseMediaType(file.mediaType()))
				.contentLength(content.length())
				.body(stream(content));
		}
		FileContent content = registry.openContent(id, 0, null);
		return ResponseEntity.ok()
			.eTag(etag)
			.header(HttpHeaders.ACCEPT_RANGES, "bytes")
			.contentType(MediaType.parseMediaType(file.mediaType()))
			.contentLength(size)
			.body(stream(content));
	}

	@GetMapping(path = MANIFEST)
	@RequiresRole(Role.VIEWER)
	ResponseEntity<byte[]> manifest(@PathVariable String id, @RequestParam(required = false) @Nullable String format,
			@RequestHeader(name = HttpHeaders.ACCEPT, required = false) @Nullable String accept, WebRequest request) {
		ManifestFormat chosen = format != null ? ManifestFormat.of(format) : fromAccept(accept);
		if (chosen == null) {
			byte[] body = ("{\"code\":\"MANIFEST_FORMAT_UNSUPPORTED\",\"message\":\"A manifest is served as application/cbor"
					+ " or application/json (RFC 8785); the Accept header names neither\"}")
				.getBytes(java.nio.charset.StandardCharsets.UTF_8);
			return ResponseEntity.status(HttpStatus.NOT_ACCEPTABLE).contentType(MediaType.APPLICATION_JSON).body(body);
		}
		ManifestBytes manifest = registry.manifest(id, chosen);
		String etag = "\"" + manifest.manifestDigest().substring(manifest.manifestDigest().indexOf(':') + 1)
				+ (chosen == ManifestFormat.JSON ? "-jcs" : "") + "\"";
		if (request.checkNotModified(etag)) {
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).build();
		}
		return ResponseEntity.ok()
			.eTag(etag)
			.header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
			.header("Steward-Manifest-Digest", manifest.manifestDigest())
			.contentType(chosen == ManifestFormat.JSON ? MediaType.APPLICATION_JSON : CBOR)
			.body(manifest.bytes());
	}

	/** The format the Accept header asks for; CBOR when it names none or any; null when it names only others. */
	private static @Nullable ManifestFormat fromAccept(@Nullable String accept) {
		if (accept == null || accept.isBlank()) {
			return ManifestFormat.CBOR;
		}
		List<MediaType> types;
		try {
			types = MediaType.parseMediaTypes(accept);
		}
		catch (IllegalArgumentException ex) {
			return ManifestFormat.CBOR;
		}
		types = new java.util.ArrayList<>(types);
		types.sort(java.util.Comparator.comparingDouble(MediaType::getQualityValue).reversed());
		for (MediaType type : types) {
			if (type.isCompatibleWith(CBOR) && !type.isWildcardType()) {
				return ManifestFormat.CBOR;
			}
			if (type.isCompatibleWith(MediaType.APPLICATION_JSON) && !type.isWildcardType()) {
				return ManifestFormat.JSON;
			}
		}
		boolean anything = types.stream()
			.anyMatch(type -> type.getQualityValue() > 0 && (type.isWildcardType() || type.isCompatibleWith(CBOR)));
		return anything ? ManifestFormat.CBOR : null;
	}

	private static List<HttpRange> parse(String range, long size) {
		try {
			return HttpRange.parseRanges(range);
		}
		catch (IllegalArgumentException ex) {
			// an unreadable Range header is ignored, as RFC 9110 allows
			return List.of();
		}
	}

	private static ResponseEntity<StreamingResponseBody> unsatisfiable(long size) {
		byte[] body = ("{\"code\":\"RANGE_NOT_SATISFIABLE\",\"message\":\"The range lies outside the file's " + size
				+ " bytes\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
		return ResponseEntity.status(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE)
			.header(HttpHeaders.CONTENT_RANGE, "bytes */" + size)
			.contentType(MediaType.APPLICATION_JSON)
			.contentLength(body.length)
			.body(out -> out.write(body));
	}

	private static StreamingResponseBody stream(FileContent content) {
		return out -> {
			try (InputStream in = content.stream()) {
				in.transferTo(out);
			}
		};
	}

	static Map<String, Object> describe(FileView file) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", file.id().toString());
		body.put("packageId", file.packageId().toString());
		body.put("relativePath", file.relativePath());
		body.put("mediaType", file.mediaType());
		body.put("sizeBytes", file.sizeBytes());
		body.put("digestAlgorithm", file.digestAlgorithm());
		body.put("digestPrimaryHex", file.digestPrimaryHex());
		body.put("digestSha256Hex", file.digestSha256Hex());
		body.put("contentAddress", file.contentAddress());
		body.put("backendId", file.backendId());
		body.put("storageStatus", file.storageStatus());
		body.put("contentUrl", contentPath(file.id().toString()));
		body.put("createdAt", file.createdAt().toString());
		body.put("createdBy", file.createdBy());
		return body;
	}

	@ExceptionHandler
	ResponseEntity<Map<String, String>> refused(CodedException ex) {
		HttpStatus status = switch (ex.code().kind()) {
			case BAD_REQUEST -> HttpStatus.BAD_REQUEST;
			case NOT_FOUND -> HttpStatus.NOT_FOUND;
			case CONFLICT -> HttpStatus.CONFLICT;
			case FORBIDDEN -> HttpStatus.FORBIDDEN;
			case INTERNAL -> HttpStatus.SERVICE_UNAVAILABLE;
		};
		if (ex.code() == RegistryErrorCode.FILE_TOO_LARGE) {
			status = HttpStatus.CONTENT_TOO_LARGE;
		}
		if (ex.code() == RegistryErrorCode.RANGE_NOT_SATISFIABLE) {
			status = HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE;
		}
		return error(status, ex.code().code(), ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<Map<String, String>> forbidden(AccessDeniedException ex) {
		return error(HttpStatus.FORBIDDEN, "FORBIDDEN", "The token's role does not allow this request.");
	}

	@ExceptionHandler({ AuthenticationException.class, UnauthenticatedError.class })
	ResponseEntity<Map<String, String>> unauthenticated(RuntimeException ex) {
		return error(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "This needs a bearer token");
	}

	private static ResponseEntity<Map<String, String>> error(HttpStatus status, String code, String message) {
		Map<String, String> body = new LinkedHashMap<>();
		body.put("code", code);
		body.put("message", message);
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
	}
}
