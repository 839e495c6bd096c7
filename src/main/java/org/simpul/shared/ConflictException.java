package org.simpul.shared;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A write that collides with an existing record (a taken username, a registered NIK): 409. */
@ResponseStatus(HttpStatus.CONFLICT)
public class ConflictException extends RuntimeException {

	private final FieldProblem problem;

	private final String existing;

	public ConflictException(FieldProblem problem) {
		this(problem, null);
	}

	/**
	 * A collision with a record the caller may open: {@code existing} is the page that shows it (the household
	 * registered meanwhile), for the caller to go on from there.
	 */
	public ConflictException(FieldProblem problem, String existing) {
		super(problem.code());
		this.problem = problem;
		this.existing = existing;
	}

	/** The page of the record collided with, when the caller may see it; else null. */
	public String existing() {
		return existing;
	}

	public FieldProblem problem() {
		return problem;
	}
}
