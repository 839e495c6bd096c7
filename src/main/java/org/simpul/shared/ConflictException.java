package org.simpul.shared;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A write that collides with an existing record (a taken username, a registered NIK): 409. */
@ResponseStatus(HttpStatus.CONFLICT)
public class ConflictException extends RuntimeException {

	private final FieldProblem problem;

	public ConflictException(FieldProblem problem) {
		super(problem.code());
		this.problem = problem;
	}

	public FieldProblem problem() {
		return problem;
	}
}
