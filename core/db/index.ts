export { openDatabase, type Database, type Db, type DbQueryResultHKT, type DbRows, type OpenDatabaseOptions, type Tx } from './database';
export { databaseError, isUniqueViolation, SqlState, type DriverDatabaseError } from './errors';
export { migrateDatabase } from './migrate';
export { refreshPlannerStatistics } from './planner-statistics';
export * from './schema';
