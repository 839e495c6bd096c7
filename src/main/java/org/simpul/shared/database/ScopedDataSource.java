package org.simpul.shared.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The application's connections, each told whose territory it serves before it is handed out: the session
 * setting {@code simpul.territory} that the row-level security policies read (ADR 0008). Set only when it
 * changes for that physical connection (the pool hands the same ones out again and again), in autocommit
 * before any transaction begins, so a rollback cannot undo it. A connection that was never told sees no
 * territorial row at all.
 */
public class ScopedDataSource extends DelegatingDataSource implements AutoCloseable {

	private final Supplier<String> scope;

	private final Map<Object, String> told = Collections.synchronizedMap(new WeakHashMap<>());

	private final Supplier<DatabaseCircuit> circuit;

	public ScopedDataSource(DataSource target, Supplier<String> scope) {
		this(target, scope, () -> null);
	}

	/** With a circuit: while the database is known to be away, a connection is refused at once. */
	public ScopedDataSource(DataSource target, Supplier<String> scope, Supplier<DatabaseCircuit> circuit) {
		super(target);
		this.scope = scope;
		this.circuit = circuit;
	}

	@Override
	public Connection getConnection() throws SQLException {
		DatabaseCircuit breaker = circuit.get();
		if (breaker == null) {
			return scoped(super.getConnection());
		}
		breaker.requireAvailable();
		try {
			return scoped(super.getConnection());
		}
		catch (SQLException ex) {
			breaker.suspect();
			throw ex;
		}
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return scoped(super.getConnection(username, password));
	}

	private Connection scoped(Connection connection) throws SQLException {
		try {
			String wanted = scope.get();
			Object physical = connection.isWrapperFor(PGConnection.class) ? connection.unwrap(PGConnection.class)
					: connection;
			if (!wanted.equals(told.get(physical))) {
				try (PreparedStatement statement = connection
					.prepareStatement("select set_config('simpul.territory', ?, false)")) {
					statement.setString(1, wanted);
					statement.execute();
				}
				told.put(physical, wanted);
			}
			return connection;
		}
		catch (SQLException | RuntimeException ex) {
			connection.close();
			throw ex;
		}
	}

	@Override
	public void close() throws Exception {
		if (getTargetDataSource() instanceof AutoCloseable closeable) {
			closeable.close();
		}
	}
}
