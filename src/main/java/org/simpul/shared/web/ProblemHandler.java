package org.simpul.shared.web;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.simpul.shared.ClientIds;
import org.simpul.shared.ConflictException;
import org.simpul.shared.DiskFull;
import org.simpul.shared.FieldProblem;
import org.simpul.shared.InvalidInputException;
import org.simpul.shared.NotFoundException;
import org.simpul.shared.StorageFullException;
import org.simpul.shared.TooManyRequestsException;
import org.simpul.shared.database.DatabaseFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import tools.jackson.databind.DatabindException;

/**
 * Turns every failure of an API controller into problem+json: bad input names its fields, out-of-territory
 * answers like unknown (404), a lost database answers 503 with {@code Retry-After}, and an unexpected
 * error answers 500 without any detail. Page controllers keep the friendly error page instead.
 */
@RestControllerAdvice(annotations = RestController.class)
class ProblemHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

	private final ProblemWriter problems;

	ProblemHandler(ProblemWriter problems) {
		this.problems = problems;
	}

	@ExceptionHandler(NotFoundException.class)
	ResponseEntity<ProblemDetail> notFound(HttpServletRequest request) {
		return answer(request, HttpStatus.NOT_FOUND, "problem.notFound", List.of());
	}

	@ExceptionHandler(InvalidInputException.class)
	ResponseEntity<ProblemDetail> invalid(HttpServletRequest request, InvalidInputException ex) {
		return answer(request, HttpStatus.BAD_REQUEST, "problem.validation", ex.problems());
	}

	@ExceptionHandler(StorageFullException.class)
	ResponseEntity<ProblemDetail> storageFull(HttpServletRequest request, StorageFullException ex) {
		log.error("DISK_FULL: the server's disk is full; {} {} could not be kept", request.getMethod(),
				request.getRequestURI());
		return answer(request, HttpStatus.INSUFFICIENT_STORAGE, "problem.storageFull",
				List.of(FieldProblem.of(ex.field(), "DISK_FULL")));
	}

	@ExceptionHandler(ConflictException.class)
	ResponseEntity<ProblemDetail> conflict(HttpServletRequest request, ConflictException ex) {
		ResponseEntity<ProblemDetail> answer = answer(request, HttpStatus.CONFLICT, "problem.conflict",
				List.of(ex.problem()));
		if (ex.existing() != null) {
			answer.getBody().setProperty("existing", ex.existing());
		}
		return answer;
	}

	@ExceptionHandler(PreconditionFailedException.class)
	ResponseEntity<ProblemDetail> stale(HttpServletRequest request) {
		return answer(request, HttpStatus.PRECONDITION_FAILED, "problem.stale", List.of());
	}

	/** A record whose id, chosen by its client, names one that exists already: 409; any other twin is a fault. */
	@ExceptionHandler(DuplicateKeyException.class)
	ResponseEntity<ProblemDetail> duplicate(HttpServletRequest request, DuplicateKeyException ex) {
		if (ClientIds.taken(ex)) {
			return answer(request, HttpStatus.CONFLICT, "problem.conflict", List.of(ClientIds.conflict().problem()));
		}
		return unexpected(request, ex);
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ResponseEntity<ProblemDetail> staleWrite(HttpServletRequest request) {
		return answer(request, HttpStatus.PRECONDITION_FAILED, "problem.stale", List.of());
	}

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ResponseEntity<ProblemDetail> invalidBody(HttpServletRequest request, MethodArgumentNotValidException ex) {
		List<FieldProblem> errors = new ArrayList<>();
		ex.getBindingResult().getFieldErrors().forEach(error -> errors.add(FieldProblem.of(error.getField(),
				BeanValidationCodes.code(error.getCode()))));
		ex.getBindingResult().getGlobalErrors().forEach(error -> errors.add(FieldProblem.of(error.getObjectName(),
				BeanValidationCodes.code(error.getCode()))));
		return answer(request, HttpStatus.BAD_REQUEST, "problem.validation", errors);
	}

	@ExceptionHandler(HandlerMethodValidationException.class)
	ResponseEntity<ProblemDetail> invalidParameter(HttpServletRequest request, HandlerMethodValidationException ex) {
		List<FieldProblem> errors = new ArrayList<>();
		ex.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error -> errors
			.add(FieldProblem.of(result.getMethodParameter().getParameterName(),
					BeanValidationCodes.code(error.getCodes() == null ? null : error.getCodes()[error.getCodes().length - 1])))));
		return answer(request, HttpStatus.BAD_REQUEST, "problem.validation", errors);
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ProblemDetail> unreadable(HttpServletRequest request, HttpMessageNotReadableException ex) {
		// A value of the wrong type or an unknown enumeration constant: name the field it was meant for.
		if (ex.getCause() instanceof DatabindException bad && !bad.getPath().isEmpty()) {
			StringBuilder field = new StringBuilder();
			for (var reference : bad.getPath()) {
				if (reference.getPropertyName() != null) {
					field.append(field.isEmpty() ? "" : ".").append(reference.getPropertyName());
				}
				else if (reference.getIndex() >= 0) {
					field.append('[').append(reference.getIndex()).append(']');
				}
			}
			return answer(request, HttpStatus.BAD_REQUEST, "problem.validation",
					List.of(FieldProblem.of(field.toString(), "INVALID_VALUE")));
		}
		return answer(request, HttpStatus.BAD_REQUEST, "problem.unreadable",
				List.of(FieldProblem.of("body", "BODY_UNREADABLE")));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> mismatch(HttpServletRequest request, MethodArgumentTypeMismatchException ex) {
		return answer(request, HttpStatus.BAD_REQUEST, "problem.validation",
				List.of(FieldProblem.of(ex.getName(), "INVALID_VALUE")));
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ResponseEntity<ProblemDetail> missingParameter(HttpServletRequest request,
			MissingServletRequestParameterException ex) {
		return answer(request, HttpStatus.BAD_REQUEST, "problem.validation",
				List.of(FieldProblem.of(ex.getParameterName(), "REQUIRED")));
	}

	@ExceptionHandler(MissingServletRequestPartException.class)
	ResponseEntity<ProblemDetail> missingPart(HttpServletRequest request, MissingServletRequestPartException ex) {
		return answer(request, HttpStatus.BAD_REQUEST, "problem.validation",
				List.of(FieldProblem.of(ex.getRequestPartName(), "REQUIRED")));
	}

	@ExceptionHandler(MissingRequestHeaderException.class)
	ResponseEntity<ProblemDetail> missingHeader(HttpServletRequest request, MissingRequestHeaderException ex) {
		HttpStatus status = HttpHeaders.IF_MATCH.equalsIgnoreCase(ex.getHeaderName()) ? HttpStatus.PRECONDITION_REQUIRED
				: HttpStatus.BAD_REQUEST;
		return answer(request, status, "problem.validation", List.of(FieldProblem.of(ex.getHeaderName(), "REQUIRED")));
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<ProblemDetail> method(HttpServletRequest request) {
		return answer(request, HttpStatus.METHOD_NOT_ALLOWED, "problem.method", List.of());
	}

	/**
	 * An upload too large (413), one the server had no disk space to receive (507), or a body that is not the
	 * multipart form an upload needs (415).
	 */
	@ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
	ResponseEntity<ProblemDetail> multipart(HttpServletRequest request,
			org.springframework.web.multipart.MultipartException ex) {
		if (DiskFull.is(ex)) {
			// the upload could not even be received: the server's temporary space is full
			return storageFull(request, new StorageFullException("file", ex));
		}
		return ex instanceof org.springframework.web.multipart.MaxUploadSizeExceededException
				? answer(request, HttpStatus.PAYLOAD_TOO_LARGE, "problem.tooLarge", List.of())
				: answer(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "problem.mediaType", List.of());
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<ProblemDetail> mediaType(HttpServletRequest request) {
		return answer(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "problem.mediaType", List.of());
	}

	@ExceptionHandler(TooManyRequestsException.class)
	ResponseEntity<ProblemDetail> tooMany(HttpServletRequest request, TooManyRequestsException ex) {
		ProblemDetail problem = problems.problem(request, HttpStatus.TOO_MANY_REQUESTS, "problem.tooMany", List.of());
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, ex.retryAfter().toSeconds())))
			.body(problem);
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<ProblemDetail> forbidden(HttpServletRequest request, AccessDeniedException ex) {
		// a security event (ASVS V16.3.2): who tried what; the path holds ids, never a NIK (no API path carries one)
		log.info("SECURITY access-denied method={} path={} reason=\"{}\"", request.getMethod(),
				request.getRequestURI(), ex.getMessage());
		return answer(request, HttpStatus.FORBIDDEN, "problem.forbidden", List.of());
	}

	@ExceptionHandler({ CannotGetJdbcConnectionException.class, DataAccessResourceFailureException.class })
	ResponseEntity<ProblemDetail> databaseDown(HttpServletRequest request, Exception ex) {
		if (DiskFull.is(ex)) {
			log.error("DISK_FULL: the database's disk is full; {} {} was not kept", request.getMethod(),
					request.getRequestURI());
			return answer(request, HttpStatus.INSUFFICIENT_STORAGE, "problem.storageFull", List.of());
		}
		if (!DatabaseFailures.unavailable(ex)) {
			return unexpected(request, ex);
		}
		log.error("Database unavailable: {}", ex.getClass().getSimpleName());
		ProblemDetail problem = problems.problem(request, HttpStatus.SERVICE_UNAVAILABLE, "problem.unavailable",
				List.of());
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "30").body(problem);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(HttpServletRequest request, Exception ex) {
		if (invalidCharacter(ex)) {
			// a NUL character (or another the database's encoding cannot hold) in some text of the request, which no
			// check named before it reached the database: nothing was written (the transaction rolled back)
			return answer(request, HttpStatus.BAD_REQUEST, "problem.validation",
					List.of(FieldProblem.of("body", "TEXT_INVALID_CHARACTER")));
		}
		if (DatabaseFailures.unavailable(ex) || DiskFull.is(ex)) {
			// the server went away under a running request, or a transaction could not begin: 503 as well
			return databaseDown(request, ex);
		}
		// The exception's message may hold personal data (a database error quotes the failing row): log the
		// types and the frames of the chain, never the messages.
		log.error("Unexpected {} on {} {}\n{}", ex.getClass().getName(), request.getMethod(), request.getRequestURI(),
				SafeTraces.of(ex));
		return answer(request, HttpStatus.INTERNAL_SERVER_ERROR, "problem.unexpected", List.of());
	}

	private ResponseEntity<ProblemDetail> answer(HttpServletRequest request, HttpStatus status, String detailKey,
			List<FieldProblem> errors) {
		return ResponseEntity.status(status).body(problems.problem(request, status, detailKey, errors));
	}

	/** Whether the database refused a character of some text (SQLSTATE 22021, 22P05: a NUL, say). */
	private static boolean invalidCharacter(Throwable ex) {
		for (Throwable at = ex; at != null; at = at.getCause()) {
			if (at instanceof SQLException sql
					&& ("22021".equals(sql.getSQLState()) || "22P05".equals(sql.getSQLState()))) {
				return true;
			}
		}
		return false;
	}
}
