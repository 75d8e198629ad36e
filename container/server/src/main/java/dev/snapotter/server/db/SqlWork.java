package dev.snapotter.server.db;

import java.sql.Connection;
import java.sql.SQLException;

/** A unit of database work run with the shared connection. */
@FunctionalInterface
public interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
}
