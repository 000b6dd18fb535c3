package dev.steward.app.http.policy;

import dev.steward.app.security.RequiresRole;
import dev.steward.app.security.Role;
import dev.steward.policy.PolicyErrorCode;
import dev.steward.policy.PolicyException;
import dev.steward.policy.PublishFacade.PublishArtifact;
import dev.steward.policy.PublishFacade;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import dev.steward.retention.RetentionErrorCode;
import dev.steward.retention.RetentionFacade;
import dev.steward.retention.RetentionFacade.RetentionView;
import dev.steward.retention.SubjectRef;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Downloads the export artifact of a publish run: {@code application/json}, pretty-printed (two-space indent,
 * members in the artifact's own order, a final newline) as a file to keep, e.g. in a mirror repository. The
 * hashes inside it are computed over the canonical JSON of its values, so the layout does not matter to them.
 * The ETag is the artifact hash; {@code If-None-Match} with it answers 304. Needs a bearer token of any role. A run
 * past its retention and not held, or purged, answers {@code 410 Gone} with the code
 * {@code RETENTION_SUBJECT_EXPIRED}.
 */
@RestController
public class PublishArtifactController {

	static final String PATH = "/policy/publish-runs/{id}/artifact";

	private static final JsonMapper PRETTY = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private final PublishFacade publishing;

	private final RetentionFacade retention;

	PublishArtifactController(PublishFacade publishing, RetentionFacade retention) {
		this.publishing = publishing;
		this.retention = retention;
	}

	/** The path of a run's artifact, relative to the server. */
	public static String path(long publishRunId) {
		return PATH.replace("{id}", Long.toString(publishRunId));
	}

	@GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
	@RequiresRole(Role.VIEWER)
	ResponseEntity<?> artifact(@PathVariable String id, WebRequest request) {
		long runId = runId(id);
		Optional<RetentionView> kept = retention.find(SubjectRef.of("publish_run", Long.toString(runId)));
		if (kept.isPresent() && kept.get().gone() && publishing.find(runId).isPresent()) {
			RetentionView gone = kept.get();
			return error(HttpStatus.GONE, RetentionErrorCode.RETENTION_SUBJECT_EXPIRED.code(), gone.purged()
					? "Publish run " + runId + " was purged at " + gone.purgedAt() + "; its artifact is gone"
					: "Publish run " + runId + " is past its retention (expired " + gone.expiresAt()
							+ ") and not held; its artifact is gone");
		}
		PublishArtifact artifact = publishing.artifact(runId);
		String etag = "\"" + artifact.artifactHash() + "\"";
		if (request.checkNotModified(etag)) {
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).build();
		}
		byte[] body = (PRETTY.writeValueAsString(artifact.content()) + "\n").getBytes(StandardCharsets.UTF_8);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.eTag(etag)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename("publish_" + artifact.manifestHash() + ".json")
						.build()
						.toString())
			.body(body);
	}

	@ExceptionHandler
	ResponseEntity<Map<String, String>> refused(PolicyException ex) {
		HttpStatus status = switch (ex.code().kind()) {
			case BAD_REQUEST -> HttpStatus.BAD_REQUEST;
			case NOT_FOUND -> HttpStatus.NOT_FOUND;
			case CONFLICT -> HttpStatus.CONFLICT;
			case FORBIDDEN -> HttpStatus.FORBIDDEN;
			case INTERNAL -> HttpStatus.INTERNAL_SERVER_ERROR;
		};
		return error(status, ex.code().code(), ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<Map<String, String>> forbidden(AccessDeniedException ex) {
		return error(HttpStatus.FORBIDDEN, "FORBIDDEN", "The token's role does not allow this request.");
	}

	@ExceptionHandler
	ResponseEntity<Map<String, String>> unauthenticated(AuthenticationException ex) {
		return error(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "This needs a bearer token");
	}

	private static long runId(String id) {
		try {
			return Long.parseLong(id);
		}
		catch (NumberFormatException ex) {
			throw new PolicyException(PolicyErrorCode.POLICY_PUBLISH_RUN_NOT_FOUND, "There is no publish run " + id);
		}
	}

	private static ResponseEntity<Map<String, String>> error(HttpStatus status, String code, String message) {
		Map<String, String> body = new LinkedHashMap<>();
		body.put("code", code);
		body.put("message", message);
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
	}
}
