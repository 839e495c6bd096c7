package org.simpul.shared;

import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/** The paged answer of every API list: {@code {"content": [...], "page": {...}}}. */
public record PageResponse<T>(List<T> content, PageMetadata page) {

	public static final int MAX_SIZE = 200;

	/**
	 * Where a search stops counting (see {@link #capped}), {@code totalElementsCapped} is {@code true} and
	 * {@code totalElements} is the cap, a lower bound; otherwise the field is absent.
	 */
	public record PageMetadata(int size, int number, long totalElements, int totalPages,
			@JsonInclude(JsonInclude.Include.NON_NULL) Boolean totalElementsCapped) {
	}

	public static <T> PageResponse<T> of(List<T> content, PageRequest request, long total) {
		int pages = (int) ((total + request.size() - 1) / request.size());
		return new PageResponse<>(content, new PageMetadata(request.size(), request.page(), total, pages, null));
	}

	/** A page of a search that looked at no more than {@code cap} matches although there were more. */
	public static <T> PageResponse<T> capped(List<T> content, PageRequest request, long cap) {
		int pages = (int) ((cap + request.size() - 1) / request.size());
		return new PageResponse<>(content, new PageMetadata(request.size(), request.page(), cap, pages, true));
	}

	/** True when {@link #capped}: there are more matches than {@code totalElements}. */
	@JsonIgnore
	public boolean isCapped() {
		return Boolean.TRUE.equals(page.totalElementsCapped());
	}

	public <R> PageResponse<R> map(Function<T, R> mapper) {
		return new PageResponse<>(content.stream().map(mapper).toList(), page);
	}

	/** A validated page request: page ≥ 0, 1 ≤ size ≤ 200. */
	public record PageRequest(int page, int size) {

		public PageRequest {
			if (page < 0) {
				throw new InvalidInputException(FieldProblem.of("page", "PAGE_NEGATIVE"));
			}
			if (size < 1 || size > MAX_SIZE) {
				throw new InvalidInputException(FieldProblem.of("size", "PAGE_SIZE_OUT_OF_RANGE"));
			}
		}

		public long offset() {
			return (long) page * size;
		}
	}
}
