/** Flyway's Java migrations, beside the SQL scripts in {@code db/migration}: those whose DDL differs between databases. */
@org.jspecify.annotations.NullMarked
package db.migration;
